import { z } from 'zod';
import { isoDateSchema, requiredText } from './common';
import { regions } from '../deadlines';
import type { SettingType } from './session';

export const updateSettingsInput = z
  .object({
    settingName: requiredText("the setting's name", 120).optional(),
    region: z.enum(regions, { message: 'Choose the region whose bank holidays apply.' }).optional(),
    idleLockMinutes: z
      .number({ message: 'Enter a number of minutes.' })
      .int({ message: 'Enter a whole number of minutes.' })
      .min(1, { message: 'Lock after at least 1 minute.' })
      .max(30, { message: 'Lock after 30 minutes at most: records must not stay open on an unattended screen.' })
      .optional(),
  })
  .strict()
  // A key sent as undefined changes nothing (forms send optional fields that way): it is not a change.
  .refine((value) => Object.values(value).some((field) => field !== undefined), { message: 'Change at least one setting.' });

export const addClosureInput = z
  .object({ date: isoDateSchema('the closure date'), reason: requiredText('why the setting is closed (e.g. INSET day)', 200) })
  .strict();

export const removeClosureInput = z.object({ date: isoDateSchema('the closure date') }).strict();

export interface SettingsView {
  settingName: string;
  settingType: SettingType;
  region: (typeof regions)[number];
  idleLockMinutes: number;
  procedureId: string | null;
  recoveryKeyConfirmedAt: string | null;
  recoveryKeyStoredWhere: string | null;
  extraClosures: { date: string; reason: string }[];
}
