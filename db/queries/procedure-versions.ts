import type { Insertable } from 'kysely';
import type { ProcedureVersionsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// A setting's own copies of the procedures, one row per saved version. A version is never changed in
// place (the file refuses it): saving an edit adds the next version.

/** The stored definition (JSON) of a copy: the given version, or the latest. */
export async function procedureDefinition(db: ReadExecutor, procedureId: string, version?: number): Promise<string | undefined> {
  let query = db.selectFrom('procedure_versions').select('definition').where('procedure_id', '=', procedureId);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row?.definition;
}

/**
 * Each copy once, in order of its latest version's name, with the built-in it was copied from. The
 * max() matters: with it SQLite takes the bare columns (name, based_on) from the latest version's row.
 */
export async function listProcedureCopies(db: ReadExecutor): Promise<{ procedure_id: string; based_on: string | null }[]> {
  return db
    .selectFrom('procedure_versions')
    .select((eb) => ['procedure_id', 'name', 'based_on', eb.fn.max('version').as('latest_version')])
    .groupBy('procedure_id')
    .orderBy('name')
    .execute();
}

/** The built-in a copy was made from (every version of a copy records the same one). */
export async function procedureBasedOn(db: ReadExecutor, procedureId: string): Promise<string | null> {
  const row = await db
    .selectFrom('procedure_versions')
    .select('based_on')
    .where('procedure_id', '=', procedureId)
    .limit(1)
    .executeTakeFirst();
  return row?.based_on ?? null;
}

export async function insertProcedureVersion(db: Executor, row: Insertable<ProcedureVersionsTable>): Promise<void> {
  await db.insertInto('procedure_versions').values(row).execute();
}
