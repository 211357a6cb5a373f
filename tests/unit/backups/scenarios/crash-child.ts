// One life of the app, to be killed at a random moment by crash.test.ts: unlocks the data folder
// and then writes, backs up, or restores until SIGKILL. Says READY when it starts working, and
// ACK <name> after each acknowledged write (the answer came back), so the test knows exactly which
// writes must survive. Bundled with esbuild before the run so each life starts quickly.
import { childInput } from '../../../../scripts/fixtures/core';
import { oneLife } from '../../support/one-life';

const { orders, must } = oneLife<{
  dataDir: string;
  fontsDir: string;
  mode: 'write' | 'backup' | 'restore';
  prefix: string;
  passphrase: string;
  backupFolder: string;
  restoreSet?: string;
}>();

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
  const made = await must('children.create', { ...childInput, firstName: name });
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
