import { z } from 'zod';
import { jsonProblem, jsonProblemMessages, type JsonLimits, type JsonValue } from '../json-limits';

// A draft: what was typed into a form and not yet saved. Keyed by form (e.g. 'escalation-entry:<id>').

const formKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9:-]+$/, { message: 'That is not a form this app has.' });

/** A form's values are a few dozen fields, a few levels deep: a draft is refused well past that. */
export const DRAFT_LIMITS: JsonLimits = { maxDepth: 12, maxNodes: 5_000, maxChars: 200_000 };

/** Any plain JSON the form holds, as long as it is not huge and not deep (checked without recursion). */
const draftContent = z
  .custom<JsonValue>(() => true)
  .superRefine((value, ctx) => {
    const problem = jsonProblem(value, DRAFT_LIMITS);
    if (problem)
      ctx.addIssue({ code: 'custom', message: problem === 'too-large' ? 'That draft is too long to keep.' : jsonProblemMessages[problem] });
  });

export const saveDraftInput = z.object({ formKey, content: draftContent }).strict();
export const draftKeyInput = z.object({ formKey }).strict();

export interface Draft {
  content: unknown;
  updatedAt: string;
}
