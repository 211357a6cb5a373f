// Run by disk-full-and-read-only.test.ts inside its own user and mount namespaces (unshare -rm),
// where it can mount a small tmpfs and remount it read-only: a real full disk and a real read-only
// folder, felt by this process exactly as the app would feel them (root cannot write to either).
// Prints one line of JSON with what happened.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKysely, openEncryptedDatabase } from '../../../../db/connection';
import { verifyAuditChain } from '../../../../db/queries/audit-log';
import { call, childInput, makeCore, ok, PASSPHRASE, setUpCore, setupInput } from '../../../../scripts/fixtures/core';
import { openOf } from '../../support/open-file';

const [mountArg, scenario] = process.argv.slice(2);
if (!mountArg || !scenario) throw new Error('usage: disk.ts <mount point> <full|read-only>');
const mountPoint: string = mountArg;
const results: Record<string, unknown> = {};

function fillDisk(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const chunk = Buffer.alloc(64 * 1024, 1);
  let written = 0;
  try {
    for (;;) {
      writeFileSync(filler, chunk, { flag: 'a' });
      written += chunk.length;
    }
  } catch {
    // ENOSPC: full.
  }
  // The last few bytes too.
  try {
    for (;;) writeFileSync(filler, Buffer.alloc(512, 1), { flag: 'a' });
  } catch {
    // Full to the last block.
  }
  results.fillerBytes = written;
  return filler;
}

async function checkFile(dataDir: string, dataKey: Buffer): Promise<{ integrity: unknown; chain: unknown; children: number }> {
  const sqlite = openEncryptedDatabase(join(dataDir, 'escalation-log.db'), dataKey, { create: false });
  const db = createKysely(sqlite);
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  const chain = await verifyAuditChain(db);
  const children = (sqlite.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n;
  await db.destroy();
  return { integrity, chain, children };
}

async function full(): Promise<void> {
  const dataDir = join(mountPoint, 'data');
  const { core } = await setUpCore(dataDir);
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  let acknowledged = 0;
  for (let i = 0; i < 5; i += 1) {
    await ok(core, 'children.create', { ...childInput, firstName: `Before${'abcde'[i]}` });
    acknowledged += 1;
  }
  const key = Buffer.from(openOf(core).dataKey);
  const keyInSession = openOf(core).dataKey;
  const filler = fillDisk(mountPoint);
  // Writes on a full disk: named, nothing saved.
  // The -wal file may still have room: write until the disk refuses, then twice more.
  const failures = [];
  for (let i = 0; i < 400 && failures.length < 3; i += 1) {
    const result = await call(core, 'children.create', {
      ...childInput,
      firstName: `During${'abcdefghij'[i % 10]}${i}`,
      socialWorkerContact: 'x'.repeat(100),
    });
    if (result.ok) acknowledged += 1;
    else failures.push(result.error);
  }
  results.writes = failures;
  // A passphrase change on a full disk: named too, and the key file is whole afterwards.
  const change = await call(core, 'session.changePassphrase', {
    currentPassphrase: PASSPHRASE,
    newPassphrase: 'a new passphrase on a full disk',
    newPassphraseConfirm: 'a new passphrase on a full disk',
  });
  results.passphraseChange = change.ok ? 'ok' : change.error;
  // Lock always locks.
  const locked = await call(core, 'session.lock', {});
  results.lock = locked;
  results.sessionOpenAfterLock = core.session.current !== null;
  results.keyZeroed = keyInSession.every((byte) => byte === 0);
  results.reads = await call(core, 'children.list', {});
  // Space freed: the file opens, whole, with every acknowledged write.
  rmSync(filler);
  const reopened = makeCore(dataDir);
  results.unlockAfter = await call(reopened, 'session.unlock', { passphrase: change.ok ? 'a new passphrase on a full disk' : PASSPHRASE });
  results.childrenAfter = reopened.session.current ? (await ok(reopened, 'children.list', {})).items.length : null;
  await ok(reopened, 'session.lock', {});
  results.acknowledged = acknowledged;
  results.file = await checkFile(dataDir, key);
  results.leftoverTemps = execFileSync('ls', ['-a', dataDir])
    .toString()
    .split('\n')
    .filter((name) => name.endsWith('.tmp'));
}

async function readOnly(): Promise<void> {
  // The folder made read-only: a read-only bind mount of it (a folder cannot be remounted
  // read-only while the file in it is open, so the app meets it read-only from the start, as it
  // would after a permissions change or on a write-protected USB stick).
  const writable = join(mountPoint, 'data');
  const { core } = await setUpCore(writable);
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  await ok(core, 'children.create', childInput);
  const key = Buffer.from(openOf(core).dataKey);
  await ok(core, 'session.lock', {});
  const readOnlyView = join(mountPoint, 'read-only-view');
  execFileSync('mkdir', ['-p', readOnlyView]);
  execFileSync('mount', ['--bind', writable, readOnlyView]);
  execFileSync('mount', ['-o', 'remount,bind,ro', readOnlyView]);
  const another = makeCore(readOnlyView);
  results.status = await call(another, 'session.status', {});
  results.unlock = await call(another, 'session.unlock', { passphrase: PASSPHRASE });
  results.sessionOpenAfterUnlock = another.session.current !== null;
  results.lock = await call(another, 'session.lock', {});
  const emptyView = join(mountPoint, 'empty-read-only');
  execFileSync('mkdir', ['-p', join(mountPoint, 'empty'), emptyView]);
  execFileSync('mount', ['--bind', join(mountPoint, 'empty'), emptyView]);
  execFileSync('mount', ['-o', 'remount,bind,ro', emptyView]);
  results.setup = await call(makeCore(emptyView), 'session.setup', setupInput);
  const afterwards = makeCore(writable);
  results.unlockAfter = await call(afterwards, 'session.unlock', { passphrase: PASSPHRASE });
  await ok(afterwards, 'session.lock', {});
  results.file = await checkFile(writable, key);
}

try {
  if (scenario === 'full') await full();
  else await readOnly();
} catch (error) {
  results.crashed = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
process.stdout.write(`\nRESULT ${JSON.stringify(results)}\n`);
