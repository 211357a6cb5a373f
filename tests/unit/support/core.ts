import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Core } from '../../../electron/core/core';
import { dispatchMethod } from '../../../electron/core/dispatch';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import type { ApiResult } from '../../../shared/result';

// A real core on a real encrypted file in a temp folder. The key derivation is made cheap
// (scrypt N = 2^12) so tests run quickly; the app always uses the full cost.

export const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';
export const FONTS_DIR = resolve('resources/fonts');

export function tempDataDir(label = 'core'): string {
  return mkdtempSync(join(tmpdir(), `escalation-log-${label}-`));
}

export class TestClock {
  constructor(public time = new Date('2026-11-23T09:00:00Z')) {}
  now = (): Date => this.time;
  advance(seconds: number): void {
    this.time = new Date(this.time.getTime() + seconds * 1000);
  }
}

export function makeCore(dataDir = tempDataDir(), clock = new TestClock()): Core {
  return new Core({ dataDir, fontsDir: FONTS_DIR, clock: clock.now, kdfCost: TEST_KDF });
}

/** Calls through the real dispatcher, as both transports do. */
export function call<M extends ApiMethod>(core: Core, method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
  return dispatchMethod(core, method, input);
}

/** Calls and expects success; fails the test with the error otherwise. */
export async function ok<M extends ApiMethod>(core: Core, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await call(core, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const setupInput = {
  settingName: 'Northway Primary and Nursery School',
  settingType: 'school',
  region: 'england-and-wales',
  dslName: 'Priya Raman',
  passphrase: PASSPHRASE,
  passphraseConfirm: PASSPHRASE,
} as const;

export async function setUpCore(dataDir = tempDataDir(), clock = new TestClock()) {
  const core = makeCore(dataDir, clock);
  const recovery = await ok(core, 'session.setup', setupInput);
  return { core, dataDir, clock, recovery };
}

export const childInput = {
  firstName: 'Zephyrine',
  lastName: 'Quillfeather',
  dateOfBirth: '2017-03-14',
  classOrYear: 'Year 4',
  levelOfNeed: 4,
  planStatus: 'child-protection',
  socialWorkerName: 'Daniel Okafor',
  socialWorkerContact: '0151 233 3700',
} as const;

/** SHA-256 of every file in the folder, by name. */
export function hashFolder(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    hashes[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return hashes;
}
