import { describe, expect, it } from 'vitest';
import { apiMethods, type ApiMethod } from '../../../shared/api';
import { dispatch } from '../../../electron/core/dispatch';
import { childInput, ok, setUpCore } from '../support/core';
import type { Core } from '../../../electron/core/core';

// One table over the whole contract: every method, given bad input, answers invalid_input and
// changes nothing. New methods must add their own bad case here (the Record type makes it a
// compile error to forget).

const generic: unknown[] = [null, 42, 'text', [], { unexpectedField: 'x' }];

const specific: Record<ApiMethod, unknown[]> = {
  'session.status': [{ state: 'unlocked' }],
  'session.setup': [{ settingName: '', settingType: 'school', region: 'england-and-wales', dslName: 'P', passphrase: 'short', passphraseConfirm: 'short' }],
  'session.unlock': [{ passphrase: '' }, { passphrase: 7 }],
  'session.unlockWithRecoveryKey': [{ recoveryKey: '', newPassphrase: 'x', newPassphraseConfirm: 'x' }],
  'session.lock': [{ now: true }],
  'session.changePassphrase': [{ currentPassphrase: 'x', newPassphrase: 'short', newPassphraseConfirm: 'short' }],
  'session.recoverySheet': [{ key: 'x' }],
  'session.confirmRecoveryKeyStored': [{ confirmed: false, storedWhere: 'safe' }, { confirmed: true, storedWhere: '' }],
  'session.replaceRecoveryKey': [{ force: true }],
  'children.create': [
    { ...childInput, dateOfBirth: '2017-02-30' },
    { ...childInput, levelOfNeed: 5 },
    { ...childInput, socialWorkerName: 'D' },
    { ...childInput, firstName: '   ' },
  ],
  'children.list': [{ search: 12 }],
  'children.get': [{ id: 'not-a-uuid' }],
  'children.amend': [{ id: '00000000-0000-4000-8000-000000000000', changes: {}, reason: 'x' }, { id: '00000000-0000-4000-8000-000000000000', changes: { levelOfNeed: 2 }, reason: '' }],
};

/** Everything a bad call could have touched: every table's rows. */
async function snapshot(core: Core): Promise<string> {
  const sqlite = core.open?.sqlite;
  if (!sqlite) throw new Error('not open');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    if (typeof table === 'object' && table !== null && 'name' in table && typeof table.name === 'string') {
      rows[table.name] = sqlite.prepare(`SELECT * FROM "${table.name}"`).all();
    }
  }
  return JSON.stringify(rows);
}

describe('the dispatcher, given bad input', () => {
  it('answers every method with invalid_input and changes nothing', async () => {
    const { core } = await setUpCore();
    await ok(core, 'children.create', childInput);
    const before = await snapshot(core);
    for (const method of apiMethods) {
      for (const input of [...generic, ...specific[method]]) {
        const result = await dispatch(core, method, input);
        expect(result, `${method} with ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(5);
          expect(Array.isArray(result.error.issues)).toBe(true);
        }
      }
    }
    expect(await snapshot(core)).toEqual(before);
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'unlocked' });
  });

  it('answers an unknown method plainly', async () => {
    const { core } = await setUpCore();
    expect(await dispatch(core, 'children.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch(core, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('puts each message beside its field', async () => {
    const { core } = await setUpCore();
    const result = await dispatch(core, 'children.create', { ...childInput, dateOfBirth: '2017-02-30', socialWorkerName: 'D' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([
          { path: ['dateOfBirth'], message: 'The date of birth must be a real date.' },
          { path: ['socialWorkerName'], message: "Enter the social worker's full name in full (first and last name, not initials)." },
        ]),
      },
    });
  });
});
