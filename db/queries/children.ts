import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { ChildrenTable } from '../schema';
import type { ChildSearch } from '../../shared/children/name-keys';
import type { Executor, ReadExecutor } from './executor';

export type ChildRow = Selectable<ChildrenTable>;

export async function insertChild(db: Executor, child: Insertable<ChildrenTable>): Promise<void> {
  await db.insertInto('children').values(child).execute();
}

export async function findChild(db: ReadExecutor, id: string): Promise<ChildRow | undefined> {
  return db.selectFrom('children').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateChild(db: Executor, id: string, changes: Updateable<ChildrenTable>): Promise<void> {
  await db.updateTable('children').set(changes).where('id', '=', id).execute();
}

/**
 * Children in the register's order (surname, then first name, accents and case folded: sort_key).
 * `search` is what was typed, already parsed (shared/children/name-keys.ts): every name word must be
 * part of the child's folded name, and a date of birth typed must match.
 */
export async function listChildren(db: ReadExecutor, search: ChildSearch | undefined): Promise<ChildRow[]> {
  let query = db.selectFrom('children').selectAll();
  for (const word of search?.words ?? []) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where(sql<boolean>`name_key LIKE ${pattern} ESCAPE '\\'`);
  }
  const dates = search?.dates;
  if (dates && 'iso' in dates) query = query.where('date_of_birth', '=', dates.iso);
  if (dates && 'monthDay' in dates) query = query.where('date_of_birth', 'like', `%${dates.monthDay}`);
  return query.orderBy('sort_key').orderBy('date_of_birth').orderBy('id').execute();
}

/** Children with this folded name and date of birth: possibly the same child entered twice. */
export async function childrenWithIdentity(db: ReadExecutor, identity: { nameKey: string; dateOfBirth: string }): Promise<ChildRow[]> {
  return db
    .selectFrom('children')
    .selectAll()
    .where('name_key', '=', identity.nameKey)
    .where('date_of_birth', '=', identity.dateOfBirth)
    .orderBy('created_at')
    .execute();
}

export async function countChildren(db: ReadExecutor): Promise<number> {
  const row = await db
    .selectFrom('children')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
