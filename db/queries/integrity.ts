import type { SqliteDatabase } from '../connection';

// The file-level checks and copies that run on the raw connection (they are pragmas and VACUUM,
// not queries Kysely can build). Kept here with the rest of the SQL.

/** `PRAGMA quick_check`: every page of every table and index is read and its structure checked (at unlock). */
export function quickCheck(sqlite: SqliteDatabase): string[] {
  return checkRows(sqlite.pragma('quick_check') as Record<string, unknown>[]);
}

/** `PRAGMA integrity_check`: quick_check plus indexes against their tables (before a backup, at restore). */
export function integrityCheck(sqlite: SqliteDatabase): string[] {
  return checkRows(sqlite.pragma('integrity_check') as Record<string, unknown>[]);
}

/** The problems reported, or an empty list when the answer was "ok". */
function checkRows(rows: Record<string, unknown>[]): string[] {
  const lines = rows.flatMap((row) => Object.values(row).map(String));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/**
 * A consistent copy of the open file at `target`, in one read transaction. SQLite3MultipleCiphers
 * writes the copy through the same cipher and key as the source, so it stays encrypted.
 * (better-sqlite3's backup() opens its target with no key, and the library then refuses to copy an
 * encrypted file into it, so the online backup API cannot be used for an encrypted copy here.)
 */
export function copyInto(sqlite: SqliteDatabase, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}

/**
 * `PRAGMA data_version`: a number that changes, as seen by this connection, whenever another
 * connection (in this process or any other) commits a change to the file; this connection's own
 * commits leave it as it was. The termly audit's records check compares it to trust what it
 * verified earlier in the session (electron/core/session/records-memory.ts).
 */
export function dataVersion(sqlite: SqliteDatabase): number {
  const value: unknown = sqlite.pragma('data_version', { simple: true });
  if (typeof value !== 'number') throw new Error('PRAGMA data_version did not answer a number.');
  return value;
}

/** Folds the write-ahead log into the file, so an acknowledged write never depends on the -wal file alone. */
export function checkpoint(sqlite: SqliteDatabase): void {
  sqlite.pragma('wal_checkpoint(PASSIVE)');
}

/** For a rekey: this library corrupts a WAL-mode file on rekey, so the journal goes to DELETE first. */
export function setJournalMode(sqlite: SqliteDatabase, mode: 'wal' | 'delete'): string {
  return String(sqlite.pragma(`journal_mode = ${mode === 'wal' ? 'WAL' : 'DELETE'}`, { simple: true }));
}

/** Applied migration names (the schema version a file is at), without needing the current schema types. */
export function appliedMigrations(sqlite: SqliteDatabase): string[] {
  const table = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get();
  if (!table) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((row) => row.name);
}

/** Row counts of every table the app made (SQLite's and Kysely's own tables left out). */
export function rowCounts(sqlite: SqliteDatabase): Record<string, number> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`)
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const row = sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

/** The audit chain's head: its last sequence number and hash (sequence 0 and the genesis hash for an empty log). */
export function auditHead(sqlite: SqliteDatabase): { seq: number; hash: string } {
  const row = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: '0'.repeat(64) };
}

/** When the newest record was written: the latest time in the audit log. */
export function newestAuditTime(sqlite: SqliteDatabase): string | null {
  const row = sqlite.prepare('SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { at: string } | undefined;
  return row?.at ?? null;
}

/** The setting's name, to show which setting a backup belongs to. */
export function settingName(sqlite: SqliteDatabase): string | null {
  const row = sqlite.prepare('SELECT setting_name FROM settings WHERE id = 1').get() as { setting_name: string } | undefined;
  return row?.setting_name ?? null;
}

/** The role of one person in a file (to check that the one restoring a backup set is its DSL). */
export function roleOf(sqlite: SqliteDatabase, userId: string): string | null {
  const row = sqlite.prepare('SELECT role, disabled_at FROM users WHERE id = ?').get(userId) as
    { role: string; disabled_at: string | null } | undefined;
  return row && row.disabled_at === null ? row.role : null;
}
