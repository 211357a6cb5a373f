import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SessionStatus } from '../../../../shared/schemas/session';
import { FormError } from '../../components/Page';
import { useApiForm } from '../../forms/useApiForm';
import { OfficialStrip } from '../../shell/OfficialStrip';

// Unlock with the passphrase, or with the recovery key (which then needs a new passphrase).
// Repeated wrong attempts are slowed down by the core; the wait is shown as a countdown.

function useCountdown(initial: number): [number, (seconds: number) => void] {
  const [seconds, setSeconds] = useState(initial);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = window.setTimeout(() => setSeconds((value) => Math.max(0, value - 1)), 1000);
    return () => window.clearTimeout(timer);
  }, [seconds]);
  return [seconds, setSeconds];
}

function PassphraseForm({
  onUnlocked,
  wait,
  setWait,
}: {
  onUnlocked: (status: SessionStatus) => void;
  wait: number;
  setWait: (seconds: number) => void;
}) {
  const toInput = useCallback((values: { passphrase: string }) => values, []);
  const form = useApiForm({ method: 'session.unlock', initial: { passphrase: '' }, toInput, onSuccess: onUnlocked });
  useEffect(() => {
    if (form.formError?.code === 'rate_limited') setWait(form.formError.retryAfterSeconds ?? 10);
  }, [form.formError, setWait]);
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack>
        {form.formError && form.formError.code !== 'rate_limited' ? <FormError error={form.formError} /> : null}
        {wait > 0 ? (
          <Alert color="orange" role="alert">
            Too many wrong attempts. Try again in {wait} seconds.
          </Alert>
        ) : null}
        <PasswordInput
          label="Passphrase"
          required
          autoFocus
          value={form.values.passphrase}
          onChange={(event) => form.set('passphrase', event.currentTarget.value)}
          error={form.error('passphrase')}
          autoComplete="current-password"
        />
        <Button type="submit" loading={form.submitting} disabled={wait > 0}>
          Unlock
        </Button>
      </Stack>
    </form>
  );
}

function RecoveryForm({
  onUnlocked,
  wait,
  setWait,
}: {
  onUnlocked: (status: SessionStatus) => void;
  wait: number;
  setWait: (seconds: number) => void;
}) {
  const toInput = useCallback((values: { recoveryKey: string; newPassphrase: string; newPassphraseConfirm: string }) => values, []);
  const form = useApiForm({
    method: 'session.unlockWithRecoveryKey',
    initial: { recoveryKey: '', newPassphrase: '', newPassphraseConfirm: '' },
    toInput,
    onSuccess: onUnlocked,
  });
  useEffect(() => {
    if (form.formError?.code === 'rate_limited') setWait(form.formError.retryAfterSeconds ?? 10);
  }, [form.formError, setWait]);
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack>
        <Text size="sm">
          Type the key from the printed recovery sheet, then choose a new passphrase. A new recovery key is made straight after, so print
          the new sheet and destroy the old one.
        </Text>
        {form.formError && form.formError.code !== 'rate_limited' ? <FormError error={form.formError} /> : null}
        {wait > 0 ? (
          <Alert color="orange" role="alert">
            Too many wrong attempts. Try again in {wait} seconds.
          </Alert>
        ) : null}
        <TextInput
          label="Recovery key"
          required
          autoFocus
          value={form.values.recoveryKey}
          onChange={(event) => form.set('recoveryKey', event.currentTarget.value)}
          onBlur={() => form.touch('recoveryKey')}
          error={form.error('recoveryKey')}
          autoComplete="off"
          spellCheck={false}
        />
        <PasswordInput
          label="New passphrase"
          required
          value={form.values.newPassphrase}
          onChange={(event) => form.set('newPassphrase', event.currentTarget.value)}
          onBlur={() => form.touch('newPassphrase')}
          error={form.error('newPassphrase')}
          autoComplete="new-password"
        />
        <PasswordInput
          label="New passphrase again"
          required
          value={form.values.newPassphraseConfirm}
          onChange={(event) => form.set('newPassphraseConfirm', event.currentTarget.value)}
          onBlur={() => form.touch('newPassphraseConfirm')}
          error={form.error('newPassphraseConfirm')}
          autoComplete="new-password"
        />
        <Button type="submit" loading={form.submitting} disabled={wait > 0}>
          Unlock with the recovery key
        </Button>
      </Stack>
    </form>
  );
}

export function UnlockScreen({
  retryAfterSeconds,
  onUnlocked,
}: {
  retryAfterSeconds: number;
  onUnlocked: (status: SessionStatus) => void;
}) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [wait, setWait] = useCountdown(retryAfterSeconds);
  return (
    <>
      <OfficialStrip />
      <Container size={440} py={80}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1}>Escalation Log is locked</Title>
            <Text c="dimmed">The safeguarding records on this computer are encrypted. Unlock them to continue.</Text>
          </Stack>
          <Paper withBorder p="lg">
            {mode === 'passphrase' ? (
              <PassphraseForm onUnlocked={onUnlocked} wait={wait} setWait={setWait} />
            ) : (
              <RecoveryForm onUnlocked={onUnlocked} wait={wait} setWait={setWait} />
            )}
          </Paper>
          <Anchor component="button" type="button" size="sm" onClick={() => setMode(mode === 'passphrase' ? 'recovery' : 'passphrase')}>
            {mode === 'passphrase' ? 'Forgotten your passphrase? Use the recovery key' : 'Unlock with your passphrase instead'}
          </Anchor>
        </Stack>
      </Container>
    </>
  );
}
