// The documents a stage can call for. Titles are the partnerships' own.

export const formIds = [
  'written-concern',
  'written-statement-of-outcome',
  'liverpool-report-to-lscb',
  'cscp-escalation-notification',
] as const;
export type FormId = (typeof formIds)[number];

export const formTitles: Readonly<Record<FormId, string>> = {
  // Addressed to whom the stage says (a social worker, their manager, a conference chair …).
  'written-concern': 'Written concern',
  'written-statement-of-outcome': 'Written statement of the outcome',
  'liverpool-report-to-lscb': 'Report to LSCB: Multi-Agency Resolution Levels 3 and 4',
  'cscp-escalation-notification': 'Escalation Notification Form',
};

export const formActions = ['complete', 'update', 'submit'] as const;
export type FormAction = (typeof formActions)[number];
export const formActionLabels: Readonly<Record<FormAction, string>> = {
  complete: 'Complete',
  update: 'Update',
  submit: 'Submit',
};
