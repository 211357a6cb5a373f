import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, childInput, makeCore, ok, PASSPHRASE, tempDataDir } from '../../../scripts/fixtures/core';
import { DatabaseKeyError, openEncryptedDatabase, openEncryptedReadOnly } from '../../../db/connection';
import { setJournalMode } from '../../../db/queries/integrity';
import { getKeyState } from '../../../db/queries/key-state';
import { ROTATION_STEPS, rotateDataKey, type RotationStep } from '../../../db/rotation';
import { dataPaths, loadKeySlots, unlockWithPassphrase, unlockWithRecoveryKey } from '../../../db/vault';
import { openOf } from '../support/open-file';
import { DEPUTY_PASSPHRASE, folderWithPeople } from './support';

// Replacing the records' key (rotation): on removing a person, on replacing the recovery key, and
// on demand. Afterwards a copy of the key file from before opens nothing recorded since; backups
// keep the keys of their time; and a rotation interrupted at any of its steps leaves records that
// open with the old key or the new one.

const keyFile = (dir: string) => join(dir, 'escalation-log.keys.json');

/** Does this key file (with this passphrase) open the records file as it is now? */
async function opensRecords(dataDir: string, keyFileText: Buffer, passphrase: string): Promise<'opens' | 'no-slot' | 'key-does-not-open'> {
  const scratch = tempDataDir('old-key-file');
  writeFileSync(keyFile(scratch), keyFileText);
  const opened = await unlockWithPassphrase(dataPaths(scratch), passphrase);
  if (!opened) return 'no-slot';
  try {
    openEncryptedReadOnly(join(dataDir, 'escalation-log.db'), opened.dataKey).close();
    return 'opens';
  } catch (error) {
    if (error instanceof DatabaseKeyError) return 'key-does-not-open';
    throw error;
  }
}

describe('removing a person replaces the key', () => {
  it('so their kept copy of the key file opens nothing recorded after (and their slot is gone)', async () => {
    const { dataDir, deputyId } = await folderWithPeople();
    // The deputy keeps a copy of the key file (or a backup, or a temp file, has one).
    const kept = readFileSync(keyFile(dataDir));
    expect(await opensRecords(dataDir, kept, DEPUTY_PASSPHRASE)).toBe('opens');

    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const before = (await getKeyState(openOf(core).db)).generation;
    await ok(core, 'users.remove', { id: deputyId });
    expect((await getKeyState(openOf(core).db)).generation).toBe(before + 1);
    await ok(core, 'children.create', { ...childInput, firstName: 'Recordedafter' });
    await ok(core, 'session.lock', {});

    // Her old copy unwraps the old key, which no longer opens the records...
    expect(await opensRecords(dataDir, kept, DEPUTY_PASSPHRASE)).toBe('key-does-not-open');
    // ...the key file now has no slot of hers...
    expect(await opensRecords(dataDir, readFileSync(keyFile(dataDir)), DEPUTY_PASSPHRASE)).toBe('no-slot');
    // ...and put back in place, the app does not open the records for her either.
    writeFileSync(keyFile(dataDir), kept);
    const attempt = await call(makeCore(dataDir), 'session.unlock', { passphrase: DEPUTY_PASSPHRASE });
    expect(attempt.ok).toBe(false);
    // Everyone else keeps access, with the key of the new generation.
    const fresh = dataPaths(dataDir);
    writeFileSync(keyFile(dataDir), readFileSync(fresh.previousKeySlots));
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
  });
});

describe('replacing the recovery key replaces the key', () => {
  it('so the old sheet, with a key file of its time, opens nothing recorded after', async () => {
    const { dataDir, recovery } = await folderWithPeople();
    const kept = readFileSync(keyFile(dataDir));
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'session.replaceRecoveryKey', {});
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'New envelope in the safe' });
    expect((await getKeyState(openOf(core).db)).generation).toBe(2);
    await ok(core, 'session.lock', {});

    const scratch = tempDataDir('old-sheet');
    writeFileSync(keyFile(scratch), kept);
    const opened = await unlockWithRecoveryKey(dataPaths(scratch), recovery.recoveryKey);
    if (!opened || opened === 'malformed') throw new Error('the old sheet should open its own key file');
    expect(() => openEncryptedReadOnly(join(dataDir, 'escalation-log.db'), opened.dataKey)).toThrow(DatabaseKeyError);
    // And the old sheet opens no slot of the key file in use.
    expect(await unlockWithRecoveryKey(dataPaths(dataDir), recovery.recoveryKey)).toBeNull();
  });
});

describe('replacing the key on demand ("I think a copy of the file was taken")', () => {
  it('moves to the next generation; a copy taken before opens nothing new; a backup from before still restores with the keys of its time', async () => {
    const { dataDir } = await folderWithPeople();
    const backups = tempDataDir('rotation-backups');
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'backups.updateSettings', { folder: backups, keep: 5, automatic: false });
    const set = await ok(core, 'backups.run', {});
    const taken = readFileSync(keyFile(dataDir));
    const rotated = await ok(core, 'security.rotateKey', { confirmed: true, why: 'copy-taken' });
    expect(rotated.generation).toBe(2);
    expect(await ok(core, 'security.status', {})).toMatchObject({ keyGeneration: 2 });
    // The session goes on under the new key.
    await ok(core, 'children.create', { ...childInput, firstName: 'Afterrotation' });
    const page = await ok(core, 'auditLog.list', {});
    expect(
      page.entries.some((entry) => entry.action === 'keys.rotated' && /a copy of the records may have been taken/.test(entry.summary)),
    ).toBe(true);
    await ok(core, 'session.lock', {});
    expect(await opensRecords(dataDir, taken, PASSPHRASE)).toBe('key-does-not-open');
    // The key file and the records file agree on the generation.
    expect(loadKeySlots(dataPaths(dataDir)).file.generation).toBe(2);

    // The backup made before keeps its own key file, of its time: it opens and restores.
    const fresh = makeCore(dataDir);
    const preview = await ok(fresh, 'backups.openSet', { folder: backups, setName: set.setName, passphrase: PASSPHRASE });
    expect(preview).toMatchObject({ setName: set.setName });
    await ok(fresh, 'backups.restore', { confirmed: true });
    const restored = await ok(fresh, 'session.unlock', { passphrase: PASSPHRASE });
    expect(restored).toMatchObject({ state: 'unlocked' });
    expect((await getKeyState(openOf(fresh).db)).generation).toBe(1);
  });
});

/** A copy of every file in the folder, as a crash at this moment would leave it. */
function snapshot(dir: string, into: string): void {
  mkdirSync(into, { recursive: true });
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) copyFileSync(path, join(into, name));
  }
}

describe('a rotation stopped at any of its steps', () => {
  it('leaves records that open with the old generation before the commit point and the new one after, never neither', async () => {
    const { dataDir } = await folderWithPeople();
    const paths = dataPaths(dataDir);
    const keys = loadKeySlots(paths).file;
    const opened = await unlockWithPassphrase(paths, PASSPHRASE);
    if (!opened) throw new Error('no slot');
    const live = openEncryptedDatabase(paths.database, opened.dataKey, { create: false });
    const snapshots = tempDataDir('rotation-steps');
    const seen: RotationStep[] = [];
    await rotateDataKey({
      paths,
      live,
      oldKey: opened.dataKey,
      keys,
      removeUsers: [],
      now: '2026-11-23T09:00:00.000+00:00',
      closeLive: () => {
        setJournalMode(live, 'delete');
        live.close();
        return Promise.resolve();
      },
      inCopy: () => Promise.resolve(),
      onStep: (step) => {
        seen.push(step);
        snapshot(dataDir, join(snapshots, step));
      },
    });
    expect(seen).toEqual([...ROTATION_STEPS]);
    for (const step of ROTATION_STEPS) {
      const dir = join(snapshots, step);
      const core = makeCore(dir);
      const status = await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
      expect(JSON.stringify(status), step).not.toMatch(/changed outside Escalation Log/);
      const generation = (await getKeyState(openOf(core).db)).generation;
      const afterCommit = ROTATION_STEPS.indexOf(step) >= ROTATION_STEPS.indexOf('committed');
      expect(generation, step).toBe(afterCommit ? 2 : 1);
      // Settled: the key file agrees, and nothing of the rotation is left.
      expect(loadKeySlots(dataPaths(dir)).file.generation, step).toBe(generation);
      expect(
        readdirSync(dir).filter((name) => /rotating|keys\.next/.test(name)),
        step,
      ).toEqual([]);
      await ok(core, 'session.lock', {});
    }
  });

  it('a rotation owed but interrupted before it was made is made at the next unlock, by anyone', async () => {
    const { dataDir, readerId } = await folderWithPeople();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    // As if the app died between recording the removal and replacing the key.
    const { db } = openOf(core);
    const { owe } = await import('../../../electron/core/session/key-changes');
    const { disableUser } = await import('../../../db/queries/users');
    await db.transaction().execute(async (trx) => {
      await disableUser(trx, readerId, '2026-11-23T09:00:00.000+00:00');
      await owe(trx, "Grace Holloway's access was removed");
    });
    await ok(core, 'session.lock', {});
    const deputy = makeCore(dataDir);
    const status = await ok(deputy, 'session.unlock', { passphrase: DEPUTY_PASSPHRASE });
    expect(status).toMatchObject({
      warnings: expect.arrayContaining([expect.stringMatching(/finishing a replacement that had been interrupted/)]),
    });
    const state = await getKeyState(openOf(deputy).db);
    expect(state).toMatchObject({ generation: 2, rotationDue: null });
    // The removed person's slot went with it.
    expect(loadKeySlots(dataPaths(dataDir)).file.slots.some((slot) => slot.userId === readerId)).toBe(false);
  });
});
