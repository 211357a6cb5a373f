import { z } from 'zod';
import { regions } from '../deadlines';
import type { Role } from '../people/roles';
import { fullNameSchema, passphraseSchema, requiredText } from './common';

export const settingTypes = ['school', 'early-years'] as const;
export type SettingType = (typeof settingTypes)[number];
export const settingTypeLabels: Record<SettingType, string> = {
  school: 'School',
  'early-years': 'Early years setting',
};

/** The second typing of a new passphrase must match the first. */
function passphrasesMatch(first: 'passphrase' | 'newPassphrase', confirm: 'passphraseConfirm' | 'newPassphraseConfirm') {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (value[first] !== value[confirm]) {
      ctx.addIssue({ code: 'custom', path: [confirm], message: 'The two passphrases are not the same.' });
    }
  };
}

const confirmSchema = z
  .string({ message: 'Type the passphrase again.' })
  .max(200, { message: 'The passphrase must be 200 characters or fewer.' });

export const setupInput = z
  .object({
    settingName: requiredText("the setting's name", 120),
    settingType: z.enum(settingTypes, { message: 'Choose whether this is a school or an early years setting.' }),
    region: z.enum(regions, { message: 'Choose the region whose bank holidays apply.' }),
    dslName: fullNameSchema("the Designated Safeguarding Lead's full name"),
    passphrase: passphraseSchema,
    passphraseConfirm: confirmSchema,
  })
  .strict()
  .superRefine(passphrasesMatch('passphrase', 'passphraseConfirm'));
export type SetupInput = z.input<typeof setupInput>;

export const unlockInput = z
  .object({ passphrase: z.string({ message: 'Enter your passphrase.' }).min(1, { message: 'Enter your passphrase.' }).max(200) })
  .strict();

const recoveryKeySchema = z
  .string({ message: 'Enter the recovery key.' })
  .trim()
  .min(1, { message: 'Enter the recovery key from the printed recovery sheet.' })
  .max(120, { message: 'That is longer than a recovery key.' });

export const unlockWithRecoveryKeyInput = z
  .object({ recoveryKey: recoveryKeySchema, newPassphrase: passphraseSchema, newPassphraseConfirm: confirmSchema })
  .strict()
  .superRefine(passphrasesMatch('newPassphrase', 'newPassphraseConfirm'));

export const changePassphraseInput = z
  .object({
    currentPassphrase: z
      .string({ message: 'Enter your current passphrase.' })
      .min(1, { message: 'Enter your current passphrase.' })
      .max(200),
    newPassphrase: passphraseSchema,
    newPassphraseConfirm: confirmSchema,
  })
  .strict()
  .superRefine(passphrasesMatch('newPassphrase', 'newPassphraseConfirm'));

export const confirmRecoveryKeyStoredInput = z
  .object({
    confirmed: z.literal(true, { message: 'Tick to confirm the recovery sheet is printed and stored safely.' }),
    storedWhere: requiredText('where the recovery sheet is stored', 200),
  })
  .strict();

/**
 * Saving the recovery sheet as a file is a choice the DSL makes after a warning: a file copy of the
 * key can end up in Downloads, backups and search indexes. Printing needs no file at all.
 */
export const recoverySheetCopyInput = z
  .object({
    understood: z.literal(true, {
      message: 'Tick to confirm you understand the saved copy must be deleted once the sheet is printed.',
    }),
  })
  .strict();

export interface SessionUser {
  id: string;
  fullName: string;
  role: Role;
}

export type SessionStatus =
  | { state: 'not-set-up' }
  | {
      state: 'locked';
      retryAfterSeconds: number;
      /** What went wrong on the way to the last lock, or a key file answered from its previous generation: said on the unlock screen. */
      notice?: string;
    }
  | { state: 'damaged'; message: string }
  | {
      state: 'unlocked';
      user: SessionUser;
      settingName: string;
      settingType: SettingType;
      recoveryKeyConfirmed: boolean;
      /** A new recovery key has been made and is waiting to be confirmed as stored. */
      recoveryKeyPending: boolean;
      idleLockMinutes: number;
      /** Said at unlock and while open: a key file put back from its previous generation, a recovery slot that no longer matches. */
      warnings?: string[];
    };

export interface NewRecoveryKey {
  recoveryKey: string;
  fileId: string;
}

/**
 * Unlocked with the recovery key: the session, and the new recovery key made straight after (the
 * typed one has been seen on this computer). It is in this answer only, for the screen to show once.
 */
export type RecoveryUnlocked = Extract<SessionStatus, { state: 'unlocked' }> & { newRecoveryKey: string };

/** What the printed recovery sheet shows, for the page to print from memory (never a file). */
export interface RecoverySheet {
  settingName: string;
  dslName: string;
  recoveryKey: string;
  createdAt: string;
  fileId: string;
}
