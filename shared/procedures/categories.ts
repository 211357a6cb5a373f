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

export const categoryDetails: Readonly<Record<EscalationCategory, { label: string; description: string }>> = {
  'internal-referral-disagreement': {
    label: 'Disagreement within the setting about referring to children’s social care',
    description: 'A member of staff and the DSL disagree about whether a referral is needed (Liverpool situation 1).',
  },
  'cp-referral-not-accepted': {
    label: 'Children’s social care did not accept a child protection referral',
    description: 'Disagreement with the decision not to accept a child protection referral (Liverpool situation 2).',
  },
  'cin-referral-not-accepted': {
    label: 'Children’s social care did not accept a child in need referral',
    description: 'Disagreement with the decision not to accept a child in need referral (Liverpool situation 3).',
  },
  'cin-now-significant-harm': {
    label: 'A child on a child in need plan is now at risk of significant harm',
    description: 'Concern that the plan no longer matches the risk (Liverpool situation 4).',
  },
  'cin-plan-not-progressing': {
    label: 'A child in need plan is not progressing',
    description: 'Concerns about the progress of a child in need plan (Liverpool situation 5).',
  },
  'cp-plan-not-progressing': {
    label: 'A child protection plan is not progressing',
    description: 'Concerns about the progress of a child protection plan (Liverpool situation 6).',
  },
  'case-conference-no-cp-plan': {
    label: 'A child protection conference decided against a child protection plan',
    description: 'Disagreement at a child protection case conference not to make the child subject to a plan (Liverpool situation 7).',
  },
  'cin-plan-discontinued': {
    label: 'A child in need plan is being ended',
    description: 'Disagreement with the decision to discontinue a child in need plan (Liverpool situation 8).',
  },
  'cp-plan-discontinued': {
    label: 'A child protection plan is being ended',
    description: 'Disagreement with the decision to discontinue a child protection plan (Liverpool situation 9).',
  },
  'early-help-requested-instead': {
    label: 'Children’s social care asked for an early help assessment instead',
    description: 'Disagreement with a request that an early help assessment be started instead (Liverpool situation 10).',
  },
  'threshold-disagreement': {
    label: 'Thresholds or the level of need',
    description: 'Whether the case meets the criteria for social care intervention; the nature and level of the child’s needs.',
  },
  'risk-disagreement': {
    label: 'The nature or severity of risk, or how to reduce it',
    description: 'The nature and severity of risk to the child, or the most appropriate way to reduce it.',
  },
  'action-or-inaction': {
    label: 'Delay or inaction',
    description: 'Delays in assessment, concerns not being investigated, or a belief that risk is not being addressed.',
  },
  'roles-unclear': {
    label: 'Roles and responsibilities are unclear',
    description: 'Which professional or agency is responsible for which task.',
  },
  'communication-breakdown': {
    label: 'Communication has broken down',
    description: 'Persistent communication breakdowns or poor coordination between agencies.',
  },
  'information-sharing': {
    label: 'Sharing or withholding information',
    description: 'Disagreement about sharing, or withholding, critical safeguarding information.',
  },
  'statutory-timescale-missed': {
    label: 'A statutory timescale was missed',
    description: 'For example, no strategy discussion within the timescale, minutes not sent, or an ICPC not held in time.',
  },
  other: { label: 'Something else', description: 'Another professional disagreement about a child’s safety or welfare.' },
};

export function isEscalationCategory(value: string): value is EscalationCategory {
  return escalationCategories.some((category) => category === value);
}

export function categoryLabel(value: string): string {
  return isEscalationCategory(value) ? categoryDetails[value].label : value;
}
