import { benchDeadlines } from './deadlines';
import { benchRecords } from './records';
import { benchDocuments } from './documents';

// Every benchmark, in turn: `node --import tsx bench/run.ts`. Add new ones to the list.
const benches: (() => Promise<void>)[] = [benchDeadlines, benchRecords, benchDocuments];

for (const bench of benches) await bench();
