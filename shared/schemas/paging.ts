import { z } from 'zod';
import { isoDateSchema } from './common';

// Long lists (children, referrals, escalations) come a page at a time: ten years of records can be
// tens of thousands of rows, and a screen shows the first fifty. A page answers its items, how many
// match altogether, and a cursor for the page after (null on the last page). The cursor is opaque:
// it names the last row shown by the list's own order (keyset paging), so a row added or removed
// meanwhile never makes a page repeat or skip the others.

export const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export const CURSOR_GONE = 'The place in this list could not be read. Start again from the top of the list.';

export const pageFields = {
  cursor: z
    .string()
    .max(600, { message: CURSOR_GONE })
    .regex(/^[A-Za-z0-9_-]+$/, { message: CURSOR_GONE })
    .optional(),
  limit: z
    .number()
    .int()
    .min(1, { message: `Ask for between 1 and ${MAX_PAGE_SIZE} rows.` })
    .max(MAX_PAGE_SIZE, { message: `Ask for between 1 and ${MAX_PAGE_SIZE} rows.` })
    .optional(),
};

/** A date range's two ends, each optional, as London dates; the end is included. */
export function dateRangeFields(what: string) {
  return {
    from: isoDateSchema(`the first date ${what}`).optional(),
    to: isoDateSchema(`the last date ${what}`).optional(),
  };
}

/** Refuses a range that ends before it starts. */
export function rangeInOrder(value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.from !== undefined && value.to !== undefined && value.to < value.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last date is before the first: swap them.' });
  }
}

export interface Page<T> {
  items: T[];
  /** How many match the filters altogether (not only this page). */
  total: number;
  /** Pass back as `cursor` for the next page; null when this is the last. */
  nextCursor: string | null;
}
