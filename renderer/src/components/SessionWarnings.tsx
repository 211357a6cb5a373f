import { Alert, Stack, Text } from '@mantine/core';
import { useSession } from '../api/session';
import { INTEGRITY_WARNING_START } from './IntegrityAlert';

// What the core found at unlock and wants the person to know while the records are open: a key file
// put back from its previous generation, a recovery slot that no longer matches the stored sheet.

export function SessionWarnings() {
  const { status } = useSession();
  // What was changed outside the app is said on every screen, by IntegrityAlert.
  const warnings = (status.warnings ?? []).filter((warning) => !warning.startsWith(INTEGRITY_WARNING_START));
  if (warnings.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {warnings.map((warning) => (
        <Alert key={warning} color="orange" role="alert" title="Check the key file">
          <Text size="sm">{warning}</Text>
        </Alert>
      ))}
    </Stack>
  );
}
