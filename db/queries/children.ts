import type { Insertable, Selectable, Updateable } from 'kysely';
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
