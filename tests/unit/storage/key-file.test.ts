import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, childInput, makeCore, ok, PASSPHRASE, setUpCore, setupInput, tempDataDir } from '../../../scripts/fixtures/core';
import { parseKeySlotFile, writeKeySlotFileAtomic } from '../../../db/keyslots';
import { dataPaths, loadKeySlots } from '../../../db/vault';
import { Session } from '../../../electron/core/session/session';
import { openOf, present } from '../support/open-file';

// The key file is never the single point of loss: a damaged one is told apart from a wrong
// passphrase (and never counted by the throttle), its previous generation is kept beside it and
// used, and set-up never runs over an existing key file or records file.

const NEW_PASSPHRASE = 'a different long passphrase for Priya';

async function setUpWithRecords() {
  const { core, dataDir, clock, recovery } = await setUpCore();
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  const child = await ok(core, 'children.create', childInput);
  await ok(core, 'session.lock', {});
  return { core, dataDir, clock, recovery, child };
}

const keyFile = (dir: string) => join(dir, 'escalation-log.keys.json');
const previousFile = (dir: string) => join(dir, 'escalation-log.keys.previous.json');

type Damage = (path: string) => void;
const damages: Record<string, Damage> = {
  truncated: (path) => writeFileSync(path, readFileSync(path).subarray(0, 200)),
  deleted: (path) => rmSync(path),
  'one byte changed': (path) => {
    const bytes = readFileSync(path);
    // A byte inside the slots (a base64 character of the wrapped key): still valid JSON, wrong content.
    const at = bytes.indexOf('"wrappedKey": "') + 20;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(path, bytes);
  },
  'replaced by {}': (path) => writeFileSync(path, '{}'),
};

describe('a damaged key file', () => {
  for (const [name, damage] of Object.entries(damages)) {
    it(`${name}: is named, never counted as a wrong passphrase, and the records are opened from its previous generation`, async () => {
      const { dataDir, child } = await setUpWithRecords();
      damage(keyFile(dataDir));
      const core = makeCore(dataDir);
      const status = await ok(core, 'session.status', {});
      expect(status).toMatchObject({ state: 'locked', notice: expect.stringMatching(/key file .*previous generation/) });

      // A wrong passphrase is still wrong (and counted); but the key file's damage never is.
      for (let i = 0; i < 3; i += 1) {
        expect(await call(core, 'session.unlock', { passphrase: `not it ${i}` })).toMatchObject({
          ok: false,
          error: { code: 'wrong_passphrase' },
        });
      }
      const unlocked = await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
      expect(unlocked).toMatchObject({ state: 'unlocked', warnings: [expect.stringMatching(/put that copy back/)] });
      expect(await ok(core, 'children.get', { id: child.id })).toMatchObject({ firstName: 'Zephyrine' });
      // The current key file is put back, and reads as intact.
      expect(loadKeySlots(dataPaths(dataDir)).from).toBe('current');
    });
  }

  it('when both the key file and its previous generation are unusable, says so without counting an attempt, and the records come back from a backup set', async () => {
    const { core, dataDir, child } = await setUpWithRecords();
    const backups = tempDataDir('key-file-backups');
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'backups.updateSettings', { folder: backups, keep: 5, automatic: false });
    const made = await ok(core, 'backups.run', {});
    await ok(core, 'session.lock', {});
    writeFileSync(keyFile(dataDir), '{}');
    rmSync(previousFile(dataDir));

    const fresh = makeCore(dataDir);
    const status = await ok(fresh, 'session.status', {});
    expect(status).toMatchObject({ state: 'damaged', message: expect.stringMatching(/Restore from a backup/) });
    for (let i = 0; i < 6; i += 1) {
      expect(await call(fresh, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'damaged_file' } });
    }
    expect(fresh.session.throttle.retryAfterSeconds()).toBe(0);
    // The recovery key can't help while its slot is in the damaged file: it says the same, not "wrong key".
    expect(
      await call(fresh, 'session.unlockWithRecoveryKey', {
        recoveryKey: 'X'.repeat(52),
        newPassphrase: NEW_PASSPHRASE,
        newPassphraseConfirm: NEW_PASSPHRASE,
      }),
    ).toMatchObject({ ok: false, error: { code: 'damaged_file' } });

    // Restore from the backup set: its key file (and records) come back.
    await ok(fresh, 'backups.openSet', { folder: backups, setName: made.setName, passphrase: PASSPHRASE });
    await ok(fresh, 'backups.restore', { confirmed: true });
    expect(await ok(fresh, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    expect(await ok(fresh, 'children.get', { id: child.id })).toMatchObject({ firstName: 'Zephyrine' });
  });

  it('when both are gone but the records file is whole, puts back only the key file from a backup and keeps every later record', async () => {
    const { core, dataDir, child } = await setUpWithRecords();
    const backups = tempDataDir('key-file-only-backups');
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'backups.updateSettings', { folder: backups, keep: 5, automatic: false });
    const made = await ok(core, 'backups.run', {});
    const later = await ok(core, 'children.create', { ...childInput, firstName: 'Afterwards' });
    await ok(core, 'session.lock', {});
    rmSync(keyFile(dataDir));
    writeFileSync(previousFile(dataDir), readFileSync(keyFile(backups + '/' + made.setName)).subarray(0, 30));

    const fresh = makeCore(dataDir);
    const preview = await ok(fresh, 'backups.openSet', { folder: backups, setName: made.setName, passphrase: PASSPHRASE });
    expect(preview).toMatchObject({ canRecoverKeyFileOnly: true, replaces: 'live-records' });
    expect(await ok(fresh, 'backups.recoverKeyFile', { confirmed: true })).toEqual({ recoveredFrom: made.setName });
    expect(await ok(fresh, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    expect(await ok(fresh, 'children.get', { id: child.id })).toMatchObject({ firstName: 'Zephyrine' });
    expect(await ok(fresh, 'children.get', { id: later.id })).toMatchObject({ firstName: 'Afterwards' });
    // With the key files intact, a set's key file is never put back on its own.
    await ok(fresh, 'session.lock', {});
    await ok(fresh, 'backups.openSet', { folder: backups, setName: made.setName, passphrase: PASSPHRASE });
    expect(await call(fresh, 'backups.recoverKeyFile', { confirmed: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps the previous generation beside it after every change, so the old passphrase opens the previous copy only if the current one is damaged', async () => {
    const { dataDir } = await setUpWithRecords();
    const core = makeCore(dataDir);
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'session.changePassphrase', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      newPassphraseConfirm: NEW_PASSPHRASE,
    });
    await ok(core, 'session.lock', {});
    const current = parseKeySlotFile(readFileSync(keyFile(dataDir), 'utf8'));
    const previous = parseKeySlotFile(readFileSync(previousFile(dataDir), 'utf8'));
    // (The current file is also rewritten at each lock and unlock with the audit log's end, so its
    // revision may be more than one ahead of the previous generation's.)
    expect(current.revision).toBeGreaterThan(previous.revision);
    expect(current.generation).toBe(1);
    // With the current file intact, the old passphrase does not work...
    expect(await call(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    // ...with it damaged, the previous generation (and so the old passphrase) is used, and the person is told.
    writeFileSync(keyFile(dataDir), readFileSync(keyFile(dataDir)).subarray(0, 50));
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      state: 'unlocked',
      warnings: [expect.stringMatching(/A passphrase changed after that time is back to what it was before/)],
    });
  });

  it('warns the DSL at unlock when the recovery slot is not the one whose sheet was confirmed as stored', async () => {
    const { dataDir } = await setUpWithRecords();
    const paths = dataPaths(dataDir);
    const file = loadKeySlots(paths).file;
    // Someone replaced the key file with one whose recovery slot is another (an old copy, a tampered file).
    const recovery = file.slots.find((slot) => slot.kind === 'recovery');
    if (!recovery) throw new Error('no recovery slot');
    writeKeySlotFileAtomic(paths.keySlots, {
      ...file,
      slots: file.slots.map((slot) => (slot === recovery ? { ...slot, id: crypto.randomUUID() } : slot)),
    });
    const status = await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE });
    expect(status).toMatchObject({
      state: 'unlocked',
      warnings: expect.arrayContaining([
        expect.stringMatching(/recovery key on the printed sheet may no longer open/),
        // The seal over who may open the records names it too (issue 10).
        expect.stringMatching(/A key slot for the recovery key is in the key file that Escalation Log did not issue/),
      ]),
    });
  });

  it('a file with its key slots intact opens without warnings', async () => {
    const { dataDir } = await setUpWithRecords();
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', warnings: [] });
  });
});

describe('set-up', () => {
  it('refuses to run where a key file is but the records file is missing (a sync program moved it), and overwrites nothing', async () => {
    const { dataDir } = await setUpWithRecords();
    const database = join(dataDir, 'escalation-log.db');
    const moved = `${database}.moved-by-sync`;
    writeFileSync(moved, readFileSync(database));
    rmSync(database);
    const before = readFileSync(keyFile(dataDir));
    const core = makeCore(dataDir);
    expect(await ok(core, 'session.status', {})).toMatchObject({
      state: 'damaged',
      message: expect.stringMatching(/records file .* is missing/),
    });
    expect(await call(core, 'session.setup', setupInput)).toMatchObject({ ok: false, error: { code: 'damaged_file' } });
    expect(readFileSync(keyFile(dataDir))).toEqual(before);
    // Put back, it opens as before.
    writeFileSync(database, readFileSync(moved));
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
  });

  it('finishes a set-up killed between putting the records file and the key file in place', async () => {
    const { dataDir } = await setUpWithRecords();
    const paths = dataPaths(dataDir);
    // As a setup killed after its records file got its name: the key file still under its setup name.
    writeFileSync(paths.setupKeySlots, readFileSync(paths.keySlots));
    rmSync(paths.keySlots);
    rmSync(paths.previousKeySlots);
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    expect(existsSync(paths.setupKeySlots)).toBe(false);
  });
});

describe('temp copies of the key file', () => {
  it('left by a killed write are removed at the next start, and a successful write leaves none', async () => {
    const { core, dataDir } = await setUpWithRecords();
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    await ok(core, 'session.changePassphrase', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      newPassphraseConfirm: NEW_PASSPHRASE,
    });
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await ok(core, 'session.lock', {});
    const leftover = join(dataDir, `.escalation-log.keys.json.4242.deadbeef.tmp`);
    writeFileSync(leftover, readFileSync(keyFile(dataDir)));
    new Session({ dataDir, fontsDir: 'resources/fonts' });
    expect(existsSync(leftover)).toBe(false);
  });
});

describe('two key changes at once', () => {
  it('never lose one another: both new slots are in the key file', async () => {
    const { core, dataDir } = await setUpWithRecords();
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const deputy = 'Another long passphrase for Tom';
    await ok(core, 'users.add', { fullName: 'Tom Brennan', role: 'deputy', passphrase: deputy, passphraseConfirm: deputy });
    // Two changes in flight together (both key derivations run before either writes).
    await Promise.all([
      core.session.current &&
        import('../../../db/vault').then(({ updateSlots }) =>
          updateSlots(dataPaths(dataDir), {
            dataKey: Buffer.from(openOf(core).dataKey),
            now: 't',
            cost: { N: 2 ** 12, r: 8, p: 1 },
            // The DSL's slot holds the seal key (issue 10): a DSL's slot without it is refused at unlock.
            passphraseFor: { userId: openOf(core).user.id, passphrase: NEW_PASSPHRASE, sealKey: openOf(core).sealKey },
          }),
        ),
      import('../../../db/vault').then(async ({ updateSlots }) => {
        const file = loadKeySlots(dataPaths(dataDir)).file;
        const tom = file.slots.find((slot) => slot.kind === 'passphrase' && slot.userId !== openOf(core).user.id);
        return updateSlots(dataPaths(dataDir), {
          dataKey: Buffer.from(openOf(core).dataKey),
          now: 't',
          cost: { N: 2 ** 12, r: 8, p: 1 },
          passphraseFor: { userId: present(tom?.userId, "Tom's slot"), passphrase: 'Tom has a brand new passphrase' },
        });
      }),
    ]);
    await ok(core, 'session.lock', {});
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: NEW_PASSPHRASE })).toMatchObject({
      user: { fullName: 'Priya Raman' },
    });
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: 'Tom has a brand new passphrase' })).toMatchObject({
      user: { fullName: 'Tom Brennan' },
    });
  });
});
