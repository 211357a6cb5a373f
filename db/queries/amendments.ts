import type { Insertable, Selectable } from 'kysely';
import type { AmendmentsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

export type AmendmentRow = Selectable<AmendmentsTable>;

export async function insertAmendments(db: Executor, rows: Insertable<AmendmentsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('amendments').values(rows).execute();
}

export async function amendmentsFor(db: ReadExecutor, entityType: string, entityId: string): Promise<AmendmentRow[]> {
  return db
    .selectFrom('amendments')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('amended_at')
    .execute();
}

export async function amendedEntityIds(db: ReadExecutor, entityType: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('amendments')
    .select('entity_id')
    .distinct()
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .execute();
  return new Set(rows.map((row) => row.entity_id));
}
