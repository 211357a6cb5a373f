// One life of the app for rotation-crash.test.ts: unlocks, then replaces the records' key over and
// over (on demand, and by adding and removing a person) until it is killed with SIGKILL. Says READY
// when it starts, GEN <n> after each acknowledged rotation (the answer came back), and ADDED /
// REMOVED <passphrase> for people, so the test knows which key generation and which passphrases must
// hold. Bundled with esbuild before the run so each life starts quickly.
import { oneLife } from '../../support/one-life';

const { orders, must } = oneLife<{ dataDir: string; fontsDir: string; passphrase: string; prefix: string }>();

await must('session.unlock', { passphrase: orders.passphrase });
process.stdout.write('READY\n');
for (let i = 0; ; i += 1) {
  if (i % 3 === 2) {
    // A person added, then removed: the removal replaces the key and drops their slot.
    const passphrase = `${orders.prefix} deputy ${i} walks the long river path`;
    const fullName = `Sam Deputy${orders.prefix}x${i}`;
    const people = await must('users.add', { fullName, role: 'deputy', passphrase, passphraseConfirm: passphrase });
    process.stdout.write(`ADDED ${passphrase}\n`);
    const added = people.find((person) => person.fullName === fullName);
    if (!added) process.exit(3);
    await must('users.remove', { id: added.id });
    process.stdout.write(`REMOVED ${passphrase}\n`);
    const status = await must('security.status', {});
    process.stdout.write(`GEN ${status.keyGeneration}\n`);
  } else {
    const done = await must('security.rotateKey', { confirmed: true, why: 'copy-taken' });
    process.stdout.write(`GEN ${done.generation}\n`);
  }
}
