import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SessionStatus } from '../../../../shared/schemas/session';
import type { ApiError } from '../../../../shared/result';
import { FormError } from '../../components/Page';
import { useApiForm } from '../../api/useApiForm';
import { OfficialStrip } from '../../shell/OfficialStrip';
import { PassphraseStrength } from '../../components/PassphraseStrength';

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

/** A `rate_limited` answer starts the countdown before the next attempt. */
function useRateLimit(error: ApiError | null, setWait: (seconds: number) => void): void {
  useEffect(() => {
    if (error?.code === 'rate_limited' || (error?.retryAfterSeconds ?? 0) > 0) setWait(error?.retryAfterSeconds ?? 10);
  }, [error, setWait]);
}

/** Any failure other than the wait, and the wait itself as a countdown. */
function AttemptNotices({ error, wait }: { error: ApiError | null; wait: number }) {
  return (
    <>
      {error && error.code !== 'rate_limited' ? <FormError error={error} /> : null}
      {wait > 0 ? (
        <Alert color="orange" role="alert">
          Too many wrong attempts. Try again in {wait} {wait === 1 ? 'second' : 'seconds'}.
        </Alert>
      ) : null}
    </>
  );
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
  useRateLimit(form.formError, setWait);
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack>
        <AttemptNotices error={form.formError} wait={wait} />
        <PasswordInput label="Passphrase" required autoFocus {...form.bind('passphrase')} autoComplete="current-password" />
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
  onUnlocked: (status: SessionStatus, newRecoveryKey?: string) => void;
  wait: number;
  setWait: (seconds: number) => void;
}) {
  const toInput = useCallback((values: { recoveryKey: string; newPassphrase: string; newPassphraseConfirm: string }) => values, []);
  const form = useApiForm({
    method: 'session.unlockWithRecoveryKey',
    initial: { recoveryKey: '', newPassphrase: '', newPassphraseConfirm: '' },
    toInput,
    // The new recovery key made straight after goes to the recovery key screen, shown once; the
    // session goes on without it.
    onSuccess: ({ newRecoveryKey, ...unlocked }) => onUnlocked(unlocked, newRecoveryKey),
  });
  useRateLimit(form.formError, setWait);
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack>
        <Text size="sm">
          Type the key from the printed recovery sheet, then choose a new passphrase. A new recovery key is made straight after, so print
          the new sheet and destroy the old one.
        </Text>
        <AttemptNotices error={form.formError} wait={wait} />
        <TextInput label="Recovery key" required autoFocus {...form.bind('recoveryKey')} autoComplete="off" spellCheck={false} />
        <PasswordInput label="New passphrase" required {...form.bind('newPassphrase')} autoComplete="new-password" />
        <PassphraseStrength passphrase={form.values.newPassphrase} fieldError={form.error('newPassphrase')} />
        <PasswordInput label="New passphrase again" required {...form.bind('newPassphraseConfirm')} autoComplete="new-password" />
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
  notice,
  onRestore,
}: {
  retryAfterSeconds: number;
  onUnlocked: (status: SessionStatus, newRecoveryKey?: string) => void;
  /** What went wrong at the last lock, or a key file answered from its previous generation. */
  notice?: string | undefined;
  /** Shows the restore screen (restore from a backup). */
  onRestore?: () => void;
}) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [wait, setWait] = useCountdown(retryAfterSeconds);
  return (
    <>
      <OfficialStrip />
      <Container size={500} py={80}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1}>Escalation Log is locked</Title>
            <Text c="dimmed">The safeguarding records on this computer are encrypted. Unlock them to continue.</Text>
          </Stack>
          {notice ? (
            <Alert color="orange" role="alert" title="Before you unlock">
              {notice}
            </Alert>
          ) : null}
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
          {onRestore ? (
            <Anchor component="button" type="button" size="sm" onClick={onRestore}>
              Restore from a backup
            </Anchor>
          ) : null}
        </Stack>
      </Container>
    </>
  );
}
