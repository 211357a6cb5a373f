import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { bankHolidays, dueBy, formatUkDate, formatUkDateTime, isWorkingDay, regions } from '../../../shared/deadlines';
import type { Calendar, Region } from '../../../shared/deadlines';

// Properties over random events 2018–2030 in every region, many of them within hours of a clock
// change. Where luxon can compute the same answer independently, the two are compared exactly.

const LONDON = 'Europe/London';
const DAY_MS = 86_400_000;
const offsets = ['UTC', 'UTC+1', 'UTC-5', 'UTC+5:30', 'UTC+14', 'Europe/London'] as const;

/** The instants the clocks changed, from the UK rule (last Sundays of March and October, 01:00 UTC). */
const clockChanges: number[] = [];
for (let year = 2017; year <= 2035; year++) {
  for (const month of [3, 10]) {
    // Last Sunday of the month at 01:00 UTC.
    const lastDay = DateTime.utc(year, month, 1).endOf('month').startOf('day');
    const sunday = lastDay.minus({ days: lastDay.weekday % 7 });
    clockChanges.push(sunday.plus({ hours: 1 }).toMillis());
  }
}

const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2030, 11, 31) }),
  // Within six hours of a clock change, 2018–2030: the hard cases.
  fc
    .tuple(
      fc.constantFrom(...clockChanges.filter((ms) => ms > Date.UTC(2018, 0, 1) && ms < Date.UTC(2031, 0, 1))),
      fc.integer({ min: -6 * 60, max: 6 * 60 }),
    )
    .map(([change, minutes]) => change + minutes * 60_000),
  // Late evenings, London time, which are the next day in UTC+ offsets and vice versa.
  fc
    .tuple(fc.integer({ min: 0, max: 365 * 12 }), fc.integer({ min: 22 * 60, max: 24 * 60 - 1 }))
    .map(([day, minute]) =>
      DateTime.fromObject({ year: 2018, month: 1, day: 1 }, { zone: LONDON }).plus({ days: day, minutes: minute }).toMillis(),
    ),
);

const eventAt = fc.tuple(instant, fc.constantFrom(...offsets)).map(([ms, zone]) => DateTime.fromMillis(ms, { zone }).toISO() ?? '');

const region = fc.constantFrom<Region>(...regions);
/** Closure days as offsets (in days) from the event, so they land where they matter. */
const closureOffsets = fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 12 });

function londonDate(iso: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(LONDON);
}

function calendarFor(event: string, r: Region, days: readonly number[]): Calendar {
  const start = londonDate(event).startOf('day');
  return {
    region: r,
    extraClosures: days.map((d) => start.plus({ days: d }).toISODate() ?? ''),
  };
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Tue 29 Dec 2026', written independently of the calculator. */
function longDay(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  return `${weekdays[date.weekday - 1] ?? '?'} ${date.day} ${months[date.month - 1] ?? '?'} ${date.year}`;
}

const rule = fc.oneof(
  fc.record({ kind: fc.constant('working-days' as const), days: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('working-weeks' as const), weeks: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('same-day' as const) }),
  fc.record({ kind: fc.constant('hours' as const), hours: fc.integer({ min: 0, max: 24 * 60 }) }),
  fc.record({ kind: fc.constant('months' as const), months: fc.integer({ min: 0, max: 24 }) }),
);

describe('dueBy properties', () => {
  it('a working-days due date is always a working day, after the event', () => {
    fc.assert(
      fc.property(eventAt, fc.integer({ min: 0, max: 60 }), region, closureOffsets, (e, days, r, c) => {
        const calendar = calendarFor(e, r, c);
        const result = dueBy(e, { kind: 'working-days', days }, calendar);
        expect(isWorkingDay(result.dueDate, calendar)).toBe(true);
        const eventDate = londonDate(e).toISODate() ?? '';
        if (days > 0) expect(result.dueDate > eventDate).toBe(true);
        else expect(result.dueDate >= eventDate).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('more working days never gives an earlier date', () => {
    fc.assert(
      fc.property(eventAt, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), region, closureOffsets, (e, a, b, r, c) => {
        const calendar = calendarFor(e, r, c);
        const fewer = dueBy(e, { kind: 'working-days', days: Math.min(a, b) }, calendar);
        const more = dueBy(e, { kind: 'working-days', days: Math.max(a, b) }, calendar);
        expect(more.dueDate >= fewer.dueDate).toBe(true);
        // 0 and 1 can coincide: 0 days from a non-working day is the next working day.
        if (a !== b && Math.min(a, b) > 0) expect(more.dueDate > fewer.dueDate).toBe(true);
      }),
    );
  });

  it('adding a closure day never gives an earlier date', () => {
    fc.assert(
      fc.property(
        eventAt,
        fc.integer({ min: 0, max: 60 }),
        region,
        closureOffsets,
        fc.integer({ min: -2, max: 70 }),
        (e, days, r, c, extra) => {
          const without = dueBy(e, { kind: 'working-days', days }, calendarFor(e, r, c));
          const withIt = dueBy(e, { kind: 'working-days', days }, calendarFor(e, r, [...c, extra]));
          expect(withIt.dueDate >= without.dueDate).toBe(true);
        },
      ),
    );
  });

  it("the explanation's last line names the due date, and the first the event", () => {
    fc.assert(
      fc.property(eventAt, rule, region, closureOffsets, (e, r, reg, c) => {
        const result = dueBy(e, r, calendarFor(e, reg, c), { eventLabel: 'Referral received' });
        const last = result.explanation.at(-1) ?? '';
        expect(last).toMatch(/ due by /);
        expect(last).toContain(`due by ${r.kind === 'hours' ? '' : 'end of '}${longDay(result.dueDate)}`);
        expect(result.explanation[0]).toContain(`Referral received ${longDay(londonDate(e).toISODate() ?? '')} `);
      }),
      { numRuns: 500 },
    );
  });

  it('hours: dueAt − eventAt is exactly N hours of elapsed time, and matches luxon', () => {
    fc.assert(
      fc.property(eventAt, fc.integer({ min: 0, max: 24 * 400 }), region, (e, hours, r) => {
        const result = dueBy(e, { kind: 'hours', hours }, { region: r });
        expect(Date.parse(result.dueAt) - Date.parse(e)).toBe(hours * 3_600_000);
        expect(result.dueAt).toBe(londonDate(e).plus({ hours }).toISO());
        expect(result.dueDate).toBe(londonDate(e).plus({ hours }).toISODate());
        const crossesChange = clockChanges.some((change) => change > Date.parse(e) && change <= Date.parse(result.dueAt));
        expect(/clocks go (forward|back)/.test(result.explanation.at(-1) ?? '')).toBe(crossesChange);
      }),
      { numRuns: 500 },
    );
  });

  it('day-based rules are due at 23:59:59 London time, written as luxon writes it', () => {
    fc.assert(
      fc.property(eventAt, rule, region, (e, r, reg) => {
        const result = dueBy(e, r, { region: reg });
        if (r.kind === 'hours') return;
        const expected = DateTime.fromISO(result.dueDate, { zone: LONDON })
          .set({ hour: 23, minute: 59, second: 59, millisecond: 0 })
          .toISO();
        expect(result.dueAt).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('same-day and months rules agree with luxon calendar arithmetic in London', () => {
    fc.assert(
      fc.property(eventAt, fc.integer({ min: 0, max: 36 }), region, (e, n, r) => {
        const start = londonDate(e);
        expect(dueBy(e, { kind: 'same-day' }, { region: r }).dueDate).toBe(start.toISODate());
        // luxon also clamps to the month's last day (31 Jan + 1 month → 28/29 Feb).
        expect(dueBy(e, { kind: 'months', months: n }, { region: r }).dueDate).toBe(start.plus({ months: n }).toISODate());
      }),
    );
  });

  it('working weeks are five working days', () => {
    fc.assert(
      fc.property(eventAt, fc.integer({ min: 0, max: 10 }), region, closureOffsets, (e, w, r, c) => {
        const calendar = calendarFor(e, r, c);
        expect(dueBy(e, { kind: 'working-weeks', weeks: w }, calendar).dueDate).toBe(
          dueBy(e, { kind: 'working-days', days: w * 5 }, calendar).dueDate,
        );
      }),
    );
  });
});

describe('isWorkingDay and the UK formats, against independent computations', () => {
  it('isWorkingDay is weekday ∧ not a bank holiday ∧ not a closure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 13 * 366 }),
        region,
        fc.array(fc.integer({ min: 0, max: 13 * 366 }), { maxLength: 20 }),
        (day, r, closureDays) => {
          const toDate = (d: number): string => new Date(Date.UTC(2018, 0, 1) + d * DAY_MS).toISOString().slice(0, 10);
          const date = toDate(day);
          const closures = closureDays.map(toDate);
          const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
          const holiday = bankHolidays(Number(date.slice(0, 4)), r).some((h) => h.date === date);
          const expected = weekday !== 0 && weekday !== 6 && !holiday && !closures.includes(date);
          expect(isWorkingDay(date, { region: r, extraClosures: closures })).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('formatUkDate and formatUkDateTime write London time as dd/MM/yyyy HH:mm', () => {
    fc.assert(
      fc.property(eventAt, (e) => {
        expect(formatUkDateTime(e)).toBe(londonDate(e).toFormat('dd/MM/yyyy HH:mm'));
        expect(formatUkDate(e)).toBe(londonDate(e).toFormat('dd/MM/yyyy'));
      }),
      { numRuns: 500 },
    );
  });
});
