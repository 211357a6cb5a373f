import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { migrations as appMigrations } from './migrations';

// Runs the app's migrations on unlock. A file that has migrations this version doesn't know was
// written by a newer Escalation Log: refuse it rather than guess, and say so plainly.

export class NewerFileError extends Error {
  constructor(unknown: string[]) {
    super(
      `This records file was written by a newer version of Escalation Log (it has ${unknown.join(', ')}). Install the newer version to open it.`,
    );
    this.name = 'NewerFileError';
  }
}

export class MigrationError extends Error {
  constructor(name: string, cause: unknown) {
    super(`Updating the records file failed at step ${name}; nothing was changed by that step.`, { cause });
    this.name = 'MigrationError';
  }
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly list: Readonly<Record<string, Migration>>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({ ...this.list });
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema types apply
async function appliedMigrationNames(db: Kysely<any>): Promise<string[]> {
  const table = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/**
 * Brings the file up to `target` (default: the latest this app knows). `list` is injectable so the
 * per-migration tests can migrate to N−1, insert, then migrate to N.
 */
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema types apply
  db: Kysely<any>,
  options: { list?: Readonly<Record<string, Migration>>; target?: string } = {},
): Promise<string[]> {
  const list = options.list ?? appMigrations;
  const known = new Set(Object.keys(list));
  const unknown = (await appliedMigrationNames(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new NewerFileError(unknown);

  const migrator = new Migrator({ db, provider: new StaticMigrationProvider(list) });
  const { error, results } = options.target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(options.target);
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed) throw new MigrationError(failed?.migrationName ?? 'unknown', error);
  return (results ?? []).map((result) => result.migrationName);
}
