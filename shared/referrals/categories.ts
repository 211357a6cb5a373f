// How a referral to children's social care is classified when it is made. The category picks the
// strategy-discussion timescale where the setting's procedure sets one (Berkshire West's do); the
// concern decides whether a strategy discussion is expected; the method whether a written follow-up
// is owed (where the procedure sets one).

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
