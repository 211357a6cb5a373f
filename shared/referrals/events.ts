// What the DSL records happening after a referral. Each event meets (or ends) a statutory milestone
// (see milestones.ts): a strategy discussion meets the strategy-discussion milestone and starts the
// minutes and, when it starts a section 47 enquiry, the ICPC clock.

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
