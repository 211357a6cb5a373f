import type { InferResult, Insertable, Selectable } from 'kysely';
import type { AmendmentsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// Amendments: a change to a saved record keeps the old value, the new one, who, when and why.
// `entity_type` says what was amended ('child', 'stage-entry'); values are kept as JSON.

export type AmendmentRow = Selectable<AmendmentsTable>;

export async function insertAmendments(db: Executor, rows: Insertable<AmendmentsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('amendments').values(rows).execute();
}

/** The amendments of many records of one type, oldest first, grouped by record. */
export async function amendmentsByEntity(db: ReadExecutor, entityType: string, ids: string[]): Promise<Map<string, AmendmentRow[]>> {
  const grouped = new Map<string, AmendmentRow[]>();
  if (ids.length === 0) return grouped;
  const rows = await db
    .selectFrom('amendments')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .orderBy('amended_at')
    .execute();
  for (const row of rows) grouped.set(row.entity_id, [...(grouped.get(row.entity_id) ?? []), row]);
  return grouped;
}

/** One record's amendments, oldest first. */
export async function amendmentsFor(db: ReadExecutor, entityType: string, entityId: string): Promise<AmendmentRow[]> {
  return (await amendmentsByEntity(db, entityType, [entityId])).get(entityId) ?? [];
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

function amendmentsAboutChildQuery(db: ReadExecutor, childId: string) {
  return db
    .selectFrom('amendments')
    .innerJoin('users', 'users.id', 'amendments.amended_by')
    .selectAll('amendments')
    .select('users.full_name as amended_by_name')
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'child'), eb('entity_id', '=', childId)]),
        eb.and([
          eb('entity_type', '=', 'stage-entry'),
          eb(
            'entity_id',
            'in',
            eb
              .selectFrom('stage_entries')
              .innerJoin('escalations', 'escalations.id', 'stage_entries.escalation_id')
              .select('stage_entries.id')
              .where('escalations.child_id', '=', childId),
          ),
        ]),
      ]),
    );
}

/** Every amendment on a child's file: to the child's details and to the entries of their escalations. */
export async function amendmentsAboutChild(
  db: ReadExecutor,
  childId: string,
): Promise<InferResult<ReturnType<typeof amendmentsAboutChildQuery>>> {
  return amendmentsAboutChildQuery(db, childId).execute();
}
