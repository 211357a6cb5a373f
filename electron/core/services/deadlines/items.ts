import type { Deadline } from '../../../../shared/deadlines';
import type { Milestone } from '../../../../shared/referrals/milestones';
import type { Referral } from '../../../../shared/schemas/referrals';
import type { ActionRow } from '../../../../db/queries/escalation-actions';
import type { EscalationRow, StageRecordRow } from '../../../../db/queries/escalations';
import type { NewDeadline } from '../../../../db/queries/deadlines';
import type { DeadlineContext } from '../deadline-context';
import { actionDeadline, currentRecord, procedureOf, stageOf, stageTarget, trackOf } from '../escalations/model';

// What is owed of a record, as rows of the deadlines table (db/queries/deadlines.ts): worked out by
// the record's own model — a referral's milestones by shared/referrals/milestones (through
// toReferral), an escalation's stage target and agreed actions by the escalation model — so the rows
// can never say other than the record's page does. Only what is still owed becomes a row: a
// milestone not met and still required, the current stage of an open escalation (with its target,
// or marked as having none), and each of its actions neither done nor withdrawn. Whether one is
// overdue or due depends on the time now, so it is never stored: the reader compares due_ms.
// Pure: no queries.

/** Still owed: due or overdue (met, met late and no longer required are not). */
function owed(state: Deadline['state'] | Milestone['state']): boolean {
  return state === 'due' || state === 'overdue';
}

/** A milestone's row id (the dashboard names the item so). */
export function milestoneItemId(referralId: string, milestoneId: string): string {
  return `${referralId}/${milestoneId}`;
}

/** An escalation's current stage's row id. */
export function stageItemId(escalationId: string): string {
  return `${escalationId}/stage`;
}

/** The rows of one referral, worked out as its page does. */
export function referralItems(referral: Pick<Referral, 'id' | 'childId' | 'milestones'>): NewDeadline[] {
  return referral.milestones.filter((milestone) => owed(milestone.state)).map((milestone) => milestoneItem(referral, milestone));
}

function milestoneItem(referral: Pick<Referral, 'id' | 'childId'>, milestone: Milestone): NewDeadline {
  return {
    id: milestoneItemId(referral.id, milestone.id),
    kind: 'milestone',
    owed_by: milestone.owedBy === 'setting' ? 'setting' : 'other-agency',
    state: 'due',
    due_at: milestone.dueAt,
    due_ms: Date.parse(milestone.dueAt),
    child_id: referral.childId,
    referral_id: referral.id,
    escalation_id: null,
    record_id: milestone.id,
    milestone_key: milestone.key,
  };
}

/** What the escalation model needs of an escalation's row. */
export type EscalationItemRow = Pick<EscalationRow, 'id' | 'child_id' | 'status' | 'procedure_snapshot' | 'track_id'>;

/** The stage row of an open escalation: its current stage's target, or none where the procedure sets none. */
export function stageItem(row: EscalationItemRow, records: readonly StageRecordRow[], deadlines: DeadlineContext): NewDeadline | null {
  if (row.status !== 'open') return null;
  const current = currentRecord(records);
  if (!current) return null;
  const procedure = procedureOf(row);
  const target = stageTarget(procedure, stageOf(trackOf(procedure, row), current.stage_id), current, deadlines);
  return {
    id: stageItemId(row.id),
    kind: 'stage-target',
    owed_by: 'shared',
    state: target ? 'due' : 'no-target',
    due_at: target?.dueAt ?? null,
    due_ms: target ? Date.parse(target.dueAt) : null,
    child_id: row.child_id,
    referral_id: null,
    escalation_id: row.id,
    record_id: current.id,
    milestone_key: null,
  };
}

/** An agreed action's row, while it is owed (neither done nor withdrawn) and its escalation open. */
export function actionItem(
  row: Pick<EscalationItemRow, 'id' | 'child_id' | 'status'>,
  action: Pick<ActionRow, 'id' | 'due_date' | 'done_at' | 'withdrawn_at'>,
  now: string,
): NewDeadline | null {
  if (row.status !== 'open') return null;
  const deadline = actionDeadline(action, now);
  if (!owed(deadline.state)) return null;
  return {
    id: action.id,
    kind: 'action',
    owed_by: 'named-person',
    state: 'due',
    due_at: deadline.dueAt,
    due_ms: Date.parse(deadline.dueAt),
    child_id: row.child_id,
    referral_id: null,
    escalation_id: row.id,
    record_id: action.id,
    milestone_key: null,
  };
}

/** The rows of one escalation: none once it has ended. */
export function escalationItems(
  row: EscalationItemRow,
  records: readonly StageRecordRow[],
  actions: readonly ActionRow[],
  deadlines: DeadlineContext,
): NewDeadline[] {
  const stage = stageItem(row, records, deadlines);
  if (!stage) return [];
  return [stage, ...actions.flatMap((action) => actionItem(row, action, deadlines.now) ?? [])];
}
