import type { Insertable, Selectable } from 'kysely';
import type { EscalationActionsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// Actions agreed during an escalation: who will do what by when, when it was agreed, and when it
// was done (or that it was withdrawn, and why).

export type ActionRow = Selectable<EscalationActionsTable>;

/** The actions of many escalations, soonest due first. */
export async function actionsFor(db: ReadExecutor, escalationIds: string[]): Promise<ActionRow[]> {
  if (escalationIds.length === 0) return [];
  return db
    .selectFrom('escalation_actions')
    .selectAll()
    .where('escalation_id', 'in', escalationIds)
    .orderBy('due_date')
    .orderBy('created_at')
    .execute();
}

export async function findAction(db: ReadExecutor, id: string): Promise<ActionRow | undefined> {
  return db.selectFrom('escalation_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAction(db: Executor, row: Insertable<EscalationActionsTable>): Promise<void> {
  await db.insertInto('escalation_actions').values(row).execute();
}

export async function markActionDone(
  db: Executor,
  id: string,
  done: { at: string; note: string | null; by: string; backdatedReason: string | null },
): Promise<void> {
  await db
    .updateTable('escalation_actions')
    .set({ done_at: done.at, done_note: done.note, done_by: done.by, done_backdated_reason: done.backdatedReason })
    .where('id', '=', id)
    .execute();
}

/** Withdrawn: the action stays on the record, with when, why and by whom. */
export async function markActionWithdrawn(db: Executor, id: string, withdrawn: { at: string; reason: string; by: string }): Promise<void> {
  await db
    .updateTable('escalation_actions')
    .set({ withdrawn_at: withdrawn.at, withdrawn_reason: withdrawn.reason, withdrawn_by: withdrawn.by })
    .where('id', '=', id)
    .execute();
}
