import { z } from 'zod';
import {
  referralCategories,
  referralConcerns,
  referralMethods,
  type ReferralCategory,
  type ReferralConcern,
  type ReferralMethod,
} from '../referrals/categories';
import { referralEventKinds, type ReferralEventKind } from '../referrals/events';
import { milestoneKeys, type Milestone } from '../referrals/milestones';
import { fullNameSchema, idSchema, isoInstantSchema, optionalText, requiredText } from './common';

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
    kind: z.enum(referralEventKinds, { message: 'Choose what happened.' }),
    happenedAt: isoInstantSchema('when it happened'),
    s47Started: z.boolean().optional(),
    note: optionalText('a note', 2000),
  })
  .strict()
  .refine((value) => value.kind !== 'strategy-discussion' || value.s47Started !== undefined, {
    path: ['s47Started'],
    message: 'Say whether a section 47 enquiry was started at this strategy discussion.',
  });

export const getReferralInput = z.object({ id: idSchema }).strict();
export const listReferralsInput = z.object({ childId: idSchema.optional() }).strict();

export const escalationDraftInput = z
  .object({ referralId: idSchema, milestone: z.enum(milestoneKeys, { message: 'Choose the missed milestone.' }) })
  .strict();

export interface ReferralEvent {
  id: string;
  kind: ReferralEventKind;
  happenedAt: string;
  s47Started: boolean | null;
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
