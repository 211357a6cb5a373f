import { rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

// BENCHMARK ONLY, never the app: an unencrypted copy of the seeded data set, to measure what the
// encryption costs reads (encrypted / plain). SQLite3MultipleCiphers writes `VACUUM INTO` through the
// source's own cipher and key (so the copy would be encrypted too) and refuses a URI that asks for
// none, so the copy is exported instead: the same schema (every table, index and trigger, from the
// source's own CREATE statements), the rows copied table by table into the plaintext file attached
// with an empty key, the indexes built after the rows, and the same journal mode (WAL) as the app's.
// It holds made-up records only (scripts/seed), in the benchmark cache.

interface SchemaRow {
  type: string;
  name: string;
  sql: string;
}

export function exportPlainCopy(source: Database.Database, target: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  const schema = source
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`)
    .all() as SchemaRow[];
  const tables = schema.filter((row) => row.type === 'table');
  const plain = new Database(target);
  plain.pragma('journal_mode = DELETE');
  for (const table of tables) plain.exec(table.sql);
  plain.close();

  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  source.pragma('foreign_keys = OFF');
  try {
    source.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(target);
    try {
      source.transaction(() => {
        for (const table of tables) source.exec(`INSERT INTO plain.${quoted(table.name)} SELECT * FROM main.${quoted(table.name)}`);
      })();
    } finally {
      source.exec('DETACH DATABASE plain');
    }
  } finally {
    source.pragma('foreign_keys = ON');
  }

  const copy = new Database(target);
  try {
    const header = copy.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
    if (header.n < tables.length) throw new Error('The plain copy is missing tables.');
    for (const row of schema.filter((entry) => entry.type !== 'table')) copy.exec(row.sql);
    copy.pragma('journal_mode = WAL');
  } finally {
    copy.close();
  }
}
