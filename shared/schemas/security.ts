import { z } from 'zod';
import { isoDateSchema } from './common';

// The DSL's security controls (Settings, Security): replacing the records' key on demand, the checks
// made at every unlock and how they came out, and the audit log (read, filtered, exported as a PDF).

/** "I think a copy of the file was taken": replace the records' key now. */
export const rotateKeyInput = z
  .object({
    confirmed: z.literal(true, { message: "Tick to confirm you want the records' key replaced now." }),
    why: z.enum(['copy-taken', 'routine'], { message: 'Choose why the key is being replaced.' }),
  })
  .strict();

export interface KeyRotated {
  /** The key's generation now (1 at set-up, one more at each replacement). */
  generation: number;
  seconds: number;
  /** People (or the recovery key) from an older key file who could not be carried over and must be added again. */
  notCarried: string[];
}

export type AccessSealState = 'verified' | 'changed' | 'not-checked' | 'unsealed';

/** What the checks made at unlock (or just now, on request) found. */
export interface IntegrityCheckView {
  at: string;
  /** One sentence per thing found; empty when everything checked out. */
  findings: string[];
  /** Entries in the audit log, each checked. */
  auditEntries: number;
  /** How long the checks took, in milliseconds. */
  ms: number;
  access: AccessSealState;
}

export interface SecurityStatus {
  keyGeneration: number;
  keyReplacedAt: string | null;
  /** The scrypt cost calibrated for this computer at set-up (null in a key file from before calibration). */
  kdf: { N: number; r: number; p: number } | null;
  lastCheck: IntegrityCheckView | null;
}

/** The audit log's filters: by person, by record, by date. */
const auditFilterShape = {
  /** A person's id, or 'none' for entries made with no one signed in (failed unlocks, a restore with the recovery key). */
  person: z.union([z.uuid({ message: 'Choose a person from the list.' }), z.literal('none')]).optional(),
  /** A record, as its kind and id (what the log's entries name). */
  entityType: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z-]+$/, { message: 'Choose a kind of record from the list.' })
    .optional(),
  entityId: z.string().trim().max(120).optional(),
  from: isoDateSchema('the first date').optional(),
  to: isoDateSchema('the last date').optional(),
};

function datesInOrder(value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && value.to < value.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last date is before the first.' });
}

export const auditLogInput = z
  .object({
    ...auditFilterShape,
    /** The next page: entries before this one. */
    before: z.number().int().min(1).optional(),
    pageSize: z.number().int().min(10).max(200).optional(),
  })
  .strict()
  .superRefine(datesInOrder);

export const auditLogDocumentInput = z
  .object({ ...auditFilterShape })
  .strict()
  .superRefine(datesInOrder);

export interface AuditLogEntry {
  seq: number;
  at: string;
  /** Who did it (null: no one signed in). */
  person: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** How many entries the filters match in all. */
  total: number;
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: number | null;
  /** Everyone who has had access, for the person filter. */
  people: { id: string; fullName: string }[];
}
