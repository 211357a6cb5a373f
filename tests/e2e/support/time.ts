import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';

/** London wall-clock time `minutes` ago, as a datetime-local field takes it. */
export function minutesAgo(minutes: number): string {
  return DateTime.now().setZone('Europe/London').minus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function daysAgo(days: number, at = '09:30'): string {
  return `${DateTime.now().setZone('Europe/London').minus({ days }).toFormat('yyyy-MM-dd')}T${at}`;
}

/** The page's own clock (which a test may have moved on), in milliseconds. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => Date.now());
}

/** An instant as the app's date and time fields show it: London date (dd/mm/yyyy) and time (hh:mm). */
export function londonFields(ms: number): { date: string; time: string } {
  const london = DateTime.fromMillis(ms).setZone('Europe/London');
  return { date: london.toFormat('dd/MM/yyyy'), time: london.toFormat('HH:mm') };
}
