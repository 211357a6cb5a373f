// What the DSL records happening after a referral. Each event meets (or ends) a statutory milestone
// (see milestones.ts): a strategy discussion meets the strategy-discussion milestone and, when the
// setting attended it, starts the minutes, and when it starts a section 47 enquiry, the ICPC clock;
// an ICPC that made a child protection plan starts the core group and the review conferences, which
// repeat until the plan ends.

export const referralEventKinds = [
  'written-follow-up',
  'la-decision',
  'strategy-discussion',
  'strategy-minutes',
  'icpc',
  'icpc-not-needed',
  'single-assessment',
  'first-core-group',
  // Recorded before review conferences repeated: the first review. New reviews are 'review-conference'.
  'first-review-conference',
  'review-conference',
  'cp-plan-ended',
  'closed-by-social-care',
] as const;
export type ReferralEventKind = (typeof referralEventKinds)[number];

/** The kinds the DSL records now, in the order a referral's timeline usually runs. */
export const recordableEventKinds = [
  'written-follow-up',
  'la-decision',
  'strategy-discussion',
  'strategy-minutes',
  'icpc',
  'icpc-not-needed',
  'single-assessment',
  'first-core-group',
  'review-conference',
  'cp-plan-ended',
  'closed-by-social-care',
] as const satisfies readonly ReferralEventKind[];

export const referralEventLabels: Record<ReferralEventKind, string> = {
  'written-follow-up': 'Written follow-up sent',
  'la-decision': "Children's social care decision and acknowledgement received",
  'strategy-discussion': 'Strategy discussion held',
  'strategy-minutes': 'Strategy discussion minutes received',
  icpc: 'Initial child protection conference (ICPC) held',
  'icpc-not-needed': 'Section 47 enquiry concluded: no ICPC needed',
  'single-assessment': 'Single assessment completed',
  'first-core-group': 'First core group meeting held',
  'first-review-conference': 'Review child protection conference held',
  'review-conference': 'Review child protection conference held',
  'cp-plan-ended': 'Child protection plan ended',
  'closed-by-social-care': "Children's social care closed the referral (no further action)",
};
