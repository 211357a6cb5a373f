import { beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import { ok, type TestClock } from '../../../scripts/fixtures/core';
import { seededCore } from '../support/seeded-core';
import { expectConsistent } from './support';

// Deadlines as data on a seeded data set (ten years at five times a large school's volume: 750
// children, 1,500 referrals with their events, 1,000 escalations over every procedure, most closed,
// a few open now): the rows the seed works out after writing its records straight into the file
// are the records' own, the dashboard read from them is the one worked out from the whole history,
// at several times, and the changes that move many dates at once keep them so.

let core: Dispatcher;
let clock: TestClock;

beforeAll(async () => {
  ({ core, clock } = await seededCore({ scale: 5, seed: 5 }));
}, 180_000);

describe('deadlines kept as data, on a seeded data set', () => {
  it('are the records’ own after the seed, and the dashboard is the one worked out from everything', async () => {
    await expectConsistent(core, 'the seed');
    const dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.overdue.length + dashboard.today.length + dashboard.thisWeek.length).toBeGreaterThan(5);
    expect(dashboard.openEscalations.length).toBeGreaterThan(2);
    for (const days of [1, 3, 9]) {
      clock.advance(days * 86_400);
      await expectConsistent(core, `${days} more days`);
    }
  });

  it('stay so when a closure day is added, the region changes and another procedure is chosen', async () => {
    await ok(core, 'settings.addClosure', { date: '2026-12-08', reason: 'INSET day' });
    await expectConsistent(core, 'a closure day');
    await ok(core, 'settings.update', { region: 'northern-ireland' });
    await expectConsistent(core, 'another region');
    await ok(core, 'procedures.choose', { id: 'berkshire-west' });
    await expectConsistent(core, 'Berkshire West chosen');
    await ok(core, 'procedures.choose', { id: 'liverpool' });
    await expectConsistent(core, 'Liverpool chosen');
  });
});
