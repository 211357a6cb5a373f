import { Alert, Anchor, Text } from '@mantine/core';
import { ukDateTime } from '../format';

/** Says that what was typed before (a lock, a closed window, a crash) has been put back. */
export function DraftNotice({ restoredAt, onDiscard }: { restoredAt: string | null; onDiscard: () => void }) {
  if (!restoredAt) return null;
  return (
    <Alert color="indigo" variant="light" mb="md" role="status">
      <Text size="sm">
        What you were typing (kept at {ukDateTime(restoredAt)}) has been put back. It is not saved as a record until you save it.{' '}
        <Anchor component="button" type="button" size="sm" onClick={onDiscard}>
          Discard it
        </Anchor>
      </Text>
    </Alert>
  );
}
