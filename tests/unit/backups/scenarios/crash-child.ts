// One life of the app, to be killed at a random moment by crash.test.ts: unlocks the data folder
// and then writes, backs up, or restores until SIGKILL. Says READY when it starts working, and
// ACK <name> after each acknowledged write (the answer came back), so the test knows exactly which
// writes must survive. Bundled with esbuild before the run so each life starts quickly.
import { Dispatcher } from '../../../../electron/core/dispatcher';
import type { ApiInput, ApiMethod } from '../../../../shared/api';

interface Orders {
  dataDir: string;
  fontsDir: string;
  mode: 'write' | 'backup' | 'restore';
  prefix: string;
  passphrase: string;
  backupFolder: string;
  restoreSet?: string;
}

const orders = JSON.parse(process.argv[2] ?? '{}') as Orders;
const core = new Dispatcher({ dataDir: orders.dataDir, fontsDir: orders.fontsDir, kdfCost: { N: 2 ** 12, r: 8, p: 1 } });

async function must<M extends ApiMethod>(method: M, input: ApiInput<M>) {
  const result = await core.callMethod(method, input);
  if (!result.ok) {
    process.stdout.write(`FAILED ${method} ${result.error.code} ${result.error.message}\n`);
    process.exit(2);
  }
  return result.value;
}

const child = (firstName: string) =>
  ({
    firstName,
    lastName: 'Quillfeather',
    dateOfBirth: '2017-03-14',
    classOrYear: 'Year 4',
    levelOfNeed: 4,
    planStatus: 'child-protection',
    socialWorkerName: 'Daniel Okafor',
    socialWorkerContact: '0151 233 3700',
  }) as const;

await must('session.unlock', { passphrase: orders.passphrase });
process.stdout.write('READY\n');
if (orders.mode === 'restore') {
  await must('backups.openSet', { folder: orders.backupFolder, setName: orders.restoreSet ?? '', passphrase: orders.passphrase });
  process.stdout.write('OPENED\n');
  await must('backups.restore', { confirmed: true });
  process.stdout.write('RESTORED\n');
  setInterval(() => undefined, 60_000);
  await new Promise(() => undefined);
}
for (let i = 0; ; i += 1) {
  const name = `${orders.prefix}${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${i}`;
  const made = await must('children.create', child(name));
  process.stdout.write(`ACK ${name}\n`);
  if (i % 3 === 0) {
    await must('children.amend', { id: made.id, changes: { classOrYear: 'Year 5' }, reason: 'Moved up a year' });
    process.stdout.write(`ACK-AMEND ${name}\n`);
  }
  if (orders.mode === 'backup' && i % 2 === 1) {
    const set = await must('backups.run', {});
    process.stdout.write(`BACKUP ${set.setName}\n`);
  }
}
