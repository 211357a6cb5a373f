import type { ComparisonRow, TermlyAudit, TimescaleCounts } from './types';

// The rows the Audit screen and the governors' PDF both lay out, so the two never say different
// things: the timescales table (by kind of deadline, then by whose), the comparison with earlier
// periods, and a median in working days.

/** Working days to one decimal place where a median falls between two; '—' where there is none. */
export function workingDaysFigure(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The timescales' rows: each kind of deadline, then each party's deadlines ('Your setting's deadlines'). */
export function timescaleRows(audit: TermlyAudit): (TimescaleCounts & { label: string })[] {
  return [...audit.timescales.byKind, ...audit.timescales.byWhose.map((row) => ({ ...row, label: `${row.label} deadlines` }))];
}

/** The comparison's figures, each with its label and how a period's row gives it. */
export const comparisonRows: readonly (readonly [string, (row: ComparisonRow) => string])[] = [
  ['Open at some time in the period', (row) => String(row.inAudit)],
  ['Carried in', (row) => String(row.carriedIn)],
  ['Opened', (row) => String(row.opened)],
  ['Resolved', (row) => String(row.resolved)],
  ['Closed without resolution', (row) => String(row.closedUnresolved)],
  ['Still open at the end', (row) => String(row.stillOpen)],
  ['Median time to resolution (working days)', (row) => workingDaysFigure(row.medianWorkingDaysToResolution)],
  ['Deadlines met on time', (row) => String(row.metOnTime)],
  ['Deadlines met late', (row) => String(row.metLate)],
  ['Deadlines still overdue', (row) => String(row.overdue)],
];
