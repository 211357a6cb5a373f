import { beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import { auditWindow, readAuditFacts } from '../../../electron/core/services/termly-audit-facts';
import { termsOfSetting } from '../../../electron/core/services/term-dates';
import { termlyAudit } from '../../../shared/termly-audit/figures';
import { comparisonPeriods, resolvePeriod, type AuditPeriod } from '../../../shared/termly-audit/periods';
import { ok } from '../../../scripts/fixtures/core';
import { seededCore } from '../support/seeded-core';
import { readContextOf } from '../deadlines-data/support';

// The termly audit reads only the records that can matter to the period and the three terms it is
// compared with (termly-audit-facts.ts: a window back by the longest timescale, and the details only
// of the escalations the period looks into). On a seeded data set (ten years at three times a large
// school's volume, over every procedure, most records closed, a few open now) every figure, line,
// gap and reference of the audit is the same as when it is worked out from every record ever kept:
// the narrower reading leaves nothing out.

let core: Dispatcher;

beforeAll(async () => {
  ({ core } = await seededCore({ scale: 3, seed: 13 }));
}, 180_000);

/** The audit worked out from every record in the file: no window at all. */
async function fromEveryRecord(period: AuditPeriod) {
  const ctx = readContextOf(core);
  const termsOf = await termsOfSetting(ctx.db);
  const resolved = resolvePeriod(period, termsOf);
  const comparisons = comparisonPeriods(period, termsOf);
  const everything = await readAuditFacts(ctx, { from: '1900-01-01', to: '2999-12-31' }, resolved);
  // The window the audit itself reads must be narrower than everything, or this test shows nothing.
  const window = await auditWindow(ctx.db, [resolved, ...comparisons]);
  const narrower = await readAuditFacts(ctx, window, resolved);
  expect(narrower.escalations.length).toBeLessThan(everything.escalations.length);
  expect(narrower.referrals.length).toBeLessThan(everything.referrals.length);
  return termlyAudit(everything, resolved, comparisons);
}

const periods: [string, AuditPeriod][] = [
  ['the term in progress (autumn 2026)', { kind: 'term', schoolYear: 2026, term: 'autumn' }],
  ['the summer term 2026', { kind: 'term', schoolYear: 2025, term: 'summer' }],
  ['the spring term 2026', { kind: 'term', schoolYear: 2025, term: 'spring' }],
  ['a term years ago (autumn 2019)', { kind: 'term', schoolYear: 2019, term: 'autumn' }],
  ['the school year 2025/26', { kind: 'year', schoolYear: 2025 }],
  ['a range across a clock change and Christmas', { kind: 'range', from: '2023-10-20', to: '2024-01-10' }],
];

describe('the termly audit on a seeded data set', () => {
  it.each(periods)('of %s is the one worked out from every record', async (_name, period) => {
    const audit = await ok(core, 'termlyAudit.run', { period });
    expect(audit).toEqual(await fromEveryRecord(period));
  });

  it('finds the records intact', async () => {
    expect((await ok(core, 'termlyAudit.recordsCheck', {})).findings).toEqual([]);
  });

  it('has something in every part to compare, in a whole school year', async () => {
    const audit = await ok(core, 'termlyAudit.run', { period: { kind: 'year', schoolYear: 2025 } });
    expect(audit.counts.inAudit).toBeGreaterThan(20);
    expect(audit.counts.carriedIn).toBeGreaterThan(0);
    expect(audit.resolution.resolvedCount).toBeGreaterThan(5);
    expect(audit.timescales.late.length).toBeGreaterThan(5);
    expect(new Set(audit.timescales.late.map((late) => late.kind))).toEqual(new Set(['milestone', 'stage-target', 'action']));
    expect(audit.gaps.length).toBeGreaterThan(5);
    expect(audit.learning.length).toBeGreaterThan(5);
    expect(audit.comparison).toHaveLength(4);
    expect(audit.comparison.slice(0, 3).every((row) => row.inAudit > 0)).toBe(true);
  });
});
