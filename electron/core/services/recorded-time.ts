import { fieldFailure } from '../../../shared/result';
import type { Clock } from './context';

// A record says what has happened, so the time it gives cannot be in the future. A minute's grace
// allows for a form filled in on a computer whose clock runs a little ahead of the core's.

const FUTURE_TOLERANCE_MS = 60_000;

/** Refuses a time after now (give or take the grace), with `message` against the form's `path` field. */
export function refuseFuture(clock: Clock, iso: string, path: string, message: string): void {
  if (Date.parse(iso) > clock().getTime() + FUTURE_TOLERANCE_MS) throw fieldFailure([path], message);
}
