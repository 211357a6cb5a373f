// The kinds of agency a disagreement can be with (and the kind the setting itself is). One list for
// the escalation record, the procedures' "who acts" tables and their routing rules, so the three can
// never disagree about what kinds there are.

export const agencyKinds = ['school', 'early-years', 'childrens-social-care', 'health', 'police', 'self-employed', 'other'] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const agencyKindLabels: Record<AgencyKind, string> = {
  school: 'A school',
  'early-years': 'An early years setting',
  'childrens-social-care': 'Children’s social care',
  health: 'Health',
  police: 'Police',
  'self-employed': 'A self-employed professional',
  other: 'Another agency',
};
