import { dueBy, regions } from '../shared/deadlines';
import type { Calendar, Rule } from '../shared/deadlines';

// How fast the dashboard's deadlines are: 100,000 dueBy calls over random events (seeded, so runs
// compare), every rule kind and region, some calendars with closure days. Prints; never asserts.

const CALLS = 100_000;
const DASHBOARD_BATCH = 10_000;
const RUNS = 5;

/** mulberry32: a small seeded PRNG, so every run benchmarks the same inputs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Input {
  eventAt: string;
  rule: Rule;
  calendar: Calendar;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Through JSON, as stored events arrive: a flat string, not the rope a template literal builds. */
function flat(text: string): string {
  const parsed: unknown = JSON.parse(JSON.stringify(text));
  return typeof parsed === 'string' ? parsed : text;
}

function makeInputs(count: number, random: () => number): Input[] {
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('empty list');
    return item;
  };
  // A handful of calendars shared by many calls, as a setting's settings object would be.
  const calendars: Calendar[] = regions.flatMap((region) => {
    const closures: string[] = [];
    for (let year = 2018; year <= 2031; year++) {
      for (const [month, day] of [
        [2, 16],
        [2, 17],
        [6, 1],
        [9, 1],
        [10, 26],
        [10, 27],
        [11, 2],
      ]) {
        closures.push(`${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`);
      }
    }
    // Frozen, as the settings service hands them out: a frozen closure list is trusted by identity.
    return [{ region }, { region, extraClosures: Object.freeze(closures) }];
  });
  const offsets = ['Z', '+00:00', '+01:00', '-05:00', '+05:30'];
  const inputs: Input[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2018 + Math.floor(random() * 13);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const hour = Math.floor(random() * 24);
    const minute = Math.floor(random() * 60);
    const eventAt = flat(`${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${pick(offsets)}`);
    const kind = random();
    const rule: Rule =
      kind < 0.4
        ? { kind: 'working-days', days: pick([0, 1, 1, 5, 10, 15, 45]) }
        : kind < 0.5
          ? { kind: 'working-weeks', weeks: pick([1, 2]) }
          : kind < 0.6
            ? { kind: 'same-day' }
            : kind < 0.85
              ? { kind: 'hours', hours: pick([24, 48, 72]) }
              : { kind: 'months', months: pick([3, 6]) };
    inputs.push({ eventAt, rule, calendar: pick(calendars) });
  }
  return inputs;
}

/** Runs every input once; returns milliseconds taken. A checksum keeps the work from being skipped. */
function timeCalls(inputs: readonly Input[]): { ms: number; checksum: number } {
  let checksum = 0;
  const start = performance.now();
  for (const input of inputs) {
    const result = dueBy(input.eventAt, input.rule, input.calendar);
    checksum += result.dueAt.length + result.explanation.length;
  }
  return { ms: performance.now() - start, checksum };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString('en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

// Async like every bench, so run.ts can await them in turn; this one happens to be synchronous.
export async function benchDeadlines(): Promise<void> {
  const inputs = makeInputs(CALLS, seededRandom(20_260_101));
  const dashboard = inputs.slice(0, DASHBOARD_BATCH);

  // The very first batch also builds the bank-holiday and clock-change tables.
  const cold = timeCalls(dashboard);

  const fullRuns: number[] = [];
  const dashboardRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    fullRuns.push(timeCalls(inputs).ms);
    dashboardRuns.push(timeCalls(dashboard).ms);
  }
  const fullMs = median(fullRuns);
  const dashboardMs = median(dashboardRuns);

  console.log('deadlines: dueBy');
  console.log(
    `  ${formatNumber(CALLS)} calls, median of ${RUNS}: ${formatNumber(fullMs, 1)} ms ` +
      `→ ${formatNumber((CALLS / fullMs) * 1000)} calls/s, ${formatNumber((fullMs * 1000) / CALLS, 2)} µs/call`,
  );
  console.log(
    `  dashboard batch of ${formatNumber(DASHBOARD_BATCH)}: ${formatNumber(dashboardMs, 1)} ms ` +
      `(median of ${RUNS}); first batch, cold (JIT warm-up and building the tables): ${formatNumber(cold.ms, 1)} ms`,
  );
}
