// The statutory milestones a referral can owe, by key: a file of its own (no imports), so the
// procedure schema can name them (which track a missed one follows) without importing the milestones.

export const milestoneKeys = [
  'written-follow-up',
  'la-decision',
  'strategy-discussion',
  'strategy-minutes',
  'icpc',
  'single-assessment',
  'first-core-group',
  'first-review-conference',
  'review-conference',
] as const;
export type MilestoneKey = (typeof milestoneKeys)[number];
