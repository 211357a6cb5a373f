import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildSeed, DEFAULT_NOW, SEED_OTHER_PASSPHRASES, SEED_PASSPHRASE } from './build';
import { STAFF } from './vocabulary';

// `npm run seed -- --years 10 --scale 100 --out <folder>`: a deterministic data set far larger than
// any school, in a new data folder that the app opens (`npm run web -- --data-dir <folder>`).
// --scale 1 is a large school's real volume (150 children, 300 referrals, 200 escalations in ten
// years); --now sets the data set's "now" (default 30/11/2026 noon); --seed another sequence.

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '10' },
    scale: { type: 'string', default: '1' },
    out: { type: 'string' },
    now: { type: 'string', default: DEFAULT_NOW },
    seed: { type: 'string', default: '12' },
  },
});

const years = Number(values.years);
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!values.out) throw new Error('Give the folder to write: --out <folder> (a new or empty folder).');
if (!(years >= 1 && years <= 25) || !(scale > 0 && scale <= 1000) || !Number.isInteger(seed)) {
  throw new Error('--years is 1 to 25, --scale is more than 0 and at most 1000, --seed an integer.');
}
const out = resolve(values.out);
console.log(`Writing ${years} years at ${scale}× a large school's volume into ${out} …`);
const built = await buildSeed({ out, years, scale, now: values.now, seed }, (message) => console.log(`  ${message}`));
console.log(`Done in ${built.seconds.toFixed(1)} s: ${(built.bytes / 1_048_576).toFixed(0)} MB in the folder.`);
for (const [what, count] of Object.entries(built.counts)) console.log(`  ${what}: ${count.toLocaleString('en-GB')}`);
console.log(`\nOpen it: npm run web -- --data-dir "${out}"`);
console.log(`  ${STAFF.dsl.fullName} (DSL): ${SEED_PASSPHRASE}`);
console.log(`  ${STAFF.deputy.fullName} (deputy): ${SEED_OTHER_PASSPHRASES.deputy}`);
console.log(`  ${STAFF.head.fullName} (read-only): ${SEED_OTHER_PASSPHRASES.head}`);
console.log('These passphrases are for this made-up data set only. Never use them for real records.');
