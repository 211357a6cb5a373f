import { beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import { call, ok, setUpCore, TestClock } from '../../../scripts/fixtures/core';
import { writeSeed } from '../../../scripts/seed/generate';
import { seededRandom } from '../../../scripts/seed/random';
import { parseChildSearch } from '../../../shared/children/name-keys';
import { londonDateOf } from '../../../shared/deadlines';
import { initialsOf } from '../../../shared/termly-audit/names';
import type { ApiInput, ApiMethod } from '../../../shared/api';

// Issue 12: the children's register, referrals and escalations a page at a time, filtered and
// sorted in SQL. On a small data set from the seed generator (three years at half a large school's
// volume: names in many scripts, every procedure, open and closed records), through the real
// dispatcher: for many filters and page sizes, the pages put together are exactly the list worked
// out here from the rows themselves, the total is its length, and the last page says there is none
// after it. A row added between pages never makes another repeat or go missing.

const NOW = '2026-11-23T09:00:00.000Z';
let core: Dispatcher;

type PagedMethod = 'children.list' | 'referrals.list' | 'escalations.list';

/** Every page of a list, `limit` at a time, checking each page's total and cursor on the way. */
async function allPages<M extends PagedMethod>(method: M, filters: Omit<ApiInput<M>, 'cursor' | 'limit'>, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let total = -1;
  for (let pages = 0; pages < 500; pages += 1) {
    const input = { ...filters, limit, ...(cursor ? { cursor } : {}) } as ApiInput<M>;
    const page = (await ok(core, method, input)) as { items: { id: string }[]; total: number; nextCursor: string | null };
    if (total >= 0) expect(page.total).toBe(total);
    total = page.total;
    ids.push(...page.items.map((item) => item.id));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor === null) return { ids, total };
    expect(page.items).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  throw new Error('The list never ended.');
}

/** SQLite's text order (bytes of UTF-8), which is not JavaScript's for every script. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function sqlite() {
  const open = core.session.current;
  if (!open) throw new Error('not open');
  return open.sqlite;
}

beforeAll(async () => {
  ({ core } = await setUpCore(undefined, new TestClock(new Date(NOW))));
  await ok(core, 'procedures.choose', { id: 'bromley' });
  await ok(core, 'users.add', {
    fullName: 'Tomasz Wiśniewski',
    role: 'deputy',
    passphrase: 'amber kettle harbour ninety',
    passphraseConfirm: 'amber kettle harbour ninety',
  });
  const open = core.session.current;
  if (!open) throw new Error('not open');
  const deputy = (await ok(core, 'users.list', {})).find((person) => person.role === 'deputy');
  await writeSeed(
    open.db,
    { dsl: open.user.id, deputy: deputy?.id ?? open.user.id, settingName: 'Northway Primary and Nursery School', procedureId: 'bromley' },
    { years: 3, scale: 0.5, now: Date.parse(NOW), seed: 5 },
  );
}, 60_000);

describe('the children’s register, a page at a time', () => {
  it('is the register’s order, whole, whatever the page size, with or without a search', async () => {
    const rows = sqlite().prepare('SELECT id, name_key, sort_key, date_of_birth FROM children').all() as {
      id: string;
      name_key: string;
      sort_key: string;
      date_of_birth: string;
    }[];
    const ordered = (search: string) => {
      const { words, dates } = parseChildSearch(search);
      return rows
        .filter((row) => words.every((word) => row.name_key.includes(word)))
        .filter((row) => !dates || ('iso' in dates ? row.date_of_birth === dates.iso : row.date_of_birth.endsWith(dates.monthDay)))
        .sort((a, b) => byBytes(a.sort_key, b.sort_key) || byBytes(a.date_of_birth, b.date_of_birth) || byBytes(a.id, b.id))
        .map((row) => row.id);
    };
    const someone = rows[3];
    if (!someone) throw new Error('too few children');
    const [day, month, year] = [someone.date_of_birth.slice(8), someone.date_of_birth.slice(5, 7), someone.date_of_birth.slice(0, 4)];
    for (const search of ['', 'a', 'o’', "O'", 'smith', `${day}/${month}/${year}`, `${day}/${month}`, 'zzzz']) {
      for (const limit of [1, 3, 7, 50]) {
        const expected = ordered(search);
        expect(await allPages('children.list', search ? { search } : {}, limit), `${search} / ${limit}`).toEqual({
          ids: expected,
          total: expected.length,
        });
      }
    }
  });

  it('never repeats or skips a child when one is added between pages', async () => {
    const first = await ok(core, 'children.list', { limit: 5 });
    const added = await ok(core, 'children.create', {
      firstName: 'Aaron',
      lastName: 'Aardvark',
      dateOfBirth: '2016-01-01',
      classOrYear: 'Year 5',
      levelOfNeed: 2,
      planStatus: 'none',
      socialWorkerName: undefined,
      socialWorkerContact: '',
    });
    const rest = await allPages('children.list', {}, 5);
    const cursor = first.nextCursor;
    if (!cursor) throw new Error('one page only');
    const after: string[] = [];
    let next: string | null = cursor;
    while (next) {
      const page: { items: { id: string }[]; nextCursor: string | null } = await ok(core, 'children.list', { limit: 5, cursor: next });
      after.push(...page.items.map((child) => child.id));
      next = page.nextCursor;
    }
    // The new child sorts first: already behind the cursor, so the pages after it are the rest as they were.
    expect(rest.ids[0]).toBe(added.id);
    expect([...first.items.map((child) => child.id), ...after]).toEqual(rest.ids.filter((id) => id !== added.id));
  });
});

describe('referrals and escalations, a page at a time, newest first', () => {
  it('filters referrals by child, category, concern and the dates made', async () => {
    const rows = sqlite().prepare('SELECT id, child_id, category, concern, made_at FROM referrals').all() as {
      id: string;
      child_id: string;
      category: string;
      concern: string;
      made_at: string;
    }[];
    const random = seededRandom(3);
    const child = rows[0]?.child_id ?? '';
    const filters: ApiInput<'referrals.list'>[] = [
      {},
      { childId: child },
      { category: 'standard' },
      { concern: 'child-protection' },
      { category: 'complex', concern: 'child-in-need' },
      { from: '2025-01-01', to: '2025-12-31' },
      { concern: 'child-in-need', from: '2026-03-29', to: '2026-03-29' },
    ];
    for (const filter of filters) {
      const expected = rows
        .filter((row) => !filter.childId || row.child_id === filter.childId)
        .filter((row) => !filter.category || row.category === filter.category)
        .filter((row) => !filter.concern || row.concern === filter.concern)
        .filter((row) => !filter.from || row.made_at.slice(0, 10) >= filter.from)
        .filter((row) => !filter.to || row.made_at.slice(0, 10) <= filter.to)
        .sort((a, b) => byBytes(b.made_at, a.made_at) || byBytes(b.id, a.id))
        .map((row) => row.id);
      const limit = random.int(1, 9);
      expect(await allPages('referrals.list', filter, limit), `${JSON.stringify(filter)} / ${limit}`).toEqual({
        ids: expected,
        total: expected.length,
      });
    }
  });

  it('filters escalations by child, status, category, agency, the stage they are at or ended at, and the dates opened', async () => {
    const rows = sqlite()
      .prepare(
        `SELECT e.id, e.child_id, e.status, e.category, e.other_agency_kind, e.opened_at,
           (SELECT stage_id FROM escalation_stages s WHERE s.escalation_id = e.id ORDER BY sequence DESC LIMIT 1) AS stage_id
         FROM escalations e`,
      )
      .all() as {
      id: string;
      child_id: string;
      status: string;
      category: string;
      other_agency_kind: string;
      opened_at: string;
      stage_id: string;
    }[];
    expect(rows.some((row) => row.status === 'open')).toBe(true);
    const random = seededRandom(4);
    const filters: ApiInput<'escalations.list'>[] = [
      {},
      { childId: rows[0]?.child_id ?? '' },
      { status: 'open' },
      { status: 'resolved', stageId: 'stage-1' },
      { stageId: 'stage-2' },
      { stageId: 'step-b' },
      { category: 'threshold-disagreement' },
      { agencyKind: 'childrens-social-care', status: 'closed-unresolved' },
      { from: '2025-09-01', to: '2026-08-31', agencyKind: 'health' },
    ];
    for (const filter of filters) {
      const expected = rows
        .filter((row) => !filter.childId || row.child_id === filter.childId)
        .filter((row) => !filter.status || row.status === filter.status)
        .filter((row) => !filter.category || row.category === filter.category)
        .filter((row) => !filter.agencyKind || row.other_agency_kind === filter.agencyKind)
        .filter((row) => !filter.stageId || row.stage_id === filter.stageId)
        .filter((row) => !filter.from || row.opened_at.slice(0, 10) >= filter.from)
        .filter((row) => !filter.to || row.opened_at.slice(0, 10) <= filter.to)
        .sort((a, b) => byBytes(b.opened_at, a.opened_at) || byBytes(b.id, a.id))
        .map((row) => row.id);
      const limit = random.int(1, 9);
      expect(await allPages('escalations.list', filter, limit), `${JSON.stringify(filter)} / ${limit}`).toEqual({
        ids: expected,
        total: expected.length,
      });
    }
  });

  it('shows each escalation as the single-record read does: stage, target and procedure from its own snapshot', async () => {
    const open = await ok(core, 'escalations.list', { status: 'open', limit: 20 });
    for (const item of open.items) {
      const detail = await ok(core, 'escalations.get', { id: item.id });
      expect(item.procedureName).toBe(detail.procedure.name);
      expect(item.childName).toBe(detail.childName);
      expect(item.categoryLabel).toBe(detail.categoryLabel);
    }
  });
});

describe('finding a child by a record’s reference', () => {
  it('takes the termly audit’s references (E- and R-, the day and the initials) and a document’s', async () => {
    const escalation = sqlite()
      .prepare(
        'SELECT e.opened_at AS at, c.id, c.first_name, c.last_name FROM escalations e JOIN children c ON c.id = e.child_id LIMIT 1 OFFSET 7',
      )
      .get() as { at: string; id: string; first_name: string; last_name: string };
    const referral = sqlite()
      .prepare(
        'SELECT r.made_at AS at, c.id, c.first_name, c.last_name FROM referrals r JOIN children c ON c.id = r.child_id LIMIT 1 OFFSET 11',
      )
      .get() as { at: string; id: string; first_name: string; last_name: string };
    const document = sqlite().prepare('SELECT id, child_id FROM documents WHERE child_id IS NOT NULL LIMIT 1').get() as {
      id: string;
      child_id: string;
    };
    const found = async (search: string) => (await ok(core, 'children.list', { search })).items.map((child) => child.id);
    const reference = (prefix: string, row: { at: string; first_name: string; last_name: string }) =>
      `${prefix}-${londonDateOf(row.at)}-${initialsOf(row.first_name, row.last_name)}`;
    expect(await found(reference('E', escalation))).toContain(escalation.id);
    expect(await found(`${reference('E', escalation).toLowerCase()}-2`)).toContain(escalation.id);
    expect(await found(reference('R', referral))).toContain(referral.id);
    expect(await found(`ref ${document.id.slice(0, 8).toUpperCase()}`)).toContain(document.child_id);
    // Another day, or other initials: nobody.
    expect(await found(`E-1999-01-01-${initialsOf(escalation.first_name, escalation.last_name)}`)).toEqual([]);
    // Eight letters of a name are a name, never taken for a document's reference.
    expect(await found('deadbeef')).toEqual([]);
  });
});

describe('a cursor that is not one of the list’s', () => {
  it('is refused as invalid input, and nothing else is read', async () => {
    const wrong: [ApiMethod, unknown][] = [
      ['children.list', { cursor: 'bm90LWpzb24' }],
      ['children.list', { cursor: Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url') }],
      ['referrals.list', { cursor: Buffer.from(JSON.stringify([1, 2])).toString('base64url') }],
      ['escalations.list', { cursor: 'a b' }],
      ['escalations.list', { limit: 0 }],
      ['escalations.list', { limit: 201 }],
      ['referrals.list', { from: '2026-02-01', to: '2026-01-01' }],
    ];
    for (const [method, input] of wrong) {
      expect(await call(core, method as 'children.list', input as ApiInput<'children.list'>), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });
});
