import { z } from 'zod';
import { idSchema } from './common';
import type { DeadlineState, DueWindow } from '../deadlines';
import type { MilestoneKey } from '../referrals/milestones';

// The home screen and the child's timeline: everything with a date, across records.

export const dashboardInput = z.object({}).strict();
export const timelineInput = z.object({ childId: idSchema }).strict();

export interface DashboardItem {
  id: string;
  kind: 'milestone' | 'stage-target' | 'action';
  childId: string;
  childName: string;
  /** What is due, e.g. 'Strategy discussion' or 'Stage 2: Discussion between team or managers'. */
  title: string;
  /** Where it belongs, e.g. "Referral made 20/11/2026 to Liverpool Careline". */
  context: string;
  dueAt: string;
  dueDate: string;
  explanation: string[];
  window: DueWindow;
  link: { type: 'referral' | 'escalation'; id: string };
  /** For a missed referral milestone: what is needed to open an escalation about it. */
  missed?: { referralId: string; milestone: MilestoneKey; escalationId: string | null };
}

/** An open escalation, as the dashboard lists it beside the deadlines: where it stands and what is due next. */
export interface DashboardEscalation {
  id: string;
  childId: string;
  childName: string;
  otherAgencyName: string;
  categoryLabel: string;
  /** The current stage, e.g. 'Stage 2' and 'Manager to Manager / DSL to DSL'. */
  stageLabel: string;
  stageTitle: string;
  /**
   * The soonest date still owed: the stage's target, or an agreed action's date, whichever comes
   * first (null when neither has one, as no Liverpool stage does).
   */
  nextTarget: { what: string; dueAt: string; dueDate: string; explanation: string[]; state: 'due' | 'overdue' } | null;
}

export interface Dashboard {
  generatedAt: string;
  procedureChosen: boolean;
  overdue: DashboardItem[];
  today: DashboardItem[];
  thisWeek: DashboardItem[];
  /** Every open escalation, the soonest next target first (those with none last). */
  openEscalations: DashboardEscalation[];
  counts: { openEscalations: number; openReferrals: number; children: number };
}

export const timelineKinds = [
  'referral',
  'milestone',
  'escalation',
  'stage',
  'entry',
  'action',
  'amendment',
  'outcome',
  'document',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export const timelineKindLabels: Record<TimelineKind, string> = {
  referral: 'Referrals',
  milestone: 'Statutory milestones',
  escalation: 'Escalations',
  stage: 'Stages',
  entry: 'Conversations and decisions',
  action: 'Actions',
  amendment: 'Amendments',
  outcome: 'Outcomes',
  document: 'Documents',
};

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  /** The time it happened, or for something not yet done, when it is due. */
  at: string;
  title: string;
  detail: string | null;
  state: DeadlineState | null;
  dueAt: string | null;
  explanation: string[] | null;
  link: { type: 'referral' | 'escalation' | 'document'; id: string } | null;
}
