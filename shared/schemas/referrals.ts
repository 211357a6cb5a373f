import { z } from 'zod';
import {
  referralCategories,
  referralConcerns,
  referralMethods,
  type ReferralCategory,
  type ReferralConcern,
  type ReferralMethod,
} from '../referrals/categories';
import { recordableEventKinds, type ReferralEventKind } from '../referrals/events';
import { milestoneKeys, type ExpectedEvent, type Milestone } from '../referrals/milestones';
import { fullNameSchema, idSchema, isoInstantSchema, optionalText, requiredText } from './common';
import { dateRangeFields, pageFields, rangeInOrder } from './paging';

// A referral to children's social care and the statutory milestones that follow it.

export const createReferralInput = z
  .object({
    childId: idSchema,
    madeAt: isoInstantSchema('when the referral was made'),
    method: z.enum(referralMethods, { message: 'Choose how the referral was made.' }),
    concern: z.enum(referralConcerns, { message: 'Choose whether this is a child protection or child in need referral.' }),
    category: z.enum(referralCategories, { message: 'Choose the category of concern.' }),
    referredTo: requiredText('who the referral was made to (team or service)', 200),
    madeByName: fullNameSchema('the full name of the person who made the referral'),
    madeByRole: requiredText('their role', 120),
    summary: requiredText('a summary of the concern referred', 4000),
  })
  .strict()
  .refine((value) => value.concern === 'child-protection' || value.category === 'standard', {
    path: ['category'],
    message: 'Immediate risk, penetrative sexual abuse and complex concerns are child protection referrals.',
  });

export const recordReferralEventInput = z
  .object({
    referralId: idSchema,
    kind: z.enum(recordableEventKinds, { message: 'Choose what happened.' }),
    happenedAt: isoInstantSchema('when it happened'),
    /** A strategy discussion: whether it started a section 47 enquiry (which starts the ICPC clock). */
    s47Started: z.boolean().optional(),
    /** A strategy discussion: whether the setting took part (minutes are owed to it only then). */
    settingAttended: z.boolean().optional(),
    /** An ICPC: whether it made a child protection plan (a core group and reviews follow only then). */
    childProtectionPlan: z.boolean().optional(),
    note: optionalText('a note', 2000),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'strategy-discussion' && value.s47Started === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['s47Started'],
        message: 'Say whether a section 47 enquiry was started at this strategy discussion.',
      });
    if (value.kind === 'strategy-discussion' && value.settingAttended === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['settingAttended'],
        message: 'Say whether your setting took part in the strategy discussion.',
      });
    if (value.kind === 'icpc' && value.childProtectionPlan === undefined)
      ctx.addIssue({ code: 'custom', path: ['childProtectionPlan'], message: 'Say whether the conference made a child protection plan.' });
  });

/**
 * An answer an event was recorded without, because the question did not exist yet: whether an ICPC
 * made a child protection plan, whether the setting took part in a strategy discussion. Given once;
 * nothing is guessed in the meantime.
 */
export const completeReferralEventInput = z
  .object({
    referralId: idSchema,
    eventId: idSchema,
    childProtectionPlan: z.boolean().optional(),
    settingAttended: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.childProtectionPlan !== undefined || value.settingAttended !== undefined, {
    path: ['childProtectionPlan'],
    message: 'Give the answer that was not recorded.',
  });

export const getReferralInput = z.object({ id: idSchema }).strict();
/** The referrals list, newest first, a page at a time: one child's, or filtered by category, concern and when made. */
export const listReferralsInput = z
  .object({
    childId: idSchema.optional(),
    category: z.enum(referralCategories, { message: 'Choose a category of referral.' }).optional(),
    concern: z.enum(referralConcerns, { message: 'Choose child protection or child in need.' }).optional(),
    ...dateRangeFields('a referral was made'),
    ...pageFields,
  })
  .strict()
  .superRefine(rangeInOrder);

export const escalationDraftInput = z
  .object({ referralId: idSchema, milestone: z.enum(milestoneKeys, { message: 'Choose the missed milestone.' }) })
  .strict();

export interface ReferralEvent {
  id: string;
  kind: ReferralEventKind;
  happenedAt: string;
  s47Started: boolean | null;
  /** An ICPC's outcome; null when not recorded (an ICPC recorded before the question existed). */
  childProtectionPlan: boolean | null;
  /** Whether the setting took part in a strategy discussion; null when not recorded. */
  settingAttended: boolean | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface Referral {
  id: string;
  childId: string;
  childName: string;
  madeAt: string;
  method: ReferralMethod;
  concern: ReferralConcern;
  category: ReferralCategory;
  referredTo: string;
  madeByName: string;
  madeByRole: string;
  summary: string;
  createdAt: string;
  createdBy: string;
  events: ReferralEvent[];
  milestones: Milestone[];
  /** What to record when it happens, with no due date (a strategy discussion where no procedure sets a time). */
  expected: ExpectedEvent[];
  /** Answers recorded events lack, which the referral page asks for (an ICPC's outcome). */
  unanswered: { eventId: string; field: 'childProtectionPlan' | 'settingAttended'; question: string }[];
  /** Escalations opened because a milestone of this referral was missed, with the milestone each is about. */
  escalations: { id: string; missedMilestone: string | null }[];
}

export interface ReferralSummary {
  id: string;
  childId: string;
  childName: string;
  madeAt: string;
  category: ReferralCategory;
  concern: ReferralConcern;
  overdue: number;
  nextDue: { label: string; dueAt: string; explanation: string[] } | null;
}
