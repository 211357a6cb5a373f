import type { Insertable } from 'kysely';
import type { DB } from '../schema';
import type { Executor } from './executor';

// Many rows of one table in few statements, for the large deterministic data set (scripts/seed/):
// the same Insertable rows the app's own insert functions take, so a seeded row has exactly the
// columns and types a written one has, in multi-row INSERTs rather than one statement a row.
// Every row of one call must name the same columns (SQLite has no DEFAULT inside VALUES).

/** Bound values per statement: well under SQLite's limit (SQLITE_MAX_VARIABLE_NUMBER, 32766 here). */
const VALUES_PER_STATEMENT = 20_000;

export async function insertRows<T extends keyof DB & string>(db: Executor, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first).length;
  const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / Math.max(1, columns)));
  for (let start = 0; start < rows.length; start += perStatement) {
    // Kysely cannot relate a generic table name to its row type, so the rows (already typed by the
    // caller as that table's Insertable) are passed through untyped here.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + perStatement) as never)
      .execute();
  }
}
