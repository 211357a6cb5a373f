import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Dispatcher } from '../../electron/core/dispatcher';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api';
import { STAFF } from './vocabulary';
import { writeSeed, type SeedSummary } from './generate';

// Builds the data set in a new data folder, as the app would have it: set up through the real
// dispatcher (full key-derivation cost, so it unlocks like a real setting), the procedure chosen
// and the deputy and head teacher added through the API, the ten years of records written straight
// into the encrypted file (scripts/seed/generate.ts), then locked through the API, so the lock is
// audited and the key file records the audit log's end as it always does.

/** The DSL's passphrase for every seeded folder: printed by `npm run seed`, used by the benchmarks. */
export const SEED_PASSPHRASE = 'quiet lantern orchard seventy';
/** The deputy's and the head teacher's (read-only). */
export const SEED_OTHER_PASSPHRASES = { deputy: 'amber kettle harbour ninety', head: 'silver meadow tugboat eleven' } as const;
export const SEED_SETTING = 'Northway Primary and Nursery School';
/** The partnership procedure the seeded setting has chosen. */
export const SEED_PROCEDURE = 'bromley';

export interface BuildOptions {
  out: string;
  years: number;
  scale: number;
  /** ISO instant: "now" for the data set. */
  now: string;
  seed: number;
  /** Lower key-derivation cost (tests only); the data set is otherwise set up at the app's own cost. */
  kdfCost?: { N: number; r: number; p: number };
}

export interface BuiltSeed extends SeedSummary {
  seconds: number;
  bytes: number;
}

export const DEFAULT_NOW = '2026-11-30T12:00:00.000Z';

async function ok<M extends ApiMethod>(core: Dispatcher, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await core.callMethod(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

export async function buildSeed(options: BuildOptions, progress: (message: string) => void = () => undefined): Promise<BuiltSeed> {
  mkdirSync(options.out, { recursive: true });
  if (readdirSync(options.out).length > 0) throw new Error(`${options.out} is not empty: the seed writes only into a new, empty folder.`);
  const started = performance.now();
  const now = Date.parse(options.now);
  if (Number.isNaN(now)) throw new Error(`--now ${options.now} is not a time.`);
  let clock = new Date(now - options.years * 365.2425 * 86_400_000 - 86_400_000);
  const core = new Dispatcher({
    dataDir: options.out,
    fontsDir: resolve('resources/fonts'),
    clock: () => clock,
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
  });
  await ok(core, 'session.setup', {
    settingName: SEED_SETTING,
    settingType: 'school',
    region: 'england-and-wales',
    dslName: STAFF.dsl.fullName,
    passphrase: SEED_PASSPHRASE,
    passphraseConfirm: SEED_PASSPHRASE,
  });
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'The school safe, in the head teacher’s office' });
  await ok(core, 'procedures.choose', { id: SEED_PROCEDURE });
  for (const [who, role] of [
    ['deputy', 'deputy'],
    ['head', 'read-only'],
  ] as const) {
    const passphrase = SEED_OTHER_PASSPHRASES[who];
    await ok(core, 'users.add', { fullName: STAFF[who].fullName, role, passphrase, passphraseConfirm: passphrase });
  }
  const open = core.session.current;
  if (!open) throw new Error('The new data folder is not open.');
  const people = await ok(core, 'users.list', {});
  const deputy = people.find((person) => person.role === 'deputy');
  if (!deputy) throw new Error('The deputy was not added.');
  progress('set up; writing records');
  const summary = await writeSeed(
    open.db,
    { dsl: open.user.id, deputy: deputy.id, settingName: SEED_SETTING, procedureId: SEED_PROCEDURE },
    { years: options.years, scale: options.scale, now, seed: options.seed },
    progress,
  );
  clock = new Date(now);
  await core.shutdown();
  return { ...summary, seconds: (performance.now() - started) / 1000, bytes: folderBytes(options.out) };
}
