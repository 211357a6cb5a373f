import { performance } from 'node:perf_hooks';
import { childInput, ok, setUpCore } from '../scripts/fixtures/core';
import { renderPdf } from '../electron/core/documents/pdf';
import { recoverySheet } from '../electron/core/documents/recovery-sheet';
import { generateRecoveryKey } from '../db/recovery-key';

// The records at the size of a large setting: the dashboard and a child's timeline worked out from
// a real encrypted file with many referrals and escalations, and PDF rendering. Medians; printed,
// never asserted.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function benchRecords(): Promise<void> {
  const { core, clock } = await setUpCore();
  clock.time = new Date('2026-11-23T10:00:00Z');
  await ok(core, 'procedures.choose', { id: 'bromley' });
  const children = 300;
  const ids: string[] = [];
  for (let i = 0; i < children; i += 1)
    ids.push((await ok(core, 'children.create', { ...childInput, firstName: `Child${i}`, lastName: `Surname${i}` })).id);
  for (const [index, childId] of ids.entries()) {
    for (let r = 0; r < 3; r += 1) {
      await ok(core, 'referrals.create', {
        childId,
        madeAt: `2026-11-${String(10 + r * 4).padStart(2, '0')}T09:${String(index % 60).padStart(2, '0')}:00.000+00:00`,
        method: 'phone',
        concern: 'child-protection',
        category: r === 2 ? 'complex' : 'standard',
        referredTo: 'MASH',
        madeByName: 'Priya Raman',
        madeByRole: 'DSL',
        summary: 'Bench referral',
      });
    }
    await ok(core, 'escalations.open', {
      childId,
      category: 'threshold-disagreement',
      immediateRisk: false,
      otherAgencyKind: 'childrens-social-care',
      otherAgencyName: 'MASH',
      otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker' },
      concern: 'c',
      areasOfAgreement: 'a',
      areasOfDisagreement: 'd',
      riskRelevance: 'r',
      outcomeSought: 'o',
      openedAt: '2026-11-20T09:00:00.000+00:00',
    });
  }
  const rssBefore = process.memoryUsage().rss;
  const dashboard = await timed(5, () => ok(core, 'dashboard.get', {}));
  const rssAfter = process.memoryUsage().rss;
  const result = await ok(core, 'dashboard.get', {});
  const deadlines = result.overdue.length + result.today.length + result.thisWeek.length;
  const timeline = await timed(20, () => ok(core, 'children.timeline', { childId: ids[0] ?? '' }));
  console.log('records: dashboard and timeline from the encrypted file');
  console.log(`  ${children} children, ${children * 3} referrals, ${children} open escalations → ${deadlines} deadlines on the dashboard`);
  console.log(`  dashboard.get median of 5: ${dashboard.toFixed(1)} ms (RSS change ${((rssAfter - rssBefore) / 1048576).toFixed(1)} MiB)`);
  console.log(`  children.timeline for one child, median of 20: ${timeline.toFixed(2)} ms`);

  // pdfmake changes the definition it is given, so each render gets a fresh one (as the app does).
  const sheet = () =>
    recoverySheet({
      settingName: 'Northway Primary and Nursery School',
      dslName: 'Priya Raman',
      recoveryKey: generateRecoveryKey(),
      createdAt: '2026-11-23T09:00:00.000+00:00',
      fileId: '7b0c1e52-3f0e-4c36-9d1e-1d9a3c2b8f10',
    });
  const pdf = await timed(10, () => renderPdf(sheet(), { fontsDir: 'resources/fonts' }));
  console.log(`  recovery sheet PDF, median of 10: ${pdf.toFixed(1)} ms`);
  await core.shutdown();
}
