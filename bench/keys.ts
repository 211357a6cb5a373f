import { randomBytes, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Dispatcher } from '../electron/core/dispatcher';
import { childInput, FONTS_DIR, makeCore, ok, PASSPHRASE, setUpCore, setupInput, tempDataDir } from '../scripts/fixtures/core';
import { calibrateKdf } from '../db/keyslots';
import { appendAudit } from '../db/queries/audit-log';

// What the key and audit protections of issue 10 cost (`npm run bench`, or `node --import tsx bench/keys.ts`):
// - the scrypt cost set-up calibrates here, and an unlock at that cost (the app's own, not the tests'
//   cheap one), with one person and with the last of four;
// - on a large file (3,000 children, BENCH_DOCUMENT_MB of stored documents, BENCH_AUDIT_ROWS more audit
//   entries): the checks made at every unlock (the audit chain entry by entry, the key file's end, the
//   triggers, every document against the chain) and replacing the key (copy, re-encryption, swap).
// Printed, never asserted.

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function time<T>(task: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await task();
  return [value, performance.now() - start];
}

async function calibratedUnlock(): Promise<void> {
  const { cost, estimatedMs } = await calibrateKdf();
  const dataDir = tempDataDir('bench-kdf');
  const app = () => new Dispatcher({ dataDir, fontsDir: FONTS_DIR });
  const [, setupMs] = await time(() => ok(app(), 'session.setup', setupInput));
  const first = app();
  const [, one] = await time(() => ok(first, 'session.unlock', { passphrase: PASSPHRASE }));
  for (const [i, name] of ['Tom Brennan', 'Grace Holloway', 'Sam Okafor'].entries()) {
    const passphrase = `bench person ${i} walks the long river path`;
    await ok(first, 'users.add', { fullName: name, role: 'deputy', passphrase, passphraseConfirm: passphrase });
  }
  await ok(first, 'session.lock', {});
  const [, last] = await time(() => ok(app(), 'session.unlock', { passphrase: 'bench person 2 walks the long river path' }));
  console.log(
    `\nKeys: scrypt calibrated here to N = 2^${Math.log2(cost.N)}, r = ${cost.r}, p = ${cost.p} (estimated ${estimatedMs} ms a derivation)`,
  );
  console.log(`  set-up, calibration included: ${seconds(setupMs)}`);
  console.log(`  unlock with one person: ${seconds(one)}; the last of four people (two derivations at a time): ${seconds(last)}`);
}

async function largeFile(): Promise<void> {
  const documentMb = Number(process.env.BENCH_DOCUMENT_MB ?? 100);
  const auditRows = Number(process.env.BENCH_AUDIT_ROWS ?? 100_000);
  const { core, dataDir } = await setUpCore();
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  const open = core.session.current;
  if (!open) throw new Error('not open');
  for (let i = 0; i < 3000; i += 1) await ok(core, 'children.create', { ...childInput, firstName: `Child${i}`, lastName: `Surname${i}` });
  const insert = open.sqlite.prepare(
    'INSERT INTO documents (id, child_id, entity_type, entity_id, kind, title, file_name, sha256, content, created_by, created_at) VALUES (?, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?)',
  );
  const perDocument = 100 * 1024;
  const documents = Math.round((documentMb * 1024 * 1024) / perDocument);
  await open.db.transaction().execute(async (trx) => {
    for (let i = 0; i < documents; i += 1) {
      const id = randomUUID();
      const content = randomBytes(perDocument);
      const sha256 = (await import('node:crypto')).createHash('sha256').update(content).digest('hex');
      insert.run(id, 'bench', 'Bench document', 'bench.pdf', sha256, content, open.user.id, '2026-11-23T09:00:00Z');
      await appendAudit(trx, {
        at: '2026-11-23T09:00:00Z',
        actorId: open.user.id,
        action: 'document.made',
        entityType: 'document',
        entityId: id,
        summary: 'Made: Bench document',
        digest: sha256,
      });
    }
    for (let i = 0; i < auditRows; i += 1) {
      await appendAudit(trx, {
        at: '2026-11-23T09:00:00Z',
        actorId: open.user.id,
        action: 'child.viewed',
        entityType: 'child',
        entityId: randomUUID(),
        summary: 'Opened a child’s record',
      });
    }
  });
  open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await ok(core, 'session.lock', {});
  const size = statSync(join(dataDir, 'escalation-log.db')).size;

  const fresh = makeCore(dataDir);
  const [, unlockMs] = await time(() => ok(fresh, 'session.unlock', { passphrase: PASSPHRASE }));
  const report = fresh.session.lastIntegrity;
  const [rotated, rotateMs] = await time(() => ok(fresh, 'security.rotateKey', { confirmed: true, why: 'routine' }));
  const [, checkMs] = await time(() => ok(fresh, 'security.check', {}));
  await ok(fresh, 'session.lock', {});
  console.log(
    `\nKeys and audit on a file of ${(size / 1_048_576).toFixed(0)} MB (3,000 children, ${documents} stored documents, ${report?.rows ?? '?'} audit entries)`,
  );
  console.log(`  unlock (test key-derivation cost; quick_check and the checks included): ${seconds(unlockMs)}`);
  console.log(`  the checks at unlock (chain, key file's end, triggers, documents against the chain): ${seconds(report?.ms ?? 0)}`);
  console.log(`  Check now (the same, with every stored document's bytes): ${seconds(checkMs)}`);
  console.log(`  replacing the key (copy, re-encryption, check, swap): ${seconds(rotateMs)} (the core's own figure ${rotated.seconds} s)`);
}

export async function benchKeys(): Promise<void> {
  await calibratedUnlock();
  await largeFile();
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await benchKeys();
