import { parseArgs } from 'node:util';
import { benchScale } from './scale/bench-scale';
import { benchDeadlines } from './deadlines';
import { benchRecords } from './records';
import { benchDocuments } from './documents';
import { benchBackups } from './backups';
import { benchKeys } from './keys';

// `npm run bench`: first the main table (bench/scale: the app at 100× a large school's ten years,
// from the seed data set, built once and cached; written to bench-results.json), then the narrower
// benchmarks that print their own lines. `npm run bench -- --scale 1` runs the table at a large
// school's real volume; `--table-only` skips the rest. Add new benchmarks to the list.

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100' },
    years: { type: 'string', default: '10' },
    'table-only': { type: 'boolean', default: false },
  },
});

await benchScale({ scale: Number(values.scale), years: Number(values.years) });

const benches: (() => Promise<void>)[] = [benchDeadlines, benchRecords, benchDocuments, benchBackups, benchKeys];
if (!values['table-only']) for (const bench of benches) await bench();
