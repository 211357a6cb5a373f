import { Alert, Button, Checkbox, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../../../shared/schemas/session';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { FormError } from '../../components/Page';
import { saveDocument } from '../../downloads';
import { useApiForm } from '../../api/useApiForm';
import { OfficialStrip } from '../../shell/OfficialStrip';

// The recovery key, shown once. The DSL prints the sheet, stores it, and says where; until then the
// app stays on this screen. If the key is no longer in memory (the page was reloaded), a new one
// is made instead: the old one can never be shown again.

export function RecoveryKeyScreen(props: {
  recoveryKey: string | null;
  onNewKey: (key: string) => void;
  onConfirmed: (status: SessionStatus) => void;
}) {
  const { status } = useSession();
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [making, setMaking] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  // The contract accepts only `confirmed: true`; the tick box is checked here, before sending.
  const toInput = useCallback(
    (values: { confirmed: boolean; storedWhere: string }) => ({ confirmed: true as const, storedWhere: values.storedWhere }),
    [],
  );
  const form = useApiForm({
    method: 'session.confirmRecoveryKeyStored',
    initial: { confirmed: false, storedWhere: '' },
    toInput,
    onSuccess: props.onConfirmed,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.confirmed) {
      setConfirmError('Tick to confirm the recovery sheet is printed and stored safely.');
      form.touch('storedWhere');
      return;
    }
    void form.submit();
  };

  const download = async () => {
    setDownloading(true);
    setSheetError(null);
    const result = await apiBridge.call('session.recoverySheet', {});
    setDownloading(false);
    if (result.ok) saveDocument(result.value);
    else setSheetError(result.error.message);
  };

  const keep = async () => {
    const result = await apiBridge.call('session.keepCurrentRecoveryKey', {});
    if (result.ok) props.onConfirmed(result.value);
    else setSheetError(result.error.message);
  };

  const makeNew = async () => {
    setMaking(true);
    const result = await apiBridge.call('session.replaceRecoveryKey', {});
    setMaking(false);
    if (result.ok) props.onNewKey(result.value.recoveryKey);
    else setSheetError(result.error.message);
  };

  return (
    <>
      <OfficialStrip />
      <Container size="sm" py="xl">
        <Stack gap="lg">
          <Title order={1}>Your recovery key</Title>
          {props.recoveryKey ? (
            <>
              <Text>
                This key opens the records if every passphrase is forgotten. It is shown <strong>only now</strong>. Download the recovery
                sheet, print it, and store it sealed in the school safe or another locked place.
              </Text>
              <Paper withBorder p="lg" radius="md" aria-label="Recovery key">
                <div className="key-groups" data-testid="recovery-key" aria-label={`Recovery key: ${props.recoveryKey}`}>
                  {props.recoveryKey.split('-').map((group, index) => (
                    <span key={index}>{group}</span>
                  ))}
                </div>
              </Paper>
              <Group>
                <Button onClick={() => void download()} loading={downloading}>
                  Download the recovery sheet (PDF)
                </Button>
              </Group>
              {sheetError ? (
                <Alert color="red" role="alert">
                  {sheetError}
                </Alert>
              ) : null}
              <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
                <Stack>
                  <FormError error={form.formError} />
                  <Checkbox
                    label="I have printed the recovery sheet and stored it safely"
                    checked={form.values.confirmed}
                    onChange={(event) => {
                      form.set('confirmed', event.currentTarget.checked);
                      if (event.currentTarget.checked) setConfirmError(null);
                    }}
                    error={confirmError}
                  />
                  <TextInput
                    label="Where is it stored?"
                    description="For example: sealed envelope in the school safe."
                    required
                    {...form.bind('storedWhere')}
                  />
                  <Group justify="flex-end">
                    <Button type="submit" loading={form.submitting}>
                      Continue to Escalation Log
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            </>
          ) : (
            <Stack>
              {status.recoveryKeyConfirmed ? (
                <Alert color="orange" title="Make a new recovery key, or keep the one on your stored sheet" role="alert">
                  A new recovery key was offered but can’t be shown again (a recovery key is only shown once, straight after it is made).
                  The key on the sheet you stored still works until a new one is confirmed as stored. If that key was typed on this computer
                  or the sheet may have been seen, make a new one.
                </Alert>
              ) : (
                <Alert color="orange" title="The recovery key has not been confirmed as stored" role="alert">
                  A recovery key is only shown once, straight after it is made, and this one can no longer be shown. Make a new recovery
                  key: it replaces this one when you confirm its sheet is stored.
                </Alert>
              )}
              {sheetError ? (
                <Alert color="red" role="alert">
                  {sheetError}
                </Alert>
              ) : null}
              <Group>
                <Button onClick={() => void makeNew()} loading={making}>
                  Make a new recovery key
                </Button>
                {status.recoveryKeyConfirmed ? (
                  <Button variant="default" onClick={() => void keep()}>
                    Keep the key on my stored sheet
                  </Button>
                ) : null}
              </Group>
            </Stack>
          )}
        </Stack>
      </Container>
    </>
  );
}
