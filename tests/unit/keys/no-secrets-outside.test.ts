import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { childInput, makeCore, ok, PASSPHRASE, tempDataDir } from '../../../scripts/fixtures/core';
import { normaliseRecoveryKey } from '../../../db/recovery-key';
import { openEncryptedDatabase } from '../../../db/connection';
import { setJournalMode } from '../../../db/queries/integrity';
import { rotateDataKey } from '../../../db/rotation';
import { dataPaths, loadKeySlots, unlockWithPassphrase } from '../../../db/vault';
import { folderWithPeople } from './support';

// What this part adds to the files outside the encrypted records file — the key file (version 3:
// key pairs, the seal key sealed in a DSL's slot, the audit log's end, the calibrated cost), the
// next generation's key file and the re-encrypted copy a rotation leaves for a moment, backup sets
// made after a rotation — holds no recovery key and no child's name, nor any staff name (the seal
// over who has access lives inside the encrypted file). Every file is read whole, as bytes.

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found;
}

function secretsIn(files: string[], secrets: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const texts = [bytes.toString('latin1'), bytes.toString('utf16le')];
    for (const secret of secrets) {
      if (texts.some((text) => text.toLowerCase().includes(secret.toLowerCase()))) hits.push(`${secret} in ${file}`);
    }
  }
  return hits;
}

describe('no recovery key and no name outside the encrypted file', () => {
  it('in the data folder and backup sets after people are added and removed, keys replaced, the audit log read and exported', async () => {
    const { dataDir, recovery, deputyId } = await folderWithPeople();
    const backups = tempDataDir('no-secrets-backups');
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'backups.updateSettings', { folder: backups, keep: 5, automatic: false });
    await ok(core, 'users.remove', { id: deputyId });
    await ok(core, 'security.rotateKey', { confirmed: true, why: 'copy-taken' });
    await ok(core, 'session.replaceRecoveryKey', {}).then((fresh) =>
      ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' }).then(() => fresh),
    );
    await ok(core, 'auditLog.list', {});
    await ok(core, 'auditLog.document', {});
    await ok(core, 'security.check', {});
    await ok(core, 'backups.run', {});
    await ok(core, 'session.lock', {});

    const secrets = [
      childInput.firstName,
      childInput.lastName,
      'Priya Raman',
      'Tom Brennan',
      'Grace Holloway',
      recovery.recoveryKey,
      normaliseRecoveryKey(recovery.recoveryKey) ?? 'x',
    ];
    expect(secretsIn([...filesUnder(dataDir), ...filesUnder(backups)], secrets)).toEqual([]);
  });

  it('in the files a rotation leaves at each of its steps (the next key file, the re-encrypted copy)', async () => {
    const { dataDir, recovery } = await folderWithPeople();
    const paths = dataPaths(dataDir);
    const opened = await unlockWithPassphrase(paths, PASSPHRASE);
    if (!opened) throw new Error('no slot');
    const live = openEncryptedDatabase(paths.database, opened.dataKey, { create: false });
    const snapshots = tempDataDir('no-secrets-steps');
    await rotateDataKey({
      paths,
      live,
      oldKey: opened.dataKey,
      keys: loadKeySlots(paths).file,
      removeUsers: [],
      now: '2026-11-23T09:00:00.000+00:00',
      closeLive: () => {
        setJournalMode(live, 'delete');
        live.close();
        return Promise.resolve();
      },
      inCopy: () => Promise.resolve(),
      onStep: (step) => {
        const into = join(snapshots, step);
        mkdirSync(into, { recursive: true });
        for (const name of readdirSync(dataDir)) {
          if (statSync(join(dataDir, name)).isFile()) copyFileSync(join(dataDir, name), join(into, name));
        }
      },
    });
    const files = filesUnder(snapshots);
    expect(files.some((file) => file.endsWith('escalation-log.keys.next.json'))).toBe(true);
    expect(files.some((file) => file.endsWith('escalation-log.db.rotating'))).toBe(true);
    expect(secretsIn(files, [childInput.firstName, childInput.lastName, 'Priya Raman', recovery.recoveryKey])).toEqual([]);
  });
});
