import { createHash } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { buildSeed, DEFAULT_NOW } from '../../scripts/seed/build';

// The benchmarks' data set: `npm run seed`'s, built once into node_modules/.cache/escalation-log-bench
// in a folder named by a hash of everything that decides what it holds (the generator, the
// migrations, the audit log's chain, the procedures and referral rules it follows), so a change to
// any of them builds it again and nothing else does. Each bench run works on a copy (unlocking,
// locking and the write benchmarks add records), and the plaintext copy for the encrypted / plain
// comparison is kept beside it once made.

const ROOT = resolve('node_modules/.cache/escalation-log-bench');

const FOLDERS_THAT_DECIDE = ['scripts/seed', 'db/migrations', 'shared/procedures', 'shared/referrals'];
const FILES_THAT_DECIDE = ['db/queries/bulk.ts', 'db/queries/audit-log.ts', 'db/schema.ts'];

const seedInfo = z.object({
  years: z.number(),
  scale: z.number(),
  now: z.string(),
  seconds: z.number(),
  bytes: z.number(),
  counts: z.record(z.string(), z.number()),
  longHistoryChildId: z.string(),
  chronologyChildId: z.string(),
  openEscalationId: z.string(),
});
export type SeedInfo = z.infer<typeof seedInfo>;

function generatorHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...FOLDERS_THAT_DECIDE.flatMap((folder) =>
      readdirSync(resolve(folder))
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join(folder, name)),
    ),
    ...FILES_THAT_DECIDE,
  ].sort();
  for (const file of files) hash.update(file).update(readFileSync(resolve(file)));
  return hash.digest('hex').slice(0, 16);
}

export interface ScaleDataset {
  folder: string;
  info: SeedInfo;
  /** Built by this run (how long it took is then in info.seconds). */
  built: boolean;
  plainPath: string;
}

export async function scaleDataset(options: { years: number; scale: number }, progress: (message: string) => void): Promise<ScaleDataset> {
  const suffix = `y${options.years}-s${options.scale}`;
  const folder = join(ROOT, `seed-${generatorHash()}-${suffix}`);
  const infoPath = join(folder, 'seed.json');
  let built = false;
  if (!existsSync(infoPath)) {
    mkdirSync(ROOT, { recursive: true });
    // Older builds of the same size: a data set at scale 100 is over a gigabyte, so only one is kept.
    for (const name of readdirSync(ROOT))
      if (name.startsWith('seed-') && name.endsWith(suffix)) rmSync(join(ROOT, name), { recursive: true, force: true });
    const building = `${folder}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    progress(`building the data set (${options.years} years at ${options.scale}× a large school) into ${folder} …`);
    const seed = await buildSeed(
      { out: join(building, 'data'), years: options.years, scale: options.scale, now: DEFAULT_NOW, seed: 12 },
      (message) => progress(`  ${message}`),
    );
    const info: SeedInfo = {
      years: options.years,
      scale: options.scale,
      now: DEFAULT_NOW,
      seconds: seed.seconds,
      bytes: seed.bytes,
      counts: seed.counts,
      longHistoryChildId: seed.longHistoryChildId,
      chronologyChildId: seed.chronologyChildId,
      openEscalationId: seed.openEscalationId,
    };
    writeFileSync(join(building, 'seed.json'), JSON.stringify(info, null, 2));
    renameSync(building, folder);
    built = true;
  }
  return { folder, info: seedInfo.parse(JSON.parse(readFileSync(infoPath, 'utf8'))), built, plainPath: join(folder, 'plain.db') };
}

/** A working copy of the data folder (copy-on-write where the disk allows it). */
export function workingCopy(dataset: ScaleDataset): string {
  const work = mkdtempSync(join(tmpdir(), 'escalation-log-bench-work-'));
  const data = join(dataset.folder, 'data');
  for (const name of readdirSync(data)) copyFileSync(join(data, name), join(work, name), constants.COPYFILE_FICLONE);
  return work;
}
