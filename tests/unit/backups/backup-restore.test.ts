import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, childInput, makeCore, ok, PASSPHRASE, setUpCore, tempDataDir, TestClock } from '../../../scripts/fixtures/core';
import { readManifest, serialiseManifest, sha256File } from '../../../db/backup-set';
import { openEncryptedDatabase } from '../../../db/connection';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import { openOf, present } from '../support/open-file';

// Backups and restore through the dispatcher, on real encrypted files.

const CANARY = 'Quintessa';

async function readyCore(clock = new TestClock()) {
  const { core, dataDir, recovery } = await setUpCore(tempDataDir(), clock);
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  const folder = tempDataDir('backups');
  await ok(core, 'backups.updateSettings', { folder, keep: 3, automatic: true });
  return { core, dataDir, folder, recovery, clock };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function childNames(core: Dispatcher): Promise<string[]> {
  return (await ok(core, 'children.list', {})).items.map((child) => child.firstName);
}

describe('a backup', () => {
  it('is a set of the encrypted file, both key files and a manifest; nothing readable in any of them', async () => {
    const { core, folder } = await readyCore();
    await ok(core, 'children.create', { ...childInput, firstName: CANARY });
    const made = await ok(core, 'backups.run', {});
    const set = join(folder, made.setName);
    expect(readdirSync(set).sort()).toEqual([
      'escalation-log.db',
      'escalation-log.keys.json',
      'escalation-log.keys.previous.json',
      'manifest.json',
    ]);
    for (const file of filesUnder(folder)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(CANARY, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(CANARY, 'utf16le')), file).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3')), file).toBe(false);
    }
    const manifest = readManifest(set);
    expect(manifest).toMatchObject({
      appVersion: '0.1.0',
      schemaVersion: expect.stringMatching(/^0\d{3}_/),
      reason: 'manual',
      keyGeneration: 1,
    });
    expect(manifest.rowCounts.children).toBe(1);
    expect(manifest.auditHead.seq).toBeGreaterThan(0);
    expect(manifest.files['escalation-log.db']?.sha256).toBe(sha256File(join(set, 'escalation-log.db')).sha256);
    const status = await ok(core, 'backups.status', {});
    expect(status).toMatchObject({ overdue: false, lastGood: { setName: made.setName, ok: true } });
  });

  it('refuses a folder that is missing, a file, or inside the data folder, with reasons', async () => {
    const { core, dataDir } = await readyCore();
    const missing = await call(core, 'backups.updateSettings', { folder: '/no/such/folder/anywhere', keep: 3, automatic: true });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['folder'], message: expect.stringMatching(/There is no folder/) }] },
    });
    const relative = await call(core, 'backups.updateSettings', { folder: 'backups', keep: 3, automatic: true });
    expect(relative).toMatchObject({ ok: false, error: { issues: [{ message: expect.stringMatching(/full path/) }] } });
    const inside = await call(core, 'backups.updateSettings', { folder: dataDir, keep: 3, automatic: true });
    expect(inside).toMatchObject({
      ok: false,
      error: { issues: [{ message: expect.stringMatching(/outside the one that holds the records/) }] },
    });
    const file = join(tempDataDir('a-file'), 'not-a-folder.txt');
    writeFileSync(file, 'x');
    expect(await call(core, 'backups.updateSettings', { folder: file, keep: 3, automatic: true })).toMatchObject({
      ok: false,
      error: { issues: [{ message: expect.stringMatching(/is a file, not a folder/) }] },
    });
  });

  it('keeps the chosen number of sets', async () => {
    const { core, folder, clock } = await readyCore();
    for (let i = 0; i < 5; i += 1) {
      await ok(core, 'children.create', { ...childInput, firstName: `Child${'abcde'[i]}` });
      await ok(core, 'backups.run', {});
      clock.advance(61);
    }
    expect((await ok(core, 'backups.listSets', { folder })).sets).toHaveLength(3);
  });

  it('is made automatically on lock when something changed, and not again when nothing did', async () => {
    const { core, folder } = await readyCore();
    await ok(core, 'children.create', childInput);
    await ok(core, 'session.lock', {});
    expect((await ok(core, 'backups.listSets', { folder })).sets).toHaveLength(1);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'session.lock', {});
    expect((await ok(core, 'backups.listSets', { folder })).sets).toHaveLength(1);
  });

  it('is made daily while unlocked, and the dashboard says when a backup is over a week old', async () => {
    const { core, folder, clock } = await readyCore();
    await ok(core, 'backups.run', {});
    clock.advance(25 * 3600);
    await ok(core, 'children.create', childInput);
    await core.lockIfIdle();
    expect((await ok(core, 'backups.listSets', { folder })).sets).toHaveLength(2);
    clock.advance(8 * 86_400);
    await ok(core, 'backups.updateSettings', { folder, keep: 3, automatic: false });
    expect(await ok(core, 'backups.status', {})).toMatchObject({ overdue: true });
  });

  it('when the folder is missing (the USB stick taken out), is tried again hourly, not at every tick; a lock still locks and says why', async () => {
    const { core, folder, clock } = await readyCore();
    await ok(core, 'children.create', childInput);
    rmSync(folder, { recursive: true });
    for (let tick = 0; tick < 20; tick += 1) {
      core.session.touch();
      await core.lockIfIdle();
      clock.advance(15);
    }
    let status = await ok(core, 'backups.status', {});
    expect(status.recent.filter((run) => !run.ok)).toHaveLength(1);
    expect(status.lastAttempt).toMatchObject({ ok: false, message: expect.stringMatching(/There is no folder at/) });
    clock.advance(3600);
    core.session.touch();
    await core.lockIfIdle();
    status = await ok(core, 'backups.status', {});
    expect(status.recent.filter((run) => !run.ok)).toHaveLength(2);
    const locked = await ok(core, 'session.lock', {});
    expect(locked).toMatchObject({
      state: 'locked',
      notice: expect.stringMatching(/The automatic backup was not made: There is no folder at/),
    });
  });

  it('taken during continuous writes restores to a consistent file holding every write acknowledged before it started', async () => {
    const { core, folder, dataDir } = await readyCore();
    const acknowledged: string[] = [];
    const writes: Promise<void>[] = [];
    let backupStarted = -1;
    let backup: Promise<{ setName: string }> | null = null;
    for (let i = 0; i < 40; i += 1) {
      const name = `Writer${String.fromCharCode(97 + (i % 26))}${i}`;
      writes.push(ok(core, 'children.create', { ...childInput, firstName: name }).then(() => void acknowledged.push(name)));
      if (i === 20) {
        backupStarted = acknowledged.length;
        backup = ok(core, 'backups.run', {});
      }
    }
    await Promise.all(writes);
    const made = await present(backup, 'the backup');
    const before = acknowledged.slice(0, backupStarted);
    await ok(core, 'backups.openSet', { folder, setName: made.setName, passphrase: PASSPHRASE });
    await ok(core, 'backups.restore', { confirmed: true });
    const restored = makeCore(dataDir);
    await ok(restored, 'session.unlock', { passphrase: PASSPHRASE });
    const names = await childNames(restored);
    for (const name of before) expect(names).toContain(name);
    expect(names.length).toBeGreaterThanOrEqual(before.length);
  });
});

describe('a restore', () => {
  it('on a new computer with the recovery key: shows what the set holds, then puts it in place; the DSL unlocks as before', async () => {
    const { core, folder, recovery } = await readyCore();
    const child = await ok(core, 'children.create', childInput);
    const made = await ok(core, 'backups.run', {});
    const newComputer = makeCore(tempDataDir('new-pc'));
    expect(await ok(newComputer, 'session.status', {})).toMatchObject({ state: 'not-set-up' });
    const listed = await ok(newComputer, 'backups.listSets', { folder });
    expect(listed.sets[0]).toMatchObject({ name: made.setName, ours: null, counts: { children: 1 } });
    const preview = await ok(newComputer, 'backups.openSet', { folder, setName: made.setName, recoveryKey: recovery.recoveryKey });
    expect(preview).toMatchObject({
      setName: made.setName,
      settingName: 'Northway Primary and Nursery School',
      counts: { children: 1 },
      replaces: 'nothing',
      newestRecordAt: expect.any(String),
    });
    // Nothing is in place until the DSL confirms.
    expect(await ok(newComputer, 'session.status', {})).toMatchObject({ state: 'not-set-up' });
    const done = await ok(newComputer, 'backups.restore', { confirmed: true });
    expect(done).toMatchObject({ restoredFrom: made.setName, keptAsideIn: null });
    expect(await ok(newComputer, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    expect(await ok(newComputer, 'children.get', { id: child.id })).toMatchObject({ lastName: 'Quillfeather' });
  });

  it('keeps the live files aside in a named folder, never deleting them', async () => {
    const { core, folder, dataDir } = await readyCore();
    await ok(core, 'children.create', { ...childInput, firstName: 'Before' });
    const made = await ok(core, 'backups.run', {});
    await ok(core, 'children.create', { ...childInput, firstName: 'After' });
    await ok(core, 'backups.openSet', { folder, setName: made.setName, passphrase: PASSPHRASE });
    const done = await ok(core, 'backups.restore', { confirmed: true });
    expect(done.keptAsideIn).toMatch(/Replaced by restore /);
    expect(readdirSync(present(done.keptAsideIn, 'the folder kept aside'))).toEqual(
      expect.arrayContaining(['escalation-log.db', 'escalation-log.keys.json']),
    );
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'locked' });
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(await childNames(core)).toEqual(['Before']);
    // The file kept aside still opens, with the record made after the backup.
    const aside = openEncryptedDatabase(
      join(present(done.keptAsideIn, 'the folder kept aside'), 'escalation-log.db'),
      openOf(core).dataKey,
      { create: false },
    );
    expect(aside.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 2 });
    aside.close();
    expect(existsSync(join(dataDir, 'escalation-log.restore.json'))).toBe(false);
  });

  describe('refuses, with a reason, and changes nothing', () => {
    async function setWithRecords() {
      const ready = await readyCore();
      await ok(ready.core, 'children.create', childInput);
      const made = await ok(ready.core, 'backups.run', {});
      const set = join(ready.folder, made.setName);
      const liveBefore = sha256File(join(ready.dataDir, 'escalation-log.keys.json')).sha256;
      const expectRefused = async (code: string, message: RegExp) => {
        const result = await call(ready.core, 'backups.openSet', { folder: ready.folder, setName: made.setName, passphrase: PASSPHRASE });
        expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
        expect(sha256File(join(ready.dataDir, 'escalation-log.keys.json')).sha256).toBe(liveBefore);
        expect(readdirSync(ready.dataDir).filter((name) => name.includes('.restoring'))).toEqual([]);
        expect(await call(ready.core, 'backups.restore', { confirmed: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
        expect((await ok(ready.core, 'children.list', {})).items).toHaveLength(1);
      };
      return { ...ready, set, made, expectRefused };
    }

    it('a truncated set', async () => {
      const { set, expectRefused } = await setWithRecords();
      const db = join(set, 'escalation-log.db');
      writeFileSync(db, readFileSync(db).subarray(0, statSync(db).size - 4096));
      await expectRefused('backup_refused', /escalation-log.db is cut short/);
    });

    it('a set with one byte changed', async () => {
      const { set, expectRefused } = await setWithRecords();
      const db = join(set, 'escalation-log.db');
      const bytes = readFileSync(db);
      bytes.writeUInt8(bytes.readUInt8(5000) ^ 0x01, 5000);
      writeFileSync(db, bytes);
      await expectRefused('backup_refused', /has changed since the backup was made/);
    });

    it('a damaged manifest', async () => {
      const { set, expectRefused } = await setWithRecords();
      const manifest = join(set, 'manifest.json');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"reason": "manual"', '"reason": "daily"'));
      await expectRefused('backup_refused', /manifest is damaged/);
    });

    it("another setting's set", async () => {
      const { core, expectRefused: _unused } = await setWithRecords();
      const other = await readyCore();
      await ok(other.core, 'children.create', childInput);
      const theirs = await ok(other.core, 'backups.run', {});
      const result = await call(core, 'backups.openSet', { folder: other.folder, setName: theirs.setName, passphrase: PASSPHRASE });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'backup_refused', message: expect.stringMatching(/another setting's records/) },
      });
      expect((await ok(core, 'backups.listSets', { folder: other.folder })).sets[0]).toMatchObject({ ours: false });
    });

    it('a set from a newer version', async () => {
      const { set, expectRefused } = await setWithRecords();
      const manifest = readManifest(set);
      writeFileSync(
        join(set, 'manifest.json'),
        serialiseManifest({ ...manifest, migrations: [...manifest.migrations, '0099_from_the_future'] }),
      );
      await expectRefused('newer_file', /newer version/);
    });

    it('a set whose audit log was rewritten, with every fingerprint recomputed to match', async () => {
      const { core, set, expectRefused } = await setWithRecords();
      const dbPath = join(set, 'escalation-log.db');
      const sqlite = openEncryptedDatabase(dbPath, openOf(core).dataKey, { create: false });
      sqlite.exec('DROP TRIGGER audit_log_no_update');
      sqlite.prepare('UPDATE audit_log SET summary = ? WHERE seq = 1').run('Nothing to see here');
      sqlite.pragma('journal_mode = DELETE');
      sqlite.close();
      const manifest = readManifest(set);
      writeFileSync(
        join(set, 'manifest.json'),
        serialiseManifest({ ...manifest, files: { ...manifest.files, 'escalation-log.db': sha256File(dbPath) } }),
      );
      await expectRefused('backup_refused', /hash chain is broken/);
    });

    it('a wrong passphrase (counted like a wrong unlock)', async () => {
      const { core, folder, made } = await setWithRecords();
      expect(await call(core, 'backups.openSet', { folder, setName: made.setName, passphrase: 'not the passphrase at all' })).toMatchObject(
        {
          ok: false,
          error: { code: 'wrong_passphrase' },
        },
      );
    });

    it("a deputy's passphrase, or a deputy signed in", async () => {
      const { core, folder, made } = await setWithRecords();
      const deputy = 'Deputy passphrase, long enough';
      await ok(core, 'users.add', { fullName: 'Tom Brennan', role: 'deputy', passphrase: deputy, passphraseConfirm: deputy });
      const later = await ok(core, 'backups.run', {});
      expect(await call(core, 'backups.openSet', { folder, setName: later.setName, passphrase: deputy })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      await ok(core, 'session.lock', {});
      await ok(core, 'session.unlock', { passphrase: deputy });
      expect(await call(core, 'backups.openSet', { folder, setName: made.setName, passphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });
  });
});
