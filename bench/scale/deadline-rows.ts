import { rmSync } from 'node:fs';
import { z } from 'zod';
import { SEED_PASSPHRASE, SEED_PROCEDURE } from '../../scripts/seed/build';
import type { ApiInput, ApiMethod } from '../../shared/api';
import { CoreThread, median, type Row } from './core-client';
import { scaleDataset, workingCopy, type SeedInfo } from './dataset';

// The scale bench's rows for the deadlines kept as data (issue 12): the dashboard with a tenth of
// the history (the same setting's one year against its ten: its cost should follow what is due, not
// what is stored), what a change that moves many dates costs (a closure day, the region, the
// procedure: each through the API, its rows worked out again in its transaction), every row worked
// out again (the first unlock after migration 0011), and the writes that keep the rows.

type Add = (row: Row) => void;

const rowCounts = z.record(z.string(), z.number());
const times = z.array(z.number());

/** The API call's core time, median of `runs` after one to warm, with its input for each run. */
async function timeCalls<M extends ApiMethod>(
  core: CoreThread,
  method: M,
  inputs: (run: number) => ApiInput<M>,
  runs: number,
): Promise<number> {
  const ms: number[] = [];
  for (let run = 0; run <= runs; run += 1) ms.push((await core.call(method, inputs(run))).ms);
  return median(ms.slice(1));
}

function rowsNote(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return `${total.toLocaleString('en-GB')} open deadlines (${Object.entries(counts)
    .map(([owner, n]) => `${n.toLocaleString('en-GB')} ${owner}`)
    .join(', ')})`;
}

/** On the main data set's core, after the reads: the recomputes and the writes. */
export async function benchDeadlineChanges(core: CoreThread, info: SeedInfo, add: Add): Promise<void> {
  const counts = rowCounts.parse(await core.request('deadline-rows'));
  const note = rowsNote(counts);

  // A closure day added, then removed, on school days from a week ahead (the setting's own deadlines move).
  // Added on one run, removed on the next: the same few school days a week or two ahead.
  const closureMs: number[] = [];
  for (let run = 0; run < 8; run += 1) {
    const date = `2026-12-${String(7 + Math.floor(run / 2)).padStart(2, '0')}`;
    const call =
      run % 2 === 0 ? core.call('settings.addClosure', { date, reason: 'INSET day' }) : core.call('settings.removeClosure', { date });
    closureMs.push((await call).ms);
  }
  const closure = median(closureMs.slice(1));
  add({
    group: 'deadlines',
    name: 'a closure day added or removed (the setting’s own deadlines worked out again)',
    runs: closureMs.length - 1,
    median: closure,
    note: `${(counts.setting ?? 0).toLocaleString('en-GB')} rows owed by the setting; ${note}`,
  });
  const regions = ['scotland', 'england-and-wales'] as const;
  // An even number of calls, so the setting ends as it began.
  const region = await timeCalls(core, 'settings.update', (run) => ({ region: regions[run % 2] }), 5);
  add({
    group: 'deadlines',
    name: 'the region changed (every deadline counted in working days worked out again)',
    runs: 5,
    median: region,
    note,
  });
  const procedures = ['berkshire-west', SEED_PROCEDURE] as const;
  const procedure = await timeCalls(core, 'procedures.choose', (run) => ({ id: procedures[run % 2] ?? SEED_PROCEDURE }), 5);
  add({
    group: 'deadlines',
    name: 'another procedure chosen (the referrals its timescales can move worked out again)',
    runs: 5,
    median: procedure,
    note: 'Bromley sets no local referral timescales, Berkshire West the strategy discussion’s by category',
  });

  const rebuilds: { ms: number; rows: number }[] = [];
  for (let i = 0; i < 3; i += 1)
    rebuilds.push(z.object({ ms: z.number(), rows: z.number() }).parse(await core.request('rebuild-deadlines')));
  add({
    group: 'deadlines',
    name: 'every deadline worked out again (the first unlock after migration 0011)',
    runs: rebuilds.length,
    median: median(rebuilds.map((rebuild) => rebuild.ms)),
    note: `${rebuilds[0]?.rows.toLocaleString('en-GB') ?? '?'} rows from every referral and its events and every open escalation`,
  });

  const referral = (await core.call('referrals.list', { childId: info.longHistoryChildId, limit: 1 })).value.items[0];
  if (referral) {
    const upkeep = z
      .object({ referral: times, escalation: times })
      .parse(await core.request('upkeep-alone', { referralId: referral.id, escalationId: info.openEscalationId, runs: 15 }));
    add({ group: 'deadlines', name: 'upkeep alone: one referral’s rows worked out again', runs: 15, median: median(upkeep.referral) });
    add({ group: 'deadlines', name: 'upkeep alone: one escalation’s rows worked out again', runs: 15, median: median(upkeep.escalation) });
  }
  const writes = z
    .object({ escalate: times, addAction: times, openEscalation: times, createReferral: times, recordEvent: times })
    .parse(await core.request('writes-with-upkeep', { childId: info.longHistoryChildId, runs: 9 }));
  const write = (name: string, values: number[], target: boolean, note?: string) => {
    const ms = median(values.slice(1));
    add({
      group: 'write',
      name,
      runs: values.length - 1,
      median: ms,
      ...(target ? { target: '< 2 ms', holds: ms < 2 } : {}),
      ...(note ? { note } : {}),
    });
  };
  write(
    'stage write with its deadline: escalated to the next stage (the write alone)',
    writes.escalate,
    true,
    'the stage record, the audit row and the escalation’s rows worked out again, one transaction',
  );
  write('action agreed with its deadline (the write alone)', writes.addAction, true);
  write('escalation opened with its deadline (the write alone)', writes.openEscalation, false);
  write('referral recorded with its milestones (the write, then the referral re-read for the screen)', writes.createReferral, false);
  write('referral event recorded with its milestones (the write, then the referral re-read for the screen)', writes.recordEvent, false);
}

/**
 * The dashboard on the same setting with a tenth of the history (one year of records instead of
 * ten, at the same volume a year), against the main data set's: the issue's target is ten times the
 * history in no more than 1.5 times the time. The two cores answer in turn, so both are measured
 * under the same load (the machine is shared).
 */
export async function benchDashboardHistory(
  main: CoreThread,
  options: { years: number; scale: number },
  add: Add,
  say: (message: string) => void,
): Promise<void> {
  const years = Math.max(1, Math.round(options.years / 10));
  if (years === options.years) return;
  const dataset = await scaleDataset({ years, scale: options.scale }, say);
  const work = workingCopy(dataset);
  const small = new CoreThread(work, dataset.info.now, dataset.plainPath);
  try {
    await small.call('session.unlock', { passphrase: SEED_PASSPHRASE });
    const counts = rowCounts.parse(await small.request('deadline-rows'));
    const due = async (core: CoreThread) => {
      const dashboard = await core.call('dashboard.get', {});
      return { ms: dashboard.ms, items: dashboard.value.overdue.length + dashboard.value.today.length + dashboard.value.thisWeek.length };
    };
    // Once each to warm, then in turn.
    const items = { main: (await due(main)).items, small: (await due(small)).items };
    const ms = { main: [] as number[], small: [] as number[] };
    for (let run = 0; run < 11; run += 1) {
      ms.main.push((await due(main)).ms);
      ms.small.push((await due(small)).ms);
    }
    const ratio = median(ms.main) / median(ms.small);
    add({
      group: 'dashboard',
      name: `dashboard with ${years} year${years === 1 ? '' : 's'} of history, and with ${options.years} (the same setting; measured in turn)`,
      runs: ms.small.length,
      median: median(ms.small),
      target: `${options.years / years}× the history in ≤ 1.5× the time`,
      holds: ratio <= 1.5,
      note: `${options.years} years: ${median(ms.main).toFixed(1)} ms for ${items.main} items due or overdue; ${years} year${years === 1 ? '' : 's'}: ${items.small} items, ${rowsNote(counts)}; ratio ${ratio.toFixed(2)}`,
    });
    await small.call('session.lock', {});
  } finally {
    await small.close();
    rmSync(work, { recursive: true, force: true });
  }
}
