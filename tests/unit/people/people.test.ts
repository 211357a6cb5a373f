import { describe, expect, it } from 'vitest';
import { call, childInput, makeCore, ok, PASSPHRASE, setUpCore } from '../../../scripts/fixtures/core';

// People with their own passphrases and roles; the roles are enforced by the core, not the screens.

const deputyPassphrase = 'orchard lantern seven tides';

describe('people', () => {
  it('adds a deputy who unlocks with their own passphrase and can record but not change settings', async () => {
    const { core, dataDir } = await setUpCore();
    const people = await ok(core, 'users.add', {
      fullName: 'Tom Okonkwo',
      role: 'deputy',
      passphrase: deputyPassphrase,
      passphraseConfirm: deputyPassphrase,
    });
    expect(people.map((person) => [person.fullName, person.role, person.removedAt])).toEqual([
      ['Priya Raman', 'dsl', null],
      ['Tom Okonkwo', 'deputy', null],
    ]);
    await ok(core, 'session.lock', {});
    const deputy = makeCore(dataDir);
    expect(await ok(deputy, 'session.unlock', { passphrase: deputyPassphrase })).toMatchObject({
      user: { fullName: 'Tom Okonkwo', role: 'deputy' },
    });
    expect(await call(deputy, 'children.create', childInput)).toMatchObject({ ok: true });
    expect(await call(deputy, 'procedures.choose', { id: 'bromley' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(deputy, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(deputy, 'session.lock', {});
    expect(await ok(deputy, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      user: { fullName: 'Priya Raman', role: 'dsl' },
    });
  });

  it('refuses a passphrase someone already has', async () => {
    const { core } = await setUpCore();
    expect(
      await call(core, 'users.add', { fullName: 'Tom Okonkwo', role: 'deputy', passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: ['passphrase'], message: 'Choose a different passphrase: each person needs their own.' }],
      },
    });
  });

  it('removes a person: their passphrase stops working, their records stay, and the DSL cannot remove themselves', async () => {
    const { core, dataDir } = await setUpCore();
    const added = await ok(core, 'users.add', {
      fullName: 'Tom Okonkwo',
      role: 'read-only',
      passphrase: deputyPassphrase,
      passphraseConfirm: deputyPassphrase,
    });
    const tom = added.find((person) => person.fullName === 'Tom Okonkwo');
    const me = added.find((person) => person.fullName === 'Priya Raman');
    expect(await call(core, 'users.remove', { id: me?.id ?? '' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const after = await ok(core, 'users.remove', { id: tom?.id ?? '' });
    expect(after.find((person) => person.fullName === 'Tom Okonkwo')?.removedAt).not.toBeNull();
    await ok(core, 'session.lock', {});
    expect(await call(makeCore(dataDir), 'session.unlock', { passphrase: deputyPassphrase })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
  });
});
