import { z } from 'zod';
import { emptyInput } from './common';

// Backups and restore: where sets go, what a set holds, and the steps of a restore. A folder is
// typed as a path (browser mode has no folder picker; the desktop app may fill it in from one).

const backupFolderSchema = z
  .string({ message: 'Enter the folder to keep backups in.' })
  .trim()
  .min(1, { message: 'Enter the folder to keep backups in, for example E:\\Escalation Log backups.' })
  .max(400, { message: 'That folder path is too long (400 characters at most).' });

export const updateBackupSettingsInput = z
  .object({
    folder: backupFolderSchema,
    keep: z
      .number({ message: 'Enter how many backups to keep.' })
      .int({ message: 'Enter a whole number of backups to keep.' })
      .min(1, { message: 'Keep at least 1 backup.' })
      .max(100, { message: 'Keep at most 100 backups.' }),
    automatic: z.boolean(),
  })
  .strict();

export const runBackupInput = emptyInput;

export const listBackupSetsInput = z.object({ folder: backupFolderSchema.optional() }).strict();

const setNameSchema = z
  .string({ message: 'Choose a backup set.' })
  .min(1, { message: 'Choose a backup set.' })
  .max(200)
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', { message: 'Choose a backup set from the list.' });

export const openBackupSetInput = z
  .object({
    folder: backupFolderSchema,
    setName: setNameSchema,
    /** A DSL's passphrase as it was when the set was made, or the recovery key on the printed sheet. */
    passphrase: z.string().max(200).optional(),
    recoveryKey: z.string().trim().max(120).optional(),
  })
  .strict()
  .refine((value) => (value.passphrase ?? '') !== '' || (value.recoveryKey ?? '') !== '', {
    message: "Enter the Designated Safeguarding Lead's passphrase or the recovery key.",
    path: ['passphrase'],
  });

export const confirmRestoreInput = z
  .object({ confirmed: z.literal(true, { message: 'Tick to confirm the records on this computer are to be replaced.' }) })
  .strict();

export const cancelRestoreInput = emptyInput;

export const recoverKeyFileInput = z
  .object({ confirmed: z.literal(true, { message: 'Tick to confirm the key file from this backup is to be put back.' }) })
  .strict();

export const backupReasons = ['manual', 'lock', 'quit', 'daily'] as const;
export type BackupReason = (typeof backupReasons)[number];
export const backupReasonLabels: Record<BackupReason, string> = {
  manual: 'Backed up by hand',
  lock: 'Automatic, on lock',
  quit: 'Automatic, on closing',
  daily: 'Automatic, daily',
};

export interface BackupRun {
  at: string;
  reason: BackupReason;
  folder: string;
  setName: string | null;
  ok: boolean;
  message: string | null;
}

export interface BackupStatus {
  /** Null until a folder is chosen. */
  folder: string | null;
  keep: number;
  automatic: boolean;
  lastGood: BackupRun | null;
  lastAttempt: BackupRun | null;
  /** No good backup, or the last good one is older than a week. */
  overdue: boolean;
  recent: BackupRun[];
}

export interface BackupMade {
  folder: string;
  setName: string;
  madeAt: string;
  bytes: number;
  removed: string[];
}

export interface BackupSetSummary {
  name: string;
  madeAt: string | null;
  reason: BackupReason | null;
  appVersion: string | null;
  /** Children, escalations, referrals and documents in the set, from its manifest. */
  counts: { children: number; escalations: number; referrals: number; documents: number } | null;
  /** True when it is a backup of the records open on this computer; false for another setting's; null when there are none here. */
  ours: boolean | null;
  problem: string | null;
}

export interface BackupSetList {
  folder: string;
  sets: BackupSetSummary[];
}

export interface RestorePreview {
  setName: string;
  madeAt: string;
  settingName: string | null;
  counts: { children: number; escalations: number; referrals: number; documents: number; auditEntries: number };
  newestRecordAt: string | null;
  checks: string[];
  /** What happens to the records on this computer now. */
  replaces: 'live-records' | 'nothing';
  /**
   * The records file on this computer is there but its key files are not usable, and this set's key
   * file opens it: the key file alone can be put back, keeping every record made since the backup.
   */
  canRecoverKeyFileOnly: boolean;
}

export interface KeyFileRecovered {
  recoveredFrom: string;
}

export interface RestoreDone {
  restoredFrom: string;
  /** The folder inside the data folder where the replaced files were kept. */
  keptAsideIn: string | null;
}
