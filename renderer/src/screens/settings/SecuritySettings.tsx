import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { can } from '../../../../shared/permissions';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { FormError } from '../../components/Page';
import { ukDate } from '../../format';
import { useApiForm } from '../../api/useApiForm';
import { IdleLockSetting } from './IdleLockSetting';
import { PassphraseStrength } from '../../components/PassphraseStrength';
import { RecordsKeySettings } from './RecordsKeySettings';

export function SecuritySettings() {
  const { status, showRecoveryKey } = useSession();
  const settings = useApi('settings.get', {});
  const [changed, setChanged] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmingNewKey, setConfirmingNewKey] = useState(false);
  const [makingKey, setMakingKey] = useState(false);
  const toInput = useCallback((values: { currentPassphrase: string; newPassphrase: string; newPassphraseConfirm: string }) => values, []);
  const form = useApiForm({
    method: 'session.changePassphrase',
    initial: { currentPassphrase: '', newPassphrase: '', newPassphraseConfirm: '' },
    toInput,
    onSuccess: () => setChanged(true),
  });
  // The new key is handed to the session gate, which shows it once on the recovery key screen.
  const newRecoveryKey = async () => {
    setMakingKey(true);
    const result = await apiBridge.call('session.replaceRecoveryKey', {});
    setMakingKey(false);
    setConfirmingNewKey(false);
    if (result.ok) await showRecoveryKey(result.value.recoveryKey);
    else setMessage(result.error.message);
  };

  return (
    <Stack maw={560}>
      {message ? (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      ) : null}
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={(event) => void form.submit(event)}
        noValidate
        aria-labelledby="change-passphrase"
      >
        <Title order={3} size="h5" id="change-passphrase" mb="sm">
          Change your passphrase
        </Title>
        {changed ? (
          <Alert color="green" mb="sm">
            Your passphrase is changed. Use the new one next time you unlock.
          </Alert>
        ) : null}
        <FormError error={form.formError} />
        <Stack>
          <PasswordInput label="Current passphrase" required {...form.bind('currentPassphrase')} autoComplete="current-password" />
          <PasswordInput label="New passphrase" required {...form.bind('newPassphrase')} autoComplete="new-password" />
          <PassphraseStrength passphrase={form.values.newPassphrase} fieldError={form.error('newPassphrase')} />
          <PasswordInput label="New passphrase again" required {...form.bind('newPassphraseConfirm')} autoComplete="new-password" />
          <Button type="submit" loading={form.submitting} w="fit-content">
            Change passphrase
          </Button>
        </Stack>
      </Paper>
      {can(status.user.role, 'session.replaceRecoveryKey') ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Recovery key
          </Title>
          <Text size="sm" mb="sm">
            {settings.data?.recoveryKeyConfirmedAt
              ? `Confirmed stored on ${ukDate(settings.data.recoveryKeyConfirmedAt)}: ${settings.data.recoveryKeyStoredWhere ?? ''}.`
              : 'The recovery key has not been confirmed as stored.'}{' '}
            If the sheet is lost or may have been seen, make a new key: the old one stops working once the new sheet is confirmed as stored.
          </Text>
          {confirmingNewKey ? (
            <Alert color="orange" title="Make a new recovery key?" role="alert">
              <Text size="sm" mb="sm">
                The new key is shown next, once. The key on the printed sheet keeps working until you confirm the new sheet is stored; then
                it stops. Print the new sheet, store it, and destroy the old sheet.
              </Text>
              <Group>
                <Button color="orange" loading={makingKey} onClick={() => void newRecoveryKey()}>
                  Yes, make a new recovery key
                </Button>
                <Button variant="default" onClick={() => setConfirmingNewKey(false)} disabled={makingKey}>
                  Cancel
                </Button>
              </Group>
            </Alert>
          ) : (
            <Button variant="light" color="orange" onClick={() => setConfirmingNewKey(true)}>
              Make a new recovery key
            </Button>
          )}
        </Paper>
      ) : null}
      {can(status.user.role, 'settings.update') && settings.data ? (
        <IdleLockSetting minutes={settings.data.idleLockMinutes} onSaved={settings.setData} />
      ) : null}
      {can(status.user.role, 'security.status') ? <RecordsKeySettings /> : null}
    </Stack>
  );
}
