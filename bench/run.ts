import { benchDeadlines } from './deadlines';

// Every benchmark, in turn: `node --import tsx bench/run.ts`. Add new ones to the list.
const benches: (() => Promise<void>)[] = [benchDeadlines];

for (const bench of benches) await bench();
