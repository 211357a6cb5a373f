import type { Insertable, Selectable } from 'kysely';
import type {
  EscalationActionsTable,
  EscalationResolutionsTable,
  EscalationStagesTable,
  EscalationsTable,
  LearningReviewsTable,
  StageEntriesTable,
} from '../schema';
import type { Executor, ReadExecutor } from './executor';

export type EscalationRow = Selectable<EscalationsTable> & { child_first_name: string; child_last_name: string; opened_by_name: string };
export type StageRecordRow = Selectable<EscalationStagesTable>;
export type StageEntryRow = Selectable<StageEntriesTable> & { created_by_name: string };
export type ActionRow = Selectable<EscalationActionsTable>;
export type ResolutionRow = Selectable<EscalationResolutionsTable> & { recorded_by_name: string };
export type LearningReviewRow = Selectable<LearningReviewsTable> & { reviewed_by_name: string };

function escalationsWithNames(db: ReadExecutor) {
  return db
    .selectFrom('escalations')
    .innerJoin('children', 'children.id', 'escalations.child_id')
    .innerJoin('users', 'users.id', 'escalations.opened_by')
    .selectAll('escalations')
    .select(['children.first_name as child_first_name', 'children.last_name as child_last_name', 'users.full_name as opened_by_name']);
}

export async function findEscalation(db: ReadExecutor, id: string): Promise<EscalationRow | undefined> {
  return escalationsWithNames(db).where('escalations.id', '=', id).executeTakeFirst();
}

export async function listEscalationRows(
  db: ReadExecutor,
  filter: { childId?: string; status?: EscalationRow['status'] },
): Promise<EscalationRow[]> {
  let query = escalationsWithNames(db);
  if (filter.childId) query = query.where('escalations.child_id', '=', filter.childId);
  if (filter.status) query = query.where('escalations.status', '=', filter.status);
  return query.orderBy('escalations.opened_at', 'desc').execute();
}

export async function insertEscalation(db: Executor, row: Insertable<EscalationsTable>): Promise<void> {
  await db.insertInto('escalations').values(row).execute();
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

export async function entriesFor(db: ReadExecutor, escalationId: string): Promise<StageEntryRow[]> {
  return db
    .selectFrom('stage_entries')
    .innerJoin('users', 'users.id', 'stage_entries.created_by')
    .selectAll('stage_entries')
    .select('users.full_name as created_by_name')
    .where('escalation_id', '=', escalationId)
    .orderBy('occurred_at')
    .execute();
}

export async function findEntry(db: ReadExecutor, id: string): Promise<Selectable<StageEntriesTable> | undefined> {
  return db.selectFrom('stage_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEntry(db: Executor, row: Insertable<StageEntriesTable>): Promise<void> {
  await db.insertInto('stage_entries').values(row).execute();
}

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

export async function resolutionFor(db: ReadExecutor, escalationId: string): Promise<ResolutionRow | undefined> {
  return db
    .selectFrom('escalation_resolutions')
    .innerJoin('users', 'users.id', 'escalation_resolutions.recorded_by')
    .selectAll('escalation_resolutions')
    .select('users.full_name as recorded_by_name')
    .where('escalation_id', '=', escalationId)
    .executeTakeFirst();
}

export async function learningReviewFor(db: ReadExecutor, escalationId: string): Promise<LearningReviewRow | undefined> {
  return db
    .selectFrom('learning_reviews')
    .innerJoin('users', 'users.id', 'learning_reviews.reviewed_by')
    .selectAll('learning_reviews')
    .select('users.full_name as reviewed_by_name')
    .where('escalation_id', '=', escalationId)
    .executeTakeFirst();
}
