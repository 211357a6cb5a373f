import { Alert, Stack, Text } from '@mantine/core';
import { useSession } from '../api/session';

// What the checks at unlock found changed outside Escalation Log (the audit log, its protections,
// stored documents, who may open the records): said loudly, in red, at the top of every screen for
// as long as the records are open, whichever screen the unlock returned to. The rest of what the core
// says at unlock is on the dashboard (SessionWarnings).

export const INTEGRITY_WARNING_START = 'Escalation Log found signs';

export function IntegrityAlert() {
  const { status } = useSession();
  const found = (status.warnings ?? []).filter((warning) => warning.startsWith(INTEGRITY_WARNING_START));
  if (found.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {found.map((warning) => (
        <Alert key={warning} color="red" variant="filled" role="alert" title="The records were changed outside Escalation Log">
          <Text size="sm">{warning}</Text>
        </Alert>
      ))}
    </Stack>
  );
}
