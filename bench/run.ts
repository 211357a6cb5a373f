import { benchDeadlines } from './deadlines';
import { benchRecords } from './records';
import { benchDocuments } from './documents';
import { benchTermlyAudit } from './termly-audit';
import { benchBackups } from './backups';
import { benchKeys } from './keys';

// Every benchmark, in turn: `node --import tsx bench/run.ts`. Add new ones to the list.
const benches: (() => Promise<void>)[] = [benchDeadlines, benchRecords, benchDocuments, benchBackups, benchTermlyAudit, benchKeys];

for (const bench of benches) await bench();
