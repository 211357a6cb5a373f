import { ApiFailure } from '../../../shared/result';
import { CURSOR_GONE, PAGE_SIZE, type Page } from '../../../shared/schemas/paging';

// Keyset paging for the long lists (db/queries/lists.ts): a cursor is the last row's sort values and
// id, as base64url JSON, so the next page starts right after it whatever was added or removed
// meanwhile. A cursor is read back strictly: anything but the list's own shape is refused as
// invalid input (never passed to SQL as something else).

function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function unreadable(): ApiFailure {
  return new ApiFailure('invalid_input', CURSOR_GONE, { issues: [{ path: ['cursor'], message: CURSOR_GONE }] });
}

/** The sort values a cursor holds (exactly `length` strings), or null for the first page. */
export function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (cursor === undefined) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw unreadable();
  }
  if (!Array.isArray(values) || values.length !== length) throw unreadable();
  const strings = values.filter((value): value is string => typeof value === 'string' && value.length <= 200);
  if (strings.length !== length) throw unreadable();
  return strings;
}

/** How many rows a page asks for, and the one more fetched to know whether there is a page after it. */
export function pageLimit(limit: number | undefined): { limit: number; fetch: number } {
  const size = limit ?? PAGE_SIZE;
  return { limit: size, fetch: size + 1 };
}

/** A page from the rows fetched (up to one more than the limit): its items, the total and the cursor after its last row. */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  total: number,
  toItem: (row: Row) => Item,
  sortValues: (row: Row) => readonly string[],
): Page<Item> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(toItem),
    total,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortValues(last)) : null,
  };
}
