import type { Dispatcher } from '../../../electron/core/dispatcher';
import { ok, setUpCore, TestClock } from '../../../scripts/fixtures/core';
import { writeSeed } from '../../../scripts/seed/generate';

// A core set up under Bromley's procedure with the seed's ten years written straight into its file
// (scripts/seed), at a given multiple of a large school's volume, as the tests on seeded data use it.

/** The seeded data set's "now": a Monday in the autumn term. */
export const SEEDED_NOW = new Date('2026-11-23T09:00:00.000Z');

export async function seededCore(options: { scale: number; seed: number }): Promise<{ core: Dispatcher; clock: TestClock }> {
  const clock = new TestClock(SEEDED_NOW);
  const { core } = await setUpCore(undefined, clock);
  await ok(core, 'procedures.choose', { id: 'bromley' });
  const open = core.session.current;
  if (!open) throw new Error('The records file is not open.');
  await writeSeed(
    open.db,
    { dsl: open.user.id, deputy: open.user.id, settingName: 'Northway Primary and Nursery School', procedureId: 'bromley' },
    { years: 10, scale: options.scale, now: clock.time.getTime(), seed: options.seed },
  );
  return { core, clock };
}
