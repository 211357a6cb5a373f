import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { passphraseStrength } from '../../../shared/people/passphrase-strength';
import { hashFolder, makeCore, ok, PASSPHRASE, setupInput, setUpCore, tempDataDir } from '../../../scripts/fixtures/core';

// A new passphrase must be hard to guess, wherever one is set: at setup, when a person changes
// theirs, when the DSL adds a person, and when the recovery key unlocks and asks for a new one.
// The core refuses a weak one (the contract's schema), says why beside the field, and changes
// nothing; the screens show the same reason as it is typed.

const WEAK = ['aaaaaaaaaaaa', 'password1234', 'qwertyuiopasdf', 'Northway2026!', '123456789012', 'escalationlog1'];
const STRONG = [PASSPHRASE, 'meadow lantern copper harbour', 'quiet orchard silver kettle'];

describe('the strength rule', () => {
  it('refuses weak passphrases with a reason, and accepts random words', () => {
    for (const weak of WEAK) {
      const strength = passphraseStrength(weak);
      expect(strength.acceptable, weak).toBe(false);
      expect(strength.problem, weak).toMatch(/^This passphrase is too easy to guess\. \S/);
    }
    expect(passphraseStrength('aaaaaaaaaaaa').problem).toContain('Repeated characters like "aaa" are easy to guess.');
    expect(passphraseStrength('password1234').problem).toContain('similar to a commonly used password');
    for (const strong of STRONG) expect(passphraseStrength(strong), strong).toEqual({ score: 4, acceptable: true, problem: null });
  });
});

function weakIssue(path: string) {
  return {
    ok: false,
    error: {
      code: 'invalid_input',
      issues: expect.arrayContaining([{ path: [path], message: expect.stringContaining('too easy to guess') }]),
    },
  };
}

describe('the core refuses a weak passphrase', () => {
  it('at setup, and makes no file', async () => {
    const dataDir = tempDataDir('weak-setup');
    const core = makeCore(dataDir);
    for (const weak of WEAK) {
      expect(await core.call('session.setup', { ...setupInput, passphrase: weak, passphraseConfirm: weak }), weak).toMatchObject(
        weakIssue('passphrase'),
      );
    }
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('when a person changes theirs, and when the DSL adds a person, and changes nothing', async () => {
    const { core, dataDir } = await setUpCore();
    const people = await ok(core, 'users.list', {});
    const before = hashFolder(dataDir);
    expect(
      await core.call('session.changePassphrase', {
        currentPassphrase: PASSPHRASE,
        newPassphrase: 'aaaaaaaaaaaa',
        newPassphraseConfirm: 'aaaaaaaaaaaa',
      }),
    ).toMatchObject(weakIssue('newPassphrase'));
    expect(
      await core.call('users.add', {
        fullName: 'Sam Ellis',
        role: 'deputy',
        passphrase: 'aaaaaaaaaaaa',
        passphraseConfirm: 'aaaaaaaaaaaa',
      }),
    ).toMatchObject(weakIssue('passphrase'));
    expect(hashFolder(dataDir)['escalation-log.keys.json']).toBe(before['escalation-log.keys.json']);
    expect(await ok(core, 'users.list', {})).toEqual(people);
    await ok(core, 'session.lock', {});
    expect(await ok(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
  });

  it('when the recovery key unlocks, and the key still works after', async () => {
    const { core, recovery } = await setUpCore();
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
    await ok(core, 'session.lock', {});
    expect(
      await core.call('session.unlockWithRecoveryKey', {
        recoveryKey: recovery.recoveryKey,
        newPassphrase: 'aaaaaaaaaaaa',
        newPassphraseConfirm: 'aaaaaaaaaaaa',
      }),
    ).toMatchObject(weakIssue('newPassphrase'));
    expect(
      await ok(core, 'session.unlockWithRecoveryKey', {
        recoveryKey: recovery.recoveryKey,
        newPassphrase: 'quiet orchard silver kettle',
        newPassphraseConfirm: 'quiet orchard silver kettle',
      }),
    ).toMatchObject({ state: 'unlocked' });
  });
});
