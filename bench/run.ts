import { benchDeadlines } from './deadlines';
import { benchRecords } from './records';

// Every benchmark, in turn: `node --import tsx bench/run.ts`. Add new ones to the list.
const benches: (() => Promise<void>)[] = [benchDeadlines, benchRecords];

for (const bench of benches) await bench();
