import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../schema';
import type { ChildSearch } from '../../shared/children/name-keys';
import type { ChildRow } from './children';
import type { ReferralRow } from './referrals';
import type { ReadExecutor } from './executor';

// The three long lists — the children's register, referrals and escalations — a page at a time:
// filtered and sorted in SQL, each page the rows after a cursor in the list's own order (keyset
// paging: the cursor is the last row's sort values and id, so a page costs the same however deep
// into the list it is), and the total of matches counted from the same indexes (migration 0010).
// Times are stored as ISO text with their London offset, so text order is time order (to within the
// repeated hour of an autumn clock change, as the rest of the app has it) and a London date range is
// a text range.

/** A range of London dates, both ends included; either may be open. */
export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The day after an ISO date (the exclusive end of a range that includes `date`). */
function dayAfter(date: string): string {
  const next = new Date(Date.parse(`${date}T12:00:00.000Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

// ---------------------------------------------------------------------------------------------
// Children

export interface ChildCursor {
  sortKey: string;
  dateOfBirth: string;
  id: string;
}

function childrenMatching(db: ReadExecutor, search: ChildSearch | undefined) {
  let query = db.selectFrom('children');
  for (const word of search?.words ?? []) {
    query = query.where(sql<boolean>`children.name_key LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`);
  }
  const dates = search?.dates;
  if (dates && 'iso' in dates) query = query.where('children.date_of_birth', '=', dates.iso);
  if (dates && 'monthDay' in dates) query = query.where('children.date_of_birth', 'like', `%${dates.monthDay}`);
  return query;
}

/**
 * A page of the register (surname, first name, date of birth, id: children_register), searched by
 * name words (each part of the folded name) and a date of birth. The order is first found from
 * the indexes alone — a search reads children_search, the register order children_register — and
 * only the page's own rows are read whole.
 */
export async function childrenPage(
  db: ReadExecutor,
  query: { search: ChildSearch | undefined; ids?: readonly string[] | undefined; after: ChildCursor | null; limit: number },
): Promise<{ rows: ChildRow[]; total: number }> {
  if (query.ids?.length === 0) return { rows: [], total: 0 };
  const searching = (query.search?.words.length ?? 0) > 0 || (query.search?.dates ?? null) !== null;
  const matching = () => {
    const found = childrenMatching(db, query.search);
    return query.ids ? found.where('children.id', 'in', query.ids) : found;
  };
  let order = matching().select(['children.id', 'children.sort_key', 'children.date_of_birth']);
  if (query.after) {
    const { sortKey, dateOfBirth, id } = query.after;
    order = order.where((eb) =>
      eb(eb.refTuple('children.sort_key', 'children.date_of_birth', 'children.id'), '>', eb.tuple(sortKey, dateOfBirth, id)),
    );
  }
  // A search sorts what it finds (the unary + keeps SQLite from walking the register's order and
  // reading every child's row to test the name: it scans the narrower search index instead).
  const ordered = searching
    ? order
        .orderBy(sql`+children.sort_key`)
        .orderBy('children.date_of_birth')
        .orderBy('children.id')
    : order.orderBy('children.sort_key').orderBy('children.date_of_birth').orderBy('children.id');
  const ids = (await ordered.limit(query.limit).execute()).map((row) => row.id);
  const total = await matching()
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  if (ids.length === 0) return { rows: [], total: Number(total.count) };
  const rows = await db.selectFrom('children').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: Number(total.count) };
}

// ---------------------------------------------------------------------------------------------
// Referrals

export interface ReferralFilter {
  childId?: string | undefined;
  category?: ReferralRow['category'] | undefined;
  concern?: ReferralRow['concern'] | undefined;
  made?: DateRange;
}

export interface NewestCursor {
  at: string;
  id: string;
}

function referralsMatching(db: ReadExecutor, filter: ReferralFilter) {
  let query = db.selectFrom('referrals');
  if (filter.childId) query = query.where('referrals.child_id', '=', filter.childId);
  if (filter.category) query = query.where('referrals.category', '=', filter.category);
  if (filter.concern) query = query.where('referrals.concern', '=', filter.concern);
  if (filter.made?.from) query = query.where('referrals.made_at', '>=', filter.made.from);
  if (filter.made?.to) query = query.where('referrals.made_at', '<', dayAfter(filter.made.to));
  return query;
}

/** A page of referrals, newest first (made_at, then id: referrals_newest and the filter's own index). */
export async function referralsPage(
  db: ReadExecutor,
  query: { filter: ReferralFilter; after: NewestCursor | null; limit: number },
): Promise<{ rows: ReferralRow[]; total: number }> {
  let page = referralsMatching(db, query.filter)
    .innerJoin('children', 'children.id', 'referrals.child_id')
    .selectAll('referrals')
    .select(['children.first_name as child_first_name', 'children.last_name as child_last_name']);
  if (query.after) {
    const { at, id } = query.after;
    page = page.where((eb) => eb(eb.refTuple('referrals.made_at', 'referrals.id'), '<', eb.tuple(at, id)));
  }
  const rows = await page.orderBy('referrals.made_at', 'desc').orderBy('referrals.id', 'desc').limit(query.limit).execute();
  const total = await referralsMatching(db, query.filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.count) };
}

// ---------------------------------------------------------------------------------------------
// Escalations

export interface EscalationFilter {
  childId?: string | undefined;
  status?: DB['escalations']['status'] | undefined;
  category?: string | undefined;
  agencyKind?: string | undefined;
  /** At this stage now (open), or ended at it (closed): the stage record that was not escalated from. */
  stageId?: string | undefined;
  opened?: DateRange;
}

function escalationsMatching(db: ReadExecutor, filter: EscalationFilter) {
  let query = db.selectFrom('escalations');
  if (filter.childId) query = query.where('escalations.child_id', '=', filter.childId);
  if (filter.status) query = query.where('escalations.status', '=', filter.status);
  if (filter.category) query = query.where('escalations.category', '=', filter.category);
  if (filter.agencyKind) query = query.where('escalations.other_agency_kind', '=', filter.agencyKind);
  if (filter.opened?.from) query = query.where('escalations.opened_at', '>=', filter.opened.from);
  if (filter.opened?.to) query = query.where('escalations.opened_at', '<', dayAfter(filter.opened.to));
  const stageId = filter.stageId;
  if (stageId) {
    // The escalations at (or ended at) the stage, as a set from escalation_stages_at; the unary +
    // keeps SQLite walking the list's own covering index and testing each id against that set,
    // rather than fetching each escalation's row (and its snapshot) by id and sorting them all.
    const atStage = db
      .selectFrom('escalation_stages')
      .select('escalation_stages.escalation_id')
      .where('escalation_stages.stage_id', '=', stageId)
      .where(sql<boolean>`coalesce(escalation_stages.outcome, '') <> 'escalated'`);
    query = query.where(sql`+escalations.id`, 'in', atStage);
  }
  return query;
}

/** Only the columns the list shows and filters by, all held by its covering indexes (never the snapshot itself). */
function escalationListColumns<O>(query: SelectQueryBuilder<DB, 'escalations', O>) {
  return query.select([
    'escalations.id',
    'escalations.child_id',
    'escalations.category',
    'escalations.status',
    'escalations.other_agency_kind',
    'escalations.other_agency_name',
    'escalations.opened_at',
    'escalations.procedure_id',
    'escalations.procedure_version',
    'escalations.track_id',
    // Which snapshot it has, as the termly audit tells them apart: the same procedure, version and size.
    sql<number>`octet_length(escalations.procedure_snapshot)`.as('snapshot_bytes'),
  ]);
}

/** A page of escalations, newest first (opened_at, then id), from the covering index that fits the filter. */
export async function escalationsPage(db: ReadExecutor, query: { filter: EscalationFilter; after: NewestCursor | null; limit: number }) {
  let page = escalationListColumns(escalationsMatching(db, query.filter));
  if (query.after) {
    const { at, id } = query.after;
    page = page.where((eb) => eb(eb.refTuple('escalations.opened_at', 'escalations.id'), '<', eb.tuple(at, id)));
  }
  const rows = await page.orderBy('escalations.opened_at', 'desc').orderBy('escalations.id', 'desc').limit(query.limit).execute();
  const total = await escalationsMatching(db, query.filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const names = rows.length === 0 ? [] : await childNamesOf(db, [...new Set(rows.map((row) => row.child_id))]);
  const byId = new Map(names.map((child) => [child.id, child]));
  return {
    rows: rows.map((row) => ({
      ...row,
      child_first_name: byId.get(row.child_id)?.first_name ?? '',
      child_last_name: byId.get(row.child_id)?.last_name ?? '',
    })),
    total: Number(total.count),
  };
}

/**
 * One child's escalations, newest first, with what a timeline shows of each but not the procedure
 * snapshot's text (read once per distinct snapshot by the caller: services/escalations/snapshots.ts).
 */
export async function escalationsOfChild(db: ReadExecutor, childId: string) {
  return escalationListColumns(db.selectFrom('escalations'))
    .select(['escalations.concern', 'escalations.closed_at', 'escalations.closed_reason'])
    .where('escalations.child_id', '=', childId)
    .orderBy('escalations.opened_at', 'desc')
    .orderBy('escalations.id', 'desc')
    .execute();
}

async function childNamesOf(db: ReadExecutor, ids: string[]) {
  return db.selectFrom('children').select(['id', 'first_name', 'last_name']).where('id', 'in', ids).execute();
}

/** One escalation's procedure snapshot (to read each distinct snapshot a page names once). */
export async function procedureSnapshotOf(db: ReadExecutor, escalationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('escalations').select('procedure_snapshot').where('id', '=', escalationId).executeTakeFirst();
  return row?.procedure_snapshot;
}

// ---------------------------------------------------------------------------------------------
// Record references: how a record is named where a child's name is left out (the termly audit's
// 'E-2026-09-14-ZQ' for an escalation opened that day, 'R-…' for a referral made that day) and a
// stored document's reference ('ref 3F2A9C1B', the start of its id): whose record it is.

/** Escalations opened (E) or referrals made (R) in a window of stored times, with their child's names; the caller keeps those of the London day. */
export async function recordsMadeBetween(db: ReadExecutor, kind: 'E' | 'R', window: { from: string; to: string }) {
  const records =
    kind === 'E'
      ? db
          .selectFrom('escalations')
          .select(['escalations.opened_at as at', 'escalations.child_id'])
          .where('escalations.opened_at', '>=', window.from)
          .where('escalations.opened_at', '<', window.to)
      : db
          .selectFrom('referrals')
          .select(['referrals.made_at as at', 'referrals.child_id'])
          .where('referrals.made_at', '>=', window.from)
          .where('referrals.made_at', '<', window.to);
  const rows = await records.execute();
  if (rows.length === 0) return [];
  const names = await childNamesOf(db, [...new Set(rows.map((row) => row.child_id))]);
  const byId = new Map(names.map((child) => [child.id, child]));
  return rows.map((row) => ({
    ...row,
    first_name: byId.get(row.child_id)?.first_name ?? '',
    last_name: byId.get(row.child_id)?.last_name ?? '',
  }));
}

/** The children of stored documents whose id starts with these eight hex digits (a document's reference). */
export async function childrenOfDocumentsStarting(db: ReadExecutor, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('documents.child_id')
    .where('documents.id', '>=', prefix)
    .where('documents.id', '<', `${prefix}~`)
    .execute();
  return rows.flatMap((row) => (row.child_id === null ? [] : [row.child_id]));
}
