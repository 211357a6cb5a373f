import { z } from 'zod';
import { fullNameSchema, idSchema, isoInstantSchema, optionalText, requiredText } from './common';

// A referral to children's social care and the statutory milestones that follow it.

export const referralConcerns = ['child-protection', 'child-in-need'] as const;
export type ReferralConcern = (typeof referralConcerns)[number];
export const referralConcernLabels: Record<ReferralConcern, string> = {
  'child-protection': 'Child protection (significant harm)',
  'child-in-need': 'Child in need',
};

export const referralCategories = ['standard', 'immediate-risk', 'penetrative-sexual-abuse', 'complex'] as const;
export type ReferralCategory = (typeof referralCategories)[number];
export const referralCategoryLabels: Record<ReferralCategory, string> = {
  standard: 'Standard',
  'immediate-risk': 'Immediate risk of harm (e.g. serious physical injury or serious neglect)',
  'penetrative-sexual-abuse': 'Penetrative sexual abuse, where forensic evidence is needed',
  complex: 'Complex (fabricated or induced illness, organised abuse, child sexual exploitation)',
};

export const referralMethods = ['phone', 'written', 'portal'] as const;
export type ReferralMethod = (typeof referralMethods)[number];
export const referralMethodLabels: Record<ReferralMethod, string> = {
  phone: 'By phone',
  written: 'In writing (referral form)',
  portal: 'Through the online portal',
};

/** What the DSL records happening after the referral; each meets (or ends) a milestone. */
export const referralEventKinds = [
  'written-follow-up',
  'la-decision',
  'strategy-discussion',
  'strategy-minutes',
  'icpc',
  'icpc-not-needed',
  'single-assessment',
  'first-core-group',
  'first-review-conference',
  'closed-by-social-care',
] as const;
export type ReferralEventKind = (typeof referralEventKinds)[number];
export const referralEventLabels: Record<ReferralEventKind, string> = {
  'written-follow-up': 'Written follow-up sent',
  'la-decision': "Children's social care decision and acknowledgement received",
  'strategy-discussion': 'Strategy discussion held',
  'strategy-minutes': 'Strategy discussion minutes received',
  icpc: 'Initial child protection conference (ICPC) held',
  'icpc-not-needed': 'Section 47 enquiry concluded: no ICPC needed',
  'single-assessment': 'Single assessment completed',
  'first-core-group': 'First core group meeting held',
  'first-review-conference': 'First review child protection conference held',
  'closed-by-social-care': "Children's social care closed the referral (no further action)",
};

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

export const milestoneKeys = [
  'written-follow-up',
  'la-decision',
  'strategy-discussion',
  'strategy-minutes',
  'icpc',
  'single-assessment',
  'first-core-group',
  'first-review-conference',
] as const;
export type MilestoneKey = (typeof milestoneKeys)[number];

export const escalationDraftInput = z
  .object({ referralId: idSchema, milestone: z.enum(milestoneKeys, { message: 'Choose the missed milestone.' }) })
  .strict();

export type DeadlineState = 'met' | 'met-late' | 'overdue' | 'due' | 'not-required';

export interface Milestone {
  /** Unique within the referral (minutes milestones are numbered per strategy discussion). */
  id: string;
  key: MilestoneKey;
  label: string;
  dueAt: string;
  dueDate: string;
  explanation: string[];
  state: DeadlineState;
  metAt: string | null;
  /** The policy or guidance the timescale comes from. */
  source: string;
}

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
