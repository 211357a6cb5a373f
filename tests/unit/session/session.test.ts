import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { call, childInput, hashFolder, makeCore, ok, PASSPHRASE, setUpCore, setupInput, tempDataDir } from '../../../scripts/fixtures/core';

describe('setup', () => {
  it('creates the file, signs the DSL in, and keeps the recovery key pending until confirmed', async () => {
    const { core, recovery } = await setUpCore();
    expect(recovery.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    const status = await ok(core, 'session.status', {});
    expect(status).toMatchObject({
      state: 'unlocked',
      user: { fullName: 'Priya Raman', role: 'dsl' },
      settingName: 'Northway Primary and Nursery School',
      recoveryKeyConfirmed: false,
    });
    const confirmed = await ok(core, 'session.confirmRecoveryKeyStored', {
      confirmed: true,
      storedWhere: 'Sealed envelope in the school safe',
    });
    expect(confirmed).toMatchObject({ state: 'unlocked', recoveryKeyConfirmed: true });
  });

  it('refuses a second setup and leaves the first untouched', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'session.lock', {});
    const before = hashFolder(dataDir);
    const again = await call(makeCore(dataDir), 'session.setup', setupInput);
    expect(again).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
    expect(hashFolder(dataDir)).toEqual(before);
  });

  it('reports a records file without its key file as damaged, and will not set up over it', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'session.lock', {});
    rmSync(`${dataDir}/escalation-log.keys.json`);
    rmSync(`${dataDir}/escalation-log.keys.previous.json`);
    const fresh = makeCore(dataDir);
    expect(await ok(fresh, 'session.status', {})).toMatchObject({ state: 'damaged' });
    expect(await call(fresh, 'session.setup', setupInput)).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
  });
});

describe('unlock', () => {
  it('refuses a wrong passphrase with a clear code and changes nothing on disk', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'session.lock', {});
    const before = hashFolder(dataDir);
    const result = await call(core, 'session.unlock', { passphrase: 'not the passphrase at all' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase', issues: [{ path: ['passphrase'], message: 'That passphrase is not right.' }] },
    });
    expect(hashFolder(dataDir)).toEqual(before);
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'locked' });
  });

  it('slows down repeated failures, and says how long to wait', async () => {
    const { core, clock } = await setUpCore();
    await ok(core, 'session.lock', {});
    for (let i = 0; i < 4; i += 1) {
      expect(await call(core, 'session.unlock', { passphrase: `wrong ${i}` })).toMatchObject({
        ok: false,
        error: { code: 'wrong_passphrase' },
      });
    }
    const blocked = await call(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: 10 } });
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'locked', retryAfterSeconds: 10 });
    clock.advance(10);
    expect(await ok(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
  });

  it('unlocks with the right passphrase and the records are there', async () => {
    const { core, dataDir } = await setUpCore();
    const child = await ok(core, 'children.create', childInput);
    await ok(core, 'session.lock', {});
    const reopened = makeCore(dataDir);
    expect(await ok(reopened, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    expect(await ok(reopened, 'children.get', { id: child.id })).toMatchObject({ firstName: 'Zephyrine', lastName: 'Quillfeather' });
  });
});

describe('lock', () => {
  it('refuses every signed-in call once locked, and forgets the pending recovery key', async () => {
    const { core } = await setUpCore();
    await ok(core, 'session.lock', {});
    expect(core.session.current).toBeNull();
    expect(core.session.pendingRecoveryKey).toBeNull();
    for (const result of [
      await call(core, 'children.list', {}),
      await call(core, 'children.create', childInput),
      await call(core, 'session.recoverySheet', {}),
      await call(core, 'session.changePassphrase', {
        currentPassphrase: PASSPHRASE,
        newPassphrase: 'another good passphrase',
        newPassphraseConfirm: 'another good passphrase',
      }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
  });

  it('locks itself after the idle period', async () => {
    const { core, clock } = await setUpCore();
    clock.advance(4 * 60);
    expect(await core.lockIfIdle()).toBe(false);
    clock.advance(61);
    expect(await core.lockIfIdle()).toBe(true);
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'locked' });
  });
});

describe('passphrase change', () => {
  it('rewraps the slot only: the old passphrase fails, the new one works, the records file is untouched', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'children.create', childInput);
    const next = 'a different long passphrase';
    const wrongCurrent = await call(core, 'session.changePassphrase', {
      currentPassphrase: 'not mine at all',
      newPassphrase: next,
      newPassphraseConfirm: next,
    });
    expect(wrongCurrent).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['currentPassphrase'] }] } });
    await ok(core, 'session.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: next, newPassphraseConfirm: next });
    await ok(core, 'session.lock', {});
    const dbBefore = readFileSync(`${dataDir}/escalation-log.db`);
    expect(await call(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect(await ok(core, 'session.unlock', { passphrase: next })).toMatchObject({ state: 'unlocked' });
    expect((await ok(core, 'children.list', {})).items).toHaveLength(1);
    // The file's header (salt, and with it the key) is unchanged: no rekey happened.
    expect(readFileSync(`${dataDir}/escalation-log.db`).subarray(0, 16)).toEqual(dbBefore.subarray(0, 16));
  });

  it('says when the two new passphrases differ', async () => {
    const { core } = await setUpCore();
    const result = await call(core, 'session.changePassphrase', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: 'a different long passphrase',
      newPassphraseConfirm: 'a different long passphrase!',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['newPassphraseConfirm'], message: 'The two passphrases are not the same.' }] },
    });
  });
});

describe('recovery key', () => {
  it('unlocks, forces a new passphrase, and is replaced once the new sheet is confirmed as stored', async () => {
    const { core, dataDir, recovery } = await setUpCore();
    await ok(core, 'children.create', childInput);
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
    await ok(core, 'session.lock', {});
    const next = 'brand new passphrase here';
    const missingPassphrase = await call(core, 'session.unlockWithRecoveryKey', {
      recoveryKey: recovery.recoveryKey,
      newPassphrase: '',
      newPassphraseConfirm: '',
    });
    expect(missingPassphrase).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Typed in lower case, with spaces, and with the look-alike O for 0: still the key.
    const typed = recovery.recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const status = await ok(core, 'session.unlockWithRecoveryKey', { recoveryKey: typed, newPassphrase: next, newPassphraseConfirm: next });
    expect(status).toMatchObject({ state: 'unlocked', user: { fullName: 'Priya Raman' }, recoveryKeyPending: true });
    const replacement = core.session.pendingRecoveryKey?.recoveryKey ?? '';
    expect(replacement).not.toEqual(recovery.recoveryKey);
    expect(await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe, new envelope' })).toMatchObject(
      { recoveryKeyPending: false, recoveryKeyConfirmed: true },
    );
    await ok(core, 'session.lock', {});

    const fresh = makeCore(dataDir);
    expect(await call(fresh, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect(
      await call(fresh, 'session.unlockWithRecoveryKey', {
        recoveryKey: recovery.recoveryKey,
        newPassphrase: next,
        newPassphraseConfirm: next,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong_recovery_key' },
    });
    expect(await ok(fresh, 'session.unlock', { passphrase: next })).toMatchObject({ state: 'unlocked' });
    expect((await ok(fresh, 'children.list', {})).items).toHaveLength(1);
    await ok(fresh, 'session.lock', {});
    expect(
      await ok(fresh, 'session.unlockWithRecoveryKey', { recoveryKey: replacement, newPassphrase: next, newPassphraseConfirm: next }),
    ).toMatchObject({ state: 'unlocked' });
  });

  it('keeps the stored key working until a new one is confirmed: a lock or reload in between loses nothing', async () => {
    const { core, dataDir, recovery } = await setUpCore();
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
    const made = await ok(core, 'session.replaceRecoveryKey', {});
    expect(await ok(core, 'session.status', {})).toMatchObject({ recoveryKeyPending: true, recoveryKeyConfirmed: true });
    await ok(core, 'session.lock', {});
    const next = 'another long passphrase';
    const fresh = makeCore(dataDir);
    expect(
      await call(fresh, 'session.unlockWithRecoveryKey', {
        recoveryKey: made.recoveryKey,
        newPassphrase: next,
        newPassphraseConfirm: next,
      }),
    ).toMatchObject({ ok: false, error: { code: 'wrong_recovery_key' } });
    expect(
      await ok(fresh, 'session.unlockWithRecoveryKey', {
        recoveryKey: recovery.recoveryKey,
        newPassphrase: next,
        newPassphraseConfirm: next,
      }),
    ).toMatchObject({ state: 'unlocked' });
    // The DSL can choose to keep the key on the stored sheet rather than the one just offered.
    expect(await ok(fresh, 'session.keepCurrentRecoveryKey', {})).toMatchObject({ recoveryKeyPending: false });
    expect(await call(fresh, 'session.recoverySheet', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('starts the wait with the wrong answer that earns it', async () => {
    const { core } = await setUpCore();
    await ok(core, 'session.lock', {});
    for (let i = 0; i < 3; i += 1) await call(core, 'session.unlock', { passphrase: `wrong ${i}` });
    expect(await call(core, 'session.unlock', { passphrase: 'wrong again' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase', retryAfterSeconds: 10 },
    });
  });

  it('explains a key of the wrong shape without trying it', async () => {
    const { core } = await setUpCore();
    await ok(core, 'session.lock', {});
    const result = await call(core, 'session.unlockWithRecoveryKey', {
      recoveryKey: 'ABCD-EFGH',
      newPassphrase: 'brand new passphrase here',
      newPassphraseConfirm: 'brand new passphrase here',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['recoveryKey'] }] } });
  });

  it('gives the recovery sheet to print only while the new key is pending, and a PDF copy only when asked after the warning', async () => {
    const { core, recovery } = await setUpCore();
    const sheet = await ok(core, 'session.recoverySheet', {});
    expect(sheet).toMatchObject({ recoveryKey: recovery.recoveryKey, fileId: recovery.fileId, dslName: 'Priya Raman' });
    expect(await core.call('session.recoverySheetCopy', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const copy = await ok(core, 'session.recoverySheetCopy', { understood: true });
    expect(copy.mimeType).toBe('application/pdf');
    expect(Buffer.from(copy.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(recovery.recoveryKey.length).toBeGreaterThan(50);
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
    expect(await call(core, 'session.recoverySheet', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(core, 'session.recoverySheetCopy', { understood: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('a new data folder', () => {
  it('reports not set up, and refuses unlock', async () => {
    const core = makeCore(tempDataDir());
    expect(await ok(core, 'session.status', {})).toEqual({ state: 'not-set-up' });
    expect(await call(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
  });
});
