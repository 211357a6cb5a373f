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
