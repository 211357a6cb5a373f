import { z } from 'zod';
import { idSchema } from './common';

// Documents made from the records: stored in the encrypted file with their hash, and on the
// child's timeline.

const escalationDocumentKinds = [
  'written-concern',
  'written-statement-of-outcome',
  'liverpool-report-to-lscb',
  'cscp-escalation-notification',
] as const;
export type EscalationDocumentKind = (typeof escalationDocumentKinds)[number];

export const generateEscalationDocumentInput = z
  .object({ escalationId: idSchema, kind: z.enum(escalationDocumentKinds, { message: 'Choose which document to make.' }) })
  .strict();

export const getDocumentInput = z.object({ id: idSchema }).strict();
export const childChronologyInput = z.object({ childId: idSchema }).strict();
