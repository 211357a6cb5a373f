import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { OfficialStrip } from '../../shell/OfficialStrip';
import { RestorePanel, type RestoreOutcome } from './RestorePanel';

// Restore from a backup while nothing is unlocked: on a new computer (from set-up), beside a damaged
// records file, or from the unlock screen. After the restore the records are locked: the DSL
// unlocks them with the passphrase they had when the backup was made.

export function RestoreScreen({ onBack, onRestored }: { onBack: () => void; onRestored: () => void }) {
  const [done, setDone] = useState<RestoreOutcome | null>(null);
  return (
    <>
      <OfficialStrip />
      <Container size={760} py={60}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1}>Restore from a backup</Title>
            <Text c="dimmed">
              Choose a backup made by Escalation Log (on a USB stick or a network drive). It is checked before anything on this computer
              changes.
            </Text>
          </Stack>
          <Paper withBorder p="lg">
            {done ? (
              <Stack>
                <Alert color="green" title={done.keyFileOnly ? 'Key file put back' : 'Backup restored'} role="status">
                  <Text size="sm">
                    {done.keyFileOnly
                      ? `The key file from the backup "${done.restoredFrom}" is back beside the records, which are as they were.`
                      : `The records from the backup "${done.restoredFrom}" are in place.`}
                  </Text>
                  {done.keptAsideIn ? <Text size="sm">The records that were on this computer are kept in {done.keptAsideIn}.</Text> : null}
                  <Text size="sm">Unlock with the passphrase you had when the backup was made.</Text>
                </Alert>
                <Button w="fit-content" onClick={onRestored}>
                  Go to unlock
                </Button>
              </Stack>
            ) : (
              <RestorePanel initialFolder="" onRestored={setDone} />
            )}
          </Paper>
          {done ? null : (
            <Button variant="subtle" w="fit-content" onClick={onBack}>
              Back
            </Button>
          )}
        </Stack>
      </Container>
    </>
  );
}
