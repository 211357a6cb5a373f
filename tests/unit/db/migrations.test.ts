import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../../db/connection';
import { generateDataKey } from '../../../db/keyslots';
import { migrateToLatest, NewerFileError } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import { tempDataDir } from '../../../scripts/fixtures/core';

function freshDb() {
  const sqlite = openEncryptedDatabase(join(tempDataDir('migrate'), 'test.db'), generateDataKey(), { create: true });
  return { sqlite, db: createKysely(sqlite) };
}

describe('migrations', () => {
  it('are listed statically, in order, with names that sort in order', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('0001_initial');
  });

  it('0001 makes the audit log and amendments append-only', async () => {
    const { db } = freshDb();
    await migrateToLatest(db, { target: '0001_initial' });
    await sql`INSERT INTO audit_log (at, action, summary, prev_hash, hash) VALUES ('t', 'a', 's', 'p', 'h')`.execute(db);
    await expect(sql`UPDATE audit_log SET summary = 'changed'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await db.destroy();
  });

  it('refuses a file written by a newer version, and changes nothing', async () => {
    const { db } = freshDb();
    await migrateToLatest(db);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01')`.execute(db);
    await expect(migrateToLatest(db)).rejects.toBeInstanceOf(NewerFileError);
    await db.destroy();
  });

  it('running again is a no-op', async () => {
    const { db } = freshDb();
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
    await db.destroy();
  });
});
