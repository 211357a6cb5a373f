// What a disagreement can be about: the situations the five policies list, in one list. Each
// procedure says which of its tracks (ladders) a category follows.

export const escalationCategories = [
  'internal-referral-disagreement',
  'cp-referral-not-accepted',
  'cin-referral-not-accepted',
  'cin-now-significant-harm',
  'cin-plan-not-progressing',
  'cp-plan-not-progressing',
  'case-conference-no-cp-plan',
  'cin-plan-discontinued',
  'cp-plan-discontinued',
  'early-help-requested-instead',
  'threshold-disagreement',
  'risk-disagreement',
  'action-or-inaction',
  'roles-unclear',
  'communication-breakdown',
  'information-sharing',
  'statutory-timescale-missed',
  'other',
] as const;
export type EscalationCategory = (typeof escalationCategories)[number];

/** A plain-English label, and one line in the policies' own words saying where the category comes from. */
export const categoryDetails: Readonly<Record<EscalationCategory, { label: string; description: string }>> = {
  'internal-referral-disagreement': {
    label: 'Staff disagree within the setting about referring to children’s social care',
    description:
      'Disagreement internally between school staff as to whether a referral to Children’s Services is required (Liverpool situation 1).',
  },
  'cp-referral-not-accepted': {
    label: 'A child protection referral was not accepted',
    description: 'Disagreement about Children’s Services’ decision not to accept a child protection referral (Liverpool situation 2).',
  },
  'cin-referral-not-accepted': {
    label: 'A child in need referral was not accepted',
    description: 'Disagreement about Children’s Services’ decision not to accept a child in need referral (Liverpool situation 3).',
  },
  'cin-now-significant-harm': {
    label: 'A child on a child in need plan is now at risk of significant harm',
    description: 'Concerns that a child subject to a child in need plan is now at risk of significant harm (Liverpool situation 4).',
  },
  'cin-plan-not-progressing': {
    label: 'A child in need plan is not progressing',
    description: 'Concerns about the progress of a child in need plan (Liverpool situation 5).',
  },
  'cp-plan-not-progressing': {
    label: 'A child protection plan is not progressing',
    description:
      'Concerns about the progress of a child protection plan (Liverpool situation 6); difficulties progressing or implementing a child protection plan (Bromley).',
  },
  'case-conference-no-cp-plan': {
    label: 'A child protection conference decided against a child protection plan',
    description:
      'Disagreement at a child protection case conference not to make the child subject to a child protection plan (Liverpool situation 7).',
  },
  'cin-plan-discontinued': {
    label: 'A child in need plan is being ended',
    description: 'Disagreement about the decision to discontinue a child in need plan (Liverpool situation 8).',
  },
  'cp-plan-discontinued': {
    label: 'A child protection plan is being ended',
    description: 'Disagreement about the decision to discontinue a child protection plan (Liverpool situation 9).',
  },
  'early-help-requested-instead': {
    label: 'Children’s social care asked for an early help assessment instead',
    description:
      'Disagreement about the decision by Social Services to request that an early help assessment should be initiated (Liverpool situation 10).',
  },
  'threshold-disagreement': {
    label: 'Thresholds or the level of the child’s needs',
    description:
      'Whether a case meets criteria for social care intervention (Bromley); the nature and level of a child’s needs (Birmingham).',
  },
  'risk-disagreement': {
    label: 'The nature or severity of risk, or how to reduce it',
    description: 'The nature and severity of risk to a child, or the most appropriate way to reduce the risk (Birmingham).',
  },
  'action-or-inaction': {
    label: 'Delay or inaction',
    description: 'Delays in assessment, concerns not being investigated, or a belief that risk is not being addressed (Bromley).',
  },
  'roles-unclear': {
    label: 'Roles and responsibilities are unclear',
    description: 'Unclear roles and responsibilities between professionals or agencies (Bromley, Birmingham).',
  },
  'communication-breakdown': {
    label: 'Communication has broken down',
    description: 'Persistent communication breakdowns, poor coordination, or lack of clarity about who is responsible for what (Bromley).',
  },
  'information-sharing': {
    label: 'Sharing or withholding information',
    description: 'Disagreements about the sharing or withholding of critical safeguarding information (Bromley, Birmingham).',
  },
  'statutory-timescale-missed': {
    label: 'A statutory timescale was missed',
    description: 'Timescales of strategy meetings not being adhered to, for example no strategy discussion in time (Berkshire West).',
  },
  other: { label: 'Something else', description: 'Another professional disagreement about a child’s safety or welfare.' },
};

function isEscalationCategory(value: string): value is EscalationCategory {
  return escalationCategories.some((category) => category === value);
}

export function categoryLabel(value: string): string {
  return isEscalationCategory(value) ? categoryDetails[value].label : value;
}
