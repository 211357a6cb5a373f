import { z } from 'zod';
import { idSchema, requiredText } from './common';

// Retention (IRMS toolkit): a child protection file is kept until the child's date of birth plus 25
// years, then reviewed. Nothing can be deleted before then, or while a legal hold is in force.

export const RETENTION_YEARS = 25;

export const childRetentionInput = z.object({ childId: idSchema }).strict();

export const placeLegalHoldInput = z
  .object({ childId: idSchema, reason: requiredText('why the records must be kept (for example, the inquiry and its instruction)', 500) })
  .strict();

export const liftLegalHoldInput = z.object({ childId: idSchema, reason: requiredText('why the hold is lifted', 500) }).strict();

export const disposeOfChildInput = z
  .object({
    childId: idSchema,
    reason: requiredText('why the records are being deleted (for example, reviewed at the end of the retention period)', 500),
    confirmName: z
      .string({ message: "Type the child's full name to confirm." })
      .trim()
      .min(1, { message: "Type the child's full name to confirm." })
      .max(250),
  })
  .strict();

export interface LegalHoldView {
  reason: string;
  placedAt: string;
  placedBy: string;
}

export interface ChildRetention {
  childId: string;
  /** The date of birth plus 25 years, as YYYY-MM-DD. */
  reviewDate: string;
  pastReview: boolean;
  hold: LegalHoldView | null;
  /** Whether the records may be deleted now, and if not, why not in words. */
  canDelete: boolean;
  reason: string;
}

export interface RetentionListItem {
  childId: string;
  fullName: string;
  dateOfBirth: string;
  reviewDate: string;
  hold: string | null;
}

export interface DisposalDone {
  deleted: Record<string, number>;
}
