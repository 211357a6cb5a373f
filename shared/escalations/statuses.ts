// Where an escalation and each of its stages stand. An escalation is open until it is resolved with a
// written statement of the outcome or closed without one; a stage ends resolved, escalated to the
// next, or closed unresolved.

export const escalationStatuses = ['open', 'resolved', 'closed-unresolved'] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];

export const escalationStatusLabels: Record<EscalationStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  'closed-unresolved': 'Closed without resolution',
};

export type StageOutcome = 'resolved' | 'escalated' | 'closed-unresolved';
