import type { Region } from '../deadlines';
import type { ResolvedPeriod } from './periods';

// The termly audit's input and output. The input ("facts") is what the records say, with every
// deadline already worked out by the deadline's own model (referral milestones, stage targets,
// agreed actions), so the audit never re-derives a due date: when the deadline rules change, the
// audit's figures change with them. The output is what the screen and the PDF show.

/** A deadline as its model worked it out at the audit's `now`. */
export interface AuditDeadlineFact {
  dueAt: string;
  state: 'met' | 'met-late' | 'overdue' | 'due' | 'not-required';
  metAt: string | null;
}

export interface AuditChildFact {
  id: string;
  firstName: string;
  lastName: string;
}

export interface AuditPersonFact {
  name: string;
  role: string;
  agency: string | null;
}

export interface AuditStageFact {
  recordId: string;
  /** 'Stage 2', 'Step c'. */
  label: string;
  title: string;
  /** Where the stage stands on its ladder, from 0: the higher, the further the disagreement went. */
  position: number;
  startedAt: string;
  outcome: 'resolved' | 'escalated' | 'closed-unresolved' | null;
  outcomeAt: string | null;
  target: AuditDeadlineFact | null;
  /** Documents the procedure calls for at this stage, besides the written statement of the outcome. */
  forms: { kind: string; title: string; action: 'complete' | 'update' | 'submit' }[];
}

export interface AuditEntryFact {
  id: string;
  stageRecordId: string;
  occurredAt: string;
  rationale: string;
  participants: AuditPersonFact[];
  toldOfOutcome: AuditPersonFact[];
  originalReferrerTold: boolean;
}

export interface AuditActionFact {
  id: string;
  description: string;
  ownerName: string;
  ownerRole: string;
  dueDate: string;
  doneAt: string | null;
  deadline: AuditDeadlineFact;
}

export interface AuditLearningReviewFact {
  reviewedAt: string;
  reviewedBy: string;
  wentWell: string;
  wentBadly: string;
  issuesForPartnership: string;
  reportedToPartnershipAt: string | null;
}

/**
 * An escalation as the audit reads it. Its conversations, outcome, learning review and documents are
 * needed only where the audited period looks into it (open in the period, an agreed action due in it,
 * or reviewed in it): they make its gaps and learning points. An escalation read only for the deadlines
 * of the periods it is compared with may have them empty.
 */
export interface AuditEscalationFact {
  id: string;
  child: AuditChildFact;
  categoryLabel: string;
  otherAgencyKindLabel: string;
  otherAgencyName: string;
  otherProfessional: { name: string; role: string };
  status: 'open' | 'resolved' | 'closed-unresolved';
  openedAt: string;
  closedAt: string | null;
  procedureName: string;
  /** In the order they were reached. */
  stages: AuditStageFact[];
  entries: AuditEntryFact[];
  actions: AuditActionFact[];
  resolution: { resolvedAt: string; outcomeStatement: string } | null;
  learningReview: AuditLearningReviewFact | null;
  /** Documents made for this escalation. */
  documents: { kind: string; createdAt: string }[];
}

export interface AuditMilestoneFact extends AuditDeadlineFact {
  id: string;
  label: string;
  /** From the milestones model: true for what the setting itself owes (e.g. the written follow-up). */
  owedBySetting: boolean;
}

export interface AuditReferralFact {
  id: string;
  child: AuditChildFact;
  madeAt: string;
  referredTo: string;
  milestones: AuditMilestoneFact[];
}

export interface AuditFacts {
  /** When the audit is worked out: deadline states are as at this instant. */
  now: string;
  settingName: string;
  region: Region;
  /** 'England and Wales'. */
  regionLabel: string;
  /** The setting's closure days ('YYYY-MM-DD'): skipped only when counting the setting's own days. */
  closures: readonly string[];
  /** Full names of the setting's staff who use the app, to tell whose an agreed action is. */
  staffNames: readonly string[];
  escalations: readonly AuditEscalationFact[];
  referrals: readonly AuditReferralFact[];
}

// ---- Output ----

/** How a record appears in the audit: the child, a reference a person can read, and the link to fix it. */
export interface RecordRef {
  link: { type: 'escalation' | 'referral' | 'child'; id: string };
  childId: string;
  childName: string;
  /** 'ZQ'. */
  childInitials: string;
  /** 'E-2026-09-14-ZQ' (an escalation opened that day), 'R-2026-11-23-ZQ' (a referral made that day). */
  reference: string;
}

export interface PeriodCounts {
  /** Every escalation open at some time in the period. */
  inAudit: number;
  /** Opened before the period and still open when it began. */
  carriedIn: number;
  opened: number;
  resolved: number;
  closedUnresolved: number;
  /** Still open at the end of the period (or now, if it has not ended). */
  stillOpen: number;
}

export interface TimescaleCounts {
  metOnTime: number;
  metLate: number;
  overdue: number;
}

export type DeadlineKind = 'milestone' | 'stage-target' | 'action';
export type Whose = 'setting' | 'other-agency' | 'shared' | 'named-person';

export interface LateDeadline {
  kind: DeadlineKind;
  what: string;
  record: RecordRef;
  dueAt: string;
  metAt: string | null;
  state: 'met-late' | 'overdue';
  /** '3 working days late', '5 hours late', 'Overdue by 4 working days'. */
  lateBy: string;
  lateWorkingDays: number;
  lateHours: number;
  whose: Whose;
  /** 'The setting (Northway Primary School)', 'Children’s social care (Liverpool Careline)', 'Daniel Okafor (Social worker), another agency'. */
  whoseLabel: string;
}

export const gapKinds = [
  'stage-not-recorded',
  'entry-without-rationale',
  'referrer-not-told',
  'no-outcome-statement',
  'no-learning-review',
  'action-past-date',
  'form-not-made',
  'name-initials',
] as const;
export type GapKind = (typeof gapKinds)[number];

export const gapKindLabels: Readonly<Record<GapKind, string>> = {
  'stage-not-recorded': 'A stage with no recorded conversation or decision',
  'entry-without-rationale': 'A decision recorded without its rationale',
  'referrer-not-told': 'The original referrer not told of the outcome',
  'no-outcome-statement': 'No written statement of the outcome after resolution',
  'no-learning-review': 'No learning review after closing',
  'action-past-date': 'An agreed action past its date',
  'form-not-made': 'A form the procedure required at the stage reached, never made',
  'name-initials': 'Names recorded as initials',
};

export interface QualityGap {
  /** Unique within the audit. */
  key: string;
  kind: GapKind;
  record: RecordRef;
  /** What is missing, in plain English. */
  what: string;
  /** What to do about it. */
  fix: string;
}

export interface EscalationLine {
  record: RecordRef;
  categoryLabel: string;
  agencyKindLabel: string;
  agencyName: string;
  procedureName: string;
  openedAt: string;
  /** As it stood at the end of the period. */
  statusAtEnd: 'open' | 'resolved' | 'closed-unresolved';
  closedAt: string | null;
  /** 'Stage 3: Senior Manager / Agency Safeguarding Lead', as at the end of the period. */
  highestStage: string;
  workingDaysToResolution: number | null;
  gaps: number;
}

export interface LearningPoint {
  record: RecordRef;
  reviewedAt: string;
  reviewedBy: string;
  wentWell: string;
  wentBadly: string;
  issuesForPartnership: string;
  /** False when the issues field says there are none ("none", "n/a"). */
  hasIssues: boolean;
  reportedToPartnershipAt: string | null;
}

export interface ComparisonRow extends PeriodCounts, TimescaleCounts {
  label: string;
  from: string;
  to: string;
  /** The audited period itself (the last row). */
  current: boolean;
  medianWorkingDaysToResolution: number | null;
}

export interface CountRow {
  label: string;
  count: number;
}

export interface TermlyAudit {
  period: ResolvedPeriod;
  generatedAt: string;
  settingName: string;
  /** How working days are counted, in words. */
  workingDaysNote: string;
  procedures: string[];
  counts: PeriodCounts;
  resolution: {
    resolvedCount: number;
    medianWorkingDays: number | null;
    longestWorkingDays: number | null;
    longest: RecordRef | null;
    buckets: CountRow[];
  };
  byMonth: { month: string; label: string; opened: number; resolved: number; closedUnresolved: number }[];
  byCategory: CountRow[];
  byAgencyKind: CountRow[];
  byAgency: (CountRow & { kindLabel: string })[];
  byHighestStage: CountRow[];
  comparison: ComparisonRow[];
  timescales: {
    total: TimescaleCounts;
    byKind: (TimescaleCounts & { kind: DeadlineKind; label: string })[];
    byWhose: (TimescaleCounts & { whose: Whose; label: string })[];
    late: LateDeadline[];
  };
  escalations: EscalationLine[];
  gaps: QualityGap[];
  gapCounts: (CountRow & { kind: GapKind })[];
  learning: LearningPoint[];
}

/**
 * The records themselves checked (electron/core/services/records-check.ts; its own API call, after
 * the figures, and in the PDF): the audit log's hash chain entry by entry, the protections that keep
 * it and stored documents permanent, and every stored document against its fingerprint. Empty
 * findings: all intact.
 */
export interface RecordsCheck {
  /** Entries in the audit log's chain, all of them checked (now, or earlier in this session). */
  auditEntries: number;
  /** Stored documents, each checked against its fingerprint (now, or earlier in this session). */
  documents: number;
  findings: string[];
  /**
   * What this check read itself: the audit-log entries it hashed and the documents whose bytes it
   * read. Within a session only what is new since the last check is read, unless another program
   * changed the file (then, and at the first check after unlocking, everything).
   */
  read: { auditEntries: number; documents: number };
  /** When it was made (ISO, London). */
  checkedAt: string;
}
