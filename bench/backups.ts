import { randomBytes, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childInput, makeCore, ok, PASSPHRASE, setUpCore, tempDataDir } from '../scripts/fixtures/core';
import { integrityCheck, quickCheck } from '../db/queries/integrity';

// What the protections of the records cost on a large file: a setting with 3,000 children and
// 100 MB of stored documents (PDFs are kept in the file). The check at every unlock (quick_check),
// the full check before every backup (integrity_check), a backup, checking a set for restore, and
// a write with its checkpoint. Printed, never asserted. BENCH_DOCUMENT_MB changes the size.

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function time<T>(task: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await task();
  return [value, performance.now() - start];
}

export async function benchBackups(): Promise<void> {
  const documentMb = Number(process.env.BENCH_DOCUMENT_MB ?? 100);
  const { core, dataDir } = await setUpCore();
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  const open = core.session.current;
  if (!open) throw new Error('not open');
  const writes: number[] = [];
  for (let i = 0; i < 3000; i += 1) {
    const [, ms] = await time(() => ok(core, 'children.create', { ...childInput, firstName: `Child${i}`, lastName: `Surname${i}` }));
    writes.push(ms);
  }
  // Stored documents, written straight into the table (their content is what makes a file large).
  const insert = open.sqlite.prepare(
    'INSERT INTO documents (id, child_id, entity_type, entity_id, kind, title, file_name, sha256, content, created_by, created_at) VALUES (?, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?)',
  );
  const perDocument = 100 * 1024;
  open.sqlite.transaction(() => {
    for (let i = 0; i < (documentMb * 1024 * 1024) / perDocument; i += 1) {
      insert.run(
        randomUUID(),
        'bench',
        'Bench document',
        'bench.pdf',
        '0'.repeat(64),
        randomBytes(perDocument),
        open.user.id,
        '2026-11-23T09:00:00Z',
      );
    }
  })();
  open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(join(dataDir, 'escalation-log.db')).size;
  writes.sort((a, b) => a - b);

  const [, quick] = await time(() => quickCheck(open.sqlite));
  const [, full] = await time(() => integrityCheck(open.sqlite));
  const folder = tempDataDir('bench-backups');
  await ok(core, 'backups.updateSettings', { folder, keep: 2, automatic: false });
  const [made, backup] = await time(() => ok(core, 'backups.run', {}));
  await ok(core, 'session.lock', {});
  const fresh = makeCore(dataDir);
  const [, unlock] = await time(() => ok(fresh, 'session.unlock', { passphrase: PASSPHRASE }));
  const [, check] = await time(() => ok(fresh, 'backups.openSet', { folder, setName: made.setName, passphrase: PASSPHRASE }));
  await ok(fresh, 'backups.cancelRestore', {});
  await ok(fresh, 'session.lock', {});

  console.log(`\nRecords that last: a file of ${(size / 1_048_576).toFixed(0)} MB (3,000 children, ${documentMb} MB of stored documents)`);
  console.log(`  a write (add a child), with the checkpoint before it is acknowledged: median ${writes[1500]?.toFixed(1)} ms`);
  console.log(`  PRAGMA quick_check (every unlock): ${seconds(quick)}`);
  console.log(`  unlock, quick_check included (test key-derivation cost): ${seconds(unlock)}`);
  console.log(`  PRAGMA integrity_check (before every backup): ${seconds(full)}`);
  console.log(`  a backup (integrity_check, copy, read-back check, hashes): ${seconds(backup)}, ${(made.bytes / 1_048_576).toFixed(0)} MB`);
  console.log(`  checking a set for restore (hashes, integrity_check, audit chain): ${seconds(check)}`);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) await benchBackups();
