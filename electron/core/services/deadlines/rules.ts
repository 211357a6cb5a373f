import { createHash } from 'node:crypto';
import { bankHolidays, regions, timescaleIds, timescaleRule } from '../../../../shared/deadlines';
import { builtInProcedures } from '../../../../shared/procedures';

// Which rules the stored deadlines were worked out under. The rows are the app's rules applied to
// the records, so an update of the app that changes a rule must work them out again: the file keeps
// this fingerprint (deadline_upkeep.rules) and the first unlock under different rules works every
// row out again. What is data is fingerprinted from itself — the national timescales, the built-in
// procedures' own referral timescales (a setting that chose a built-in follows the app's copy of
// it) and the bank holidays of every region — and what is code by DEADLINE_RULES_VERSION.
//
// Bump DEADLINE_RULES_VERSION whenever code changes which items are owed or when they fall due:
// shared/referrals/milestones.ts, shared/deadlines (how a due instant is counted), the escalation
// model's stageTarget and actionDeadline, or services/deadlines/items.ts. (The explanations are
// never stored: changing their words needs no bump.) tests/unit/deadlines-data/rules.test.ts pins
// what they give for a fixed set of records, and fails when that changes, to remind you.

export const DEADLINE_RULES_VERSION = 1;

/** Bank holidays from here to there are fingerprinted: every year a stored due date can fall in. */
const HOLIDAY_YEARS = { from: 1990, to: 2080 } as const;

let fingerprint: string | null = null;

export function deadlineRulesFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const holidays: string[] = [];
  for (const region of regions) {
    for (let year = HOLIDAY_YEARS.from; year <= HOLIDAY_YEARS.to; year += 1) {
      for (const holiday of bankHolidays(year, region)) holidays.push(`${region} ${holiday.date}`);
    }
  }
  const rules = {
    version: DEADLINE_RULES_VERSION,
    national: timescaleIds.map((id) => [id, timescaleRule(id)]),
    builtIns: builtInProcedures.map((procedure) => [procedure.id, procedure.version, procedure.localTimescales]),
    holidays,
  };
  fingerprint = `v${DEADLINE_RULES_VERSION}-${createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 24)}`;
  return fingerprint;
}
