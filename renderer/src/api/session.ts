import { createContext, useContext } from 'react';
import type { SessionStatus } from '../../../shared/schemas/session';

export type UnlockedStatus = Extract<SessionStatus, { state: 'unlocked' }>;

export interface SessionContextValue {
  status: UnlockedStatus;
  /** Ask the core again (after a change that affects the session, e.g. a new recovery key). */
  refresh: () => Promise<void>;
  lock: () => Promise<void>;
  /** A recovery key was just made (Settings): show it once, on the recovery key screen, until it is confirmed as stored. */
  showRecoveryKey: (recoveryKey: string) => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the unlocked app');
  return value;
}
