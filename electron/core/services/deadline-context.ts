import type { Calendar } from '../../../shared/deadlines';
import { listClosureDates } from '../../../db/queries/closures';
import { getSettings } from '../../../db/queries/settings';
import type { ReadExecutor } from '../../../db/queries/executor';
import { nowIso, type Clock } from './context';

// What every deadline needs besides its event: the setting's calendar (its region and its own
// closure days) and the time now. Whose working days a deadline counts is decided where it is
// worked out (shared/deadlines/whose-days.ts): the setting's closure days move only the setting's
// own deadlines, never another agency's or a stage both share.

export interface DeadlineContext {
  /** The setting's own calendar: its region's bank holidays and its closure days. */
  calendar: Calendar;
  now: string;
}

export async function settingCalendar(db: ReadExecutor): Promise<Calendar> {
  const settings = await getSettings(db);
  return { region: settings.region, extraClosures: Object.freeze(await listClosureDates(db)) };
}

export async function deadlineContext(db: ReadExecutor, clock: Clock): Promise<DeadlineContext> {
  return { calendar: await settingCalendar(db), now: nowIso(clock) };
}
