import type { Dispatcher } from '../../../electron/core/dispatcher';
import type { OpenFile } from '../../../electron/core/session/session';

/** The core's open file (its connection, key and user); fails the test if it is locked. */
export function openOf(core: Dispatcher): OpenFile {
  const file = core.session.current;
  if (!file) throw new Error('Expected the records to be unlocked.');
  return file;
}

/** A value the test has just made sure of; fails the test if it is missing. */
export function present<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}.`);
  return value;
}
