import type { Insertable, Selectable } from 'kysely';
import type { UsersTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

export type UserRow = Selectable<UsersTable>;

export async function insertUser(db: Executor, user: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function findUser(db: ReadExecutor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The setting's DSL: the person the recovery key resets the passphrase of. */
export async function findActiveDsl(db: ReadExecutor): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'dsl')
    .where('disabled_at', 'is', null)
    .orderBy('created_at', 'asc')
    .limit(1)
    .executeTakeFirst();
}

/** Everyone who has had access, in the order they were added, as the people screen lists them. */
export async function listPeople(
  db: ReadExecutor,
): Promise<{ id: string; fullName: string; role: UserRow['role']; createdAt: string; removedAt: string | null }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'full_name as fullName', 'role', 'created_at as createdAt', 'disabled_at as removedAt'])
    .orderBy('created_at')
    .execute();
}

/** Everyone's full name by id, removed people included (their records keep their name). */
export async function userNames(db: ReadExecutor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'full_name']).execute();
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

/** Removes a person's access; their row stays, so records still name them. */
export async function disableUser(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
}
