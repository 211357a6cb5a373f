import { z } from 'zod';
import { fullNameSchema, idSchema, passphraseSchema } from './common';
import { roles, type Role } from '../people/roles';

// The people who can unlock the records: the DSL adds deputies and read-only users, each with a
// passphrase of their own (their own key slot), and removes them when they leave.

export const addUserInput = z
  .object({
    fullName: fullNameSchema('their full name'),
    role: z.enum(roles, { message: 'Choose their role.' }),
    passphrase: passphraseSchema,
    passphraseConfirm: z
      .string({ message: 'Type the passphrase again.' })
      .max(200, { message: 'The passphrase must be 200 characters or fewer.' }),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.passphrase !== value.passphraseConfirm) {
      ctx.addIssue({ code: 'custom', path: ['passphraseConfirm'], message: 'The two passphrases are not the same.' });
    }
  });

export const removeUserInput = z.object({ id: idSchema }).strict();

export interface UserView {
  id: string;
  fullName: string;
  role: Role;
  createdAt: string;
  removedAt: string | null;
}
