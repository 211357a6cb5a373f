import { Alert, Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionStatus } from '../../shared/schemas/session';
import { apiBridge, onSessionLocked } from './api/client';
import { AppShellLayout } from './shell/AppShellLayout';
import { SetupScreen } from './screens/setup/SetupScreen';
import { RecoveryKeyScreen } from './screens/setup/RecoveryKeyScreen';
import { UnlockScreen } from './screens/unlock/UnlockScreen';
import { RestoreScreen } from './screens/restore/RestoreScreen';
import { SessionContext, type SessionContextValue } from './api/session';
import { GateFrame } from './shell/GateFrame';

// The session gate: what the core says the session is decides the whole screen. Checked on load,
// when the window regains focus, and every 30 seconds, because the core locks itself when idle.

export function App() {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** A recovery key just made (setup or recovery), shown once and never stored. */
  const [freshRecoveryKey, setFreshRecoveryKey] = useState<string | null>(null);
  /** Restoring a backup while nothing is unlocked (a new computer, a damaged file, or from the unlock screen). */
  const [restoring, setRestoring] = useState(false);

  const refresh = useCallback(async () => {
    const result = await apiBridge.call('session.status', {});
    if (result.ok) {
      setStatus(result.value);
      setFailure(null);
      // A recovery key never outlives the session it was made in.
      if (result.value.state !== 'unlocked') setFreshRecoveryKey(null);
    } else {
      setFailure(result.error.message);
    }
  }, []);

  const lock = useCallback(async () => {
    setFreshRecoveryKey(null);
    const result = await apiBridge.call('session.lock', {});
    if (result.ok) setStatus(result.value);
    else await refresh();
  }, [refresh]);

  useEffect(() => {
    let active = true;
    void apiBridge.call('session.status', {}).then((result) => {
      if (!active) return;
      if (result.ok) setStatus(result.value);
      else setFailure(result.error.message);
    });
    const timer = window.setInterval(() => void refresh(), 30_000);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const stopNoticing = onSessionLocked(() => void refresh());
    return () => {
      active = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      stopNoticing();
    };
  }, [refresh]);

  const unlocked = status?.state === 'unlocked' ? status : null;
  const showRecoveryKey = useCallback(
    async (recoveryKey: string) => {
      setFreshRecoveryKey(recoveryKey);
      await refresh();
    },
    [refresh],
  );
  const context = useMemo<SessionContextValue | null>(
    () => (unlocked ? { status: unlocked, refresh, lock, showRecoveryKey } : null),
    [unlocked, refresh, lock, showRecoveryKey],
  );

  if (failure && !status) {
    return (
      <GateFrame title="Not responding">
        <Container size="sm" py="xl">
          <Alert color="red" title="Escalation Log is not responding" role="alert">
            {failure}
          </Alert>
        </Container>
      </GateFrame>
    );
  }
  if (!status) {
    return (
      <Center h="100vh">
        <Loader aria-label="Starting Escalation Log" />
      </Center>
    );
  }
  if (restoring && status.state !== 'unlocked') {
    return (
      <GateFrame title="Restore from a backup">
        <RestoreScreen
          onBack={() => {
            void apiBridge.call('backups.cancelRestore', {});
            setRestoring(false);
          }}
          onRestored={() => {
            setRestoring(false);
            void refresh();
          }}
        />
      </GateFrame>
    );
  }
  switch (status.state) {
    case 'not-set-up':
      return (
        <GateFrame title="Set up">
          <SetupScreen
            onSetUp={(recoveryKey) => {
              setFreshRecoveryKey(recoveryKey);
              void refresh();
            }}
            onRestore={() => setRestoring(true)}
          />
        </GateFrame>
      );
    case 'damaged':
      return (
        <GateFrame title="The records cannot be opened">
          <Container size="sm" py="xl">
            <Stack>
              <Title order={1} size="h2">
                The records cannot be opened
              </Title>
              <Alert color="red" role="alert">
                <Text>{status.message}</Text>
              </Alert>
              <Button w="fit-content" onClick={() => setRestoring(true)}>
                Restore from a backup
              </Button>
            </Stack>
          </Container>
        </GateFrame>
      );
    case 'locked':
      return (
        <GateFrame title="Locked">
          <UnlockScreen
            retryAfterSeconds={status.retryAfterSeconds}
            onUnlocked={(next, newRecoveryKey) => {
              // Unlocked with the recovery key: the new key made straight after is shown, once.
              if (newRecoveryKey) setFreshRecoveryKey(newRecoveryKey);
              setStatus(next);
            }}
            notice={status.notice}
            onRestore={() => setRestoring(true)}
          />
        </GateFrame>
      );
    case 'unlocked':
      if (!context) return null;
      return (
        <SessionContext.Provider value={context}>
          {status.recoveryKeyConfirmed && !status.recoveryKeyPending ? (
            <AppShellLayout />
          ) : (
            <GateFrame title="Your recovery key">
              <RecoveryKeyScreen
                recoveryKey={freshRecoveryKey}
                onNewKey={setFreshRecoveryKey}
                onConfirmed={(next) => {
                  setFreshRecoveryKey(null);
                  setStatus(next);
                }}
              />
            </GateFrame>
          )}
        </SessionContext.Provider>
      );
  }
}
