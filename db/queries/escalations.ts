import type { InferResult, Insertable, Selectable, Updateable } from 'kysely';
import type { EscalationStagesTable, EscalationsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// Escalations and their stage records (one record per stage reached, in order). Entries, actions
// and outcomes of an escalation have their own modules beside this one.

function escalationsWithNames(db: ReadExecutor) {
  return db
    .selectFrom('escalations')
    .innerJoin('children', 'children.id', 'escalations.child_id')
    .innerJoin('users', 'users.id', 'escalations.opened_by')
    .selectAll('escalations')
    .select(['children.first_name as child_first_name', 'children.last_name as child_last_name', 'users.full_name as opened_by_name']);
}

/** An escalation with the names a screen shows beside it: the child's, and who opened it. */
export type EscalationRow = InferResult<ReturnType<typeof escalationsWithNames>>[number];
export type StageRecordRow = Selectable<EscalationStagesTable>;

export async function findEscalation(db: ReadExecutor, id: string): Promise<EscalationRow | undefined> {
  return escalationsWithNames(db).where('escalations.id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function listEscalationRows(
  db: ReadExecutor,
  filter: { childId?: string; status?: EscalationRow['status'] },
): Promise<EscalationRow[]> {
  let query = escalationsWithNames(db);
  if (filter.childId) query = query.where('escalations.child_id', '=', filter.childId);
  if (filter.status) query = query.where('escalations.status', '=', filter.status);
  return query.orderBy('escalations.opened_at', 'desc').execute();
}

/** Escalations opened about a referral's missed milestones, oldest first. */
export async function escalationsForReferral(
  db: ReadExecutor,
  referralId: string,
): Promise<{ id: string; missedMilestone: string | null }[]> {
  return db
    .selectFrom('escalations')
    .select(['id', 'missed_milestone as missedMilestone'])
    .where('referral_id', '=', referralId)
    .orderBy('opened_at')
    .execute();
}

export async function insertEscalation(db: Executor, row: Insertable<EscalationsTable>): Promise<void> {
  await db.insertInto('escalations').values(row).execute();
}

/** Ends an escalation: resolved (with its written statement recorded beside it) or closed unresolved. */
export async function closeEscalation(
  db: Executor,
  id: string,
  end: Required<Pick<Updateable<EscalationsTable>, 'status' | 'closed_at'>> & Pick<Updateable<EscalationsTable>, 'closed_reason'>,
): Promise<void> {
  await db.updateTable('escalations').set(end).where('id', '=', id).execute();
}

export async function insertStageRecord(db: Executor, row: Insertable<EscalationStagesTable>): Promise<void> {
  await db.insertInto('escalation_stages').values(row).execute();
}

/** Stage records of many escalations, in order, grouped by escalation. */
export async function stageRecordsFor(db: ReadExecutor, escalationIds: string[]): Promise<Map<string, StageRecordRow[]>> {
  const grouped = new Map<string, StageRecordRow[]>();
  if (escalationIds.length === 0) return grouped;
  const rows = await db
    .selectFrom('escalation_stages')
    .selectAll()
    .where('escalation_id', 'in', escalationIds)
    .orderBy('sequence')
    .execute();
  for (const row of rows) grouped.set(row.escalation_id, [...(grouped.get(row.escalation_id) ?? []), row]);
  return grouped;
}

/** Ends a stage: escalated to the next, resolved, or closed unresolved, with when and why. */
export async function endStageRecord(
  db: Executor,
  id: string,
  end: { outcome: NonNullable<StageRecordRow['outcome']>; outcome_at: string; outcome_reason: string },
): Promise<void> {
  await db.updateTable('escalation_stages').set(end).where('id', '=', id).execute();
}

/** The checklist steps ticked at a stage, as the JSON array the column holds. */
export async function setStepsDone(db: Executor, id: string, stepsDoneJson: string): Promise<void> {
  await db.updateTable('escalation_stages').set({ steps_done: stepsDoneJson }).where('id', '=', id).execute();
}
