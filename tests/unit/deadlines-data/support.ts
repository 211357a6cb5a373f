import { expect } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import type { ReadContext } from '../../../electron/core/services/context';
import { settingCalendar } from '../../../electron/core/services/deadline-context';
import { checkDeadlines } from '../../../electron/core/services/deadlines/upkeep';
import { getDashboard } from '../../../electron/core/services/dashboard';
import { ok } from '../../../scripts/fixtures/core';
import { getDashboard as referenceDashboard } from './reference-dashboard';

// What the deadlines-as-data tests share: a read context on a core's open file (as the dispatcher
// makes one for a read), and the check that the table agrees with the records — the consistency
// check finds no difference, and the dashboard read from the table is exactly the one worked out
// from the whole history (the old getDashboard, kept as the reference).

export function readContextOf(core: Dispatcher): ReadContext {
  const file = core.session.current;
  if (!file) throw new Error('The records file is not open.');
  return {
    db: file.db,
    user: file.user,
    clock: core.session.clock,
    fontsDir: core.session.fontsDir,
    renderDocument: () => Promise.reject(new Error('No documents here.')),
    calendar: () => settingCalendar(file.db),
    logAccess: () => Promise.resolve(),
  };
}

/** The table agrees with the records, and the dashboard read from it is the reference's, through the API too. */
export async function expectConsistent(core: Dispatcher, after: string): Promise<void> {
  const ctx = readContextOf(core);
  expect(await checkDeadlines(ctx.db, ctx.clock), `deadlines after ${after}`).toEqual([]);
  const reference = await referenceDashboard(ctx);
  expect(await getDashboard(ctx), `dashboard after ${after}`).toEqual(reference);
  expect(await ok(core, 'dashboard.get', {}), `dashboard.get after ${after}`).toEqual(reference);
}

/** An escalation about visits that have lapsed, with Liverpool children's services, opened at the given time. */
export const escalationInput = (childId: string, openedAt: string): ApiInput<'escalations.open'> => ({
  childId,
  category: 'action-or-inaction',
  immediateRisk: false,
  otherAgencyKind: 'childrens-social-care',
  otherAgencyName: 'Liverpool Children’s Services, Team 3',
  otherProfessional: { name: 'Daniel Okafor', role: 'Social worker' },
  concern: 'Visits have lapsed.',
  areasOfAgreement: 'The plan is right.',
  areasOfDisagreement: 'Whether visits are happening.',
  riskRelevance: 'No one has seen the child at home.',
  outcomeSought: 'A home visit this week.',
  openedAt,
});
