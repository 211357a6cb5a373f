import type { Calendar, TimescaleOverrides } from '../../../shared/deadlines';
import { listClosureDates } from '../../../db/queries/closures';
import { getSettings } from '../../../db/queries/settings';
import type { ReadExecutor } from '../../../db/queries/executor';
import { nowIso, type Clock } from './context';

// What every deadline needs besides its event: the setting's calendar (region and closure days)
// and the timescale values of its partnership's procedure.

export interface DeadlineContext {
  calendar: Calendar;
  overrides: TimescaleOverrides;
  now: string;
}

export async function settingCalendar(db: ReadExecutor): Promise<Calendar> {
  const settings = await getSettings(db);
  return { region: settings.region, extraClosures: Object.freeze(await listClosureDates(db)) };
}

export async function deadlineContext(db: ReadExecutor, clock: Clock, overrides: TimescaleOverrides): Promise<DeadlineContext> {
  return { calendar: await settingCalendar(db), overrides, now: nowIso(clock) };
}
