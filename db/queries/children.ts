import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { ChildrenTable } from '../schema';
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

/** Children in surname order; `search` matches any part of the full name, ignoring case. */
export async function listChildren(db: ReadExecutor, search: string | undefined): Promise<ChildRow[]> {
  let query = db.selectFrom('children').selectAll();
  const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where(sql<boolean>`lower(first_name || ' ' || last_name) LIKE ${pattern} ESCAPE '\\'`);
  }
  return query.orderBy('last_name').orderBy('first_name').execute();
}

export async function countChildren(db: ReadExecutor): Promise<number> {
  const row = await db
    .selectFrom('children')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
