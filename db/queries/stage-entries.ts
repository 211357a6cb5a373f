import type { InferResult, Insertable, Selectable } from 'kysely';
import type { StageEntriesTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// The record of each conversation and decision at a stage. Entries are amended, never overwritten
// silently: updateEntryText is only ever called with the amendments that keep the old text.

function entriesWithAuthor(db: ReadExecutor) {
  return db
    .selectFrom('stage_entries')
    .innerJoin('users', 'users.id', 'stage_entries.created_by')
    .selectAll('stage_entries')
    .select('users.full_name as created_by_name');
}

export type StageEntryRow = InferResult<ReturnType<typeof entriesWithAuthor>>[number];

/** An escalation's entries, in the order they happened. */
export async function entriesFor(db: ReadExecutor, escalationId: string): Promise<StageEntryRow[]> {
  return entriesWithAuthor(db).where('escalation_id', '=', escalationId).orderBy('occurred_at').execute();
}

/** The entries of many escalations (a child's timeline), each escalation's in the order they happened. */
export async function entriesOfEscalations(db: ReadExecutor, escalationIds: readonly string[]): Promise<Map<string, StageEntryRow[]>> {
  const grouped = new Map<string, StageEntryRow[]>();
  if (escalationIds.length === 0) return grouped;
  const rows = await entriesWithAuthor(db).where('escalation_id', 'in', escalationIds).orderBy('occurred_at').execute();
  for (const row of rows) grouped.set(row.escalation_id, [...(grouped.get(row.escalation_id) ?? []), row]);
  return grouped;
}

export async function findEntry(db: ReadExecutor, id: string): Promise<Selectable<StageEntriesTable> | undefined> {
  return db.selectFrom('stage_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether anything has been recorded at a stage yet (the procedures ask for every stage to be). */
export async function stageHasEntry(db: ReadExecutor, stageRecordId: string): Promise<boolean> {
  const entry = await db.selectFrom('stage_entries').select('id').where('stage_record_id', '=', stageRecordId).limit(1).executeTakeFirst();
  return entry !== undefined;
}

export async function insertEntry(db: Executor, row: Insertable<StageEntriesTable>): Promise<void> {
  await db.insertInto('stage_entries').values(row).execute();
}

export async function updateEntryText(
  db: Executor,
  id: string,
  changes: Partial<Pick<StageEntriesTable, 'summary' | 'decision' | 'rationale'>>,
): Promise<void> {
  await db.updateTable('stage_entries').set(changes).where('id', '=', id).execute();
}
