import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { createKysely } from '../../db/connection';
import { quickCheck } from '../../db/queries/integrity';
import { Dispatcher } from '../../electron/core/dispatcher';
import { listChildSummaries } from '../../electron/core/services/children';
import { getDashboard } from '../../electron/core/services/dashboard';
import { listEscalations } from '../../electron/core/services/escalations/read';
import { listReferrals } from '../../electron/core/services/referrals';
import { childTimeline } from '../../electron/core/services/timeline';
import { settingCalendar } from '../../electron/core/services/deadline-context';
import * as lifecycle from '../../electron/core/services/escalations/lifecycle';
import type { ReadContext, ServiceContext } from '../../electron/core/services/context';
import { inThreadRenderer } from '../../electron/core/documents/renderer';
import { exportPlainCopy } from './plain-copy';
import { deadlineRows, rebuildAll, upkeepAlone, writesWithUpkeep } from './deadline-work';

// The core in a worker thread, as the app runs it (electron/core/worker.ts), for the scale bench:
// the same Dispatcher on the data set's folder, its clock fixed at the data set's "now". Besides API
// calls it answers the few things the bench measures beneath the API: the page-by-page check alone,
// a stage write through the service alone, this thread's heap, the same reads through the
// services on the encrypted file and on a plaintext copy of it (for the encrypted / plain ratio),
// and the deadlines kept as data (deadline-work.ts).

const options = z
  .object({ dataDir: z.string(), fontsDir: z.string(), now: z.string(), plainPath: z.string().nullable() })
  .parse(workerData);
const port = parentPort;
if (!port) throw new Error('core-thread.ts runs as a worker thread.');

const clock = { time: new Date(options.now) };
const dispatcher = new Dispatcher({
  dataDir: options.dataDir,
  fontsDir: options.fontsDir,
  clock: () => clock.time,
  documents: inThreadRenderer(options.fontsDir),
});

const message = z.object({ id: z.number(), kind: z.string(), method: z.string().optional(), input: z.unknown().optional() });

function open() {
  const file = dispatcher.session.current;
  if (!file) throw new Error('The records file is not open.');
  return file;
}

function readContext(db: ReadContext['db']): ReadContext {
  const file = open();
  return {
    db,
    user: file.user,
    clock: () => clock.time,
    fontsDir: options.fontsDir,
    renderDocument: () => Promise.reject(new Error('No documents in the read comparison.')),
    calendar: () => settingCalendar(db),
    logAccess: () => Promise.resolve(),
  };
}

/** The reads compared encrypted / plain, each through its service as the dispatcher would call it. */
const reads: Record<string, (ctx: ReadContext, arg: Record<string, string>) => Promise<unknown>> = {
  'children, first page': (ctx) => listChildSummaries(ctx, {}),
  'children, search by name': (ctx) => listChildSummaries(ctx, { search: 'lukasik' }),
  'referrals, first page': (ctx) => listReferrals(ctx, {}),
  'escalations, first page (open)': (ctx) => listEscalations(ctx, { status: 'open' }),
  'escalations, first page (all)': (ctx) => listEscalations(ctx, {}),
  'child timeline': (ctx, arg) => childTimeline(ctx, arg.childId ?? ''),
  dashboard: (ctx) => getDashboard(ctx),
};

async function timedRuns(task: () => Promise<unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times;
}

let plain: { sqlite: Database.Database; ctx: ReadContext } | null = null;

async function answer(kind: string, method: string | undefined, input: unknown): Promise<unknown> {
  switch (kind) {
    case 'call': {
      const started = performance.now();
      const result = await dispatcher.call(method ?? '', input);
      return { result, ms: performance.now() - started };
    }
    case 'advance':
      clock.time = new Date(clock.time.getTime() + Number(input));
      return null;
    case 'quick-check': {
      const started = performance.now();
      const problems = quickCheck(open().sqlite);
      return { ms: performance.now() - started, problems: problems.length };
    }
    case 'integrity-ms':
      // What the checks at unlock took (services/integrity.ts: the audit chain, seals, documents against the chain).
      return dispatcher.session.lastIntegrity?.ms ?? null;
    case 'memory':
      return { heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
    case 'export-plain': {
      const started = performance.now();
      exportPlainCopy(open().sqlite, String(input));
      return { ms: performance.now() - started };
    }
    case 'stage-write-service': {
      // The write alone, as the handler runs it before re-reading the escalation for the screen: one
      // transaction with the entry and its audit row (synchronous=FULL: the commit waits for the disk).
      const { escalationId, runs } = z.object({ escalationId: z.string(), runs: z.number() }).parse(input);
      const file = open();
      const ctx: ServiceContext = { ...readContext(file.db), db: file.db };
      return timedRuns(async () => {
        clock.time = new Date(clock.time.getTime() + 60_000);
        await lifecycle.recordStageEntry(ctx, {
          escalationId,
          occurredAt: new Date(clock.time.getTime() - 30_000).toISOString(),
          method: 'phone',
          participants: [{ name: 'Priya Raman', role: 'Designated Safeguarding Lead', agency: 'Northway Primary and Nursery School' }],
          summary: 'Called the team manager about the missed visit.',
          decision: 'A visit is booked for Thursday.',
          rationale: 'The plan requires weekly visits.',
          toldOfOutcome: [],
          originalReferrerTold: false,
        } as Parameters<typeof lifecycle.recordStageEntry>[1]);
      }, runs);
    }
    case 'deadline-rows':
      return deadlineRows(open().sqlite);
    case 'rebuild-deadlines':
      return rebuildAll(open().db, () => clock.time);
    case 'upkeep-alone': {
      const ids = z.object({ referralId: z.string(), escalationId: z.string(), runs: z.number() }).parse(input);
      return upkeepAlone(open().db, () => clock.time, ids, ids.runs);
    }
    case 'writes-with-upkeep': {
      const { childId, runs } = z.object({ childId: z.string(), runs: z.number() }).parse(input);
      const file = open();
      const ctx: ServiceContext = { ...readContext(file.db), db: file.db };
      const advance = () => (clock.time = new Date(clock.time.getTime() + 60_000));
      return writesWithUpkeep(ctx, advance, childId, runs);
    }
    case 'compare': {
      // Warm: each read once on each file first, then the medians of `runs`.
      const { name, runs, arg } = z.object({ name: z.string(), runs: z.number(), arg: z.record(z.string(), z.string()) }).parse(input);
      const read = reads[name];
      if (!read) throw new Error(`No read called ${name}.`);
      if (!plain) {
        if (!options.plainPath) throw new Error('No plain copy.');
        const sqlite = new Database(options.plainPath, { readonly: true, fileMustExist: true });
        sqlite.pragma('temp_store = MEMORY');
        plain = { sqlite, ctx: readContext(createKysely(sqlite)) };
      }
      const encrypted = readContext(open().db);
      await read(encrypted, arg);
      await read(plain.ctx, arg);
      return {
        encrypted: await timedRuns(() => read(encrypted, arg), runs),
        plain: await timedRuns(() => read(plain?.ctx ?? encrypted, arg), runs),
      };
    }
    case 'shutdown':
      plain?.sqlite.close();
      await dispatcher.shutdown();
      return null;
    default:
      throw new Error(`Unknown request ${kind}.`);
  }
}

port.on('message', (raw: unknown) => {
  const request = message.parse(raw);
  answer(request.kind, request.method, request.input).then(
    (value) => port.postMessage({ id: request.id, ok: true, value }),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
