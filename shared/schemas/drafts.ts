import { z } from 'zod';

// A draft: what was typed into a form and not yet saved. Keyed by form (e.g. 'escalation-entry:<id>').

const formKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9:-]+$/, { message: 'That is not a form this app has.' });

/** Any JSON the form holds, as long as it is not huge. */
const draftContent = z.json().refine((value) => JSON.stringify(value).length <= 200_000, { message: 'That draft is too long to keep.' });

export const saveDraftInput = z.object({ formKey, content: draftContent }).strict();
export const draftKeyInput = z.object({ formKey }).strict();

export interface Draft {
  content: unknown;
  updatedAt: string;
}
