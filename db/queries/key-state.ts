import type { Executor, ReadExecutor } from './executor';

// The data key's generation as the records file knows it, a rotation owed, and the seals over who
// may open the file (db/access-seal.ts). Files from before migration 0009 have none of these: the
// callers treat that as generation 1, nothing owed, and no seal yet.

export interface KeyState {
  generation: number;
  rotatedAt: string | null;
  rotationDue: string | null;
}

export async function getKeyState(db: ReadExecutor): Promise<KeyState> {
  const row = await db
    .selectFrom('key_state')
    .select(['generation', 'rotated_at as rotatedAt', 'rotation_due as rotationDue'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ?? { generation: 1, rotatedAt: null, rotationDue: null };
}

/** Records that a rotation is owed (a person removed, the recovery key replaced) before it is made, so a crash in between is finished later. */
export async function setRotationDue(db: Executor, reason: string | null): Promise<void> {
  await db.updateTable('key_state').set({ rotation_due: reason }).where('id', '=', 1).execute();
}

/** The new generation, written into the re-encrypted copy before it replaces the records file. */
export async function setKeyGeneration(db: Executor, generation: number, at: string): Promise<void> {
  await db.updateTable('key_state').set({ generation, rotated_at: at, rotation_due: null }).where('id', '=', 1).execute();
}

export interface SealRow {
  id: number;
  made_at: string;
  made_by: string | null;
  snapshot: string;
  mac: string;
}

export async function insertSeal(db: Executor, seal: Omit<SealRow, 'id'>): Promise<void> {
  await db.insertInto('access_seals').values(seal).execute();
}

/** Every seal, newest first (a handful: one per change of who may open the file). */
export async function listSeals(db: ReadExecutor): Promise<SealRow[]> {
  return db.selectFrom('access_seals').selectAll().orderBy('id', 'desc').execute();
}

/** Everyone who has had access, with what the seal covers about them. */
export async function peopleForSeal(
  db: ReadExecutor,
): Promise<{ id: string; full_name: string; role: 'dsl' | 'deputy' | 'read-only'; disabled_at: string | null }[]> {
  return db.selectFrom('users').select(['id', 'full_name', 'role', 'disabled_at']).orderBy('id').execute();
}
