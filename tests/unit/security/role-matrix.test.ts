import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiMethods, type ApiMethod } from '../../../shared/api';
import { allowedRoles } from '../../../shared/permissions';
import { roles, type Role } from '../../../shared/people/roles';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import { hashFolder } from '../../../scripts/fixtures/core';
import { openCopy, world, type World } from './world';
import { validInputs, type ValidInputs } from './valid-inputs';

// Every method of the API × every role × locked, each call with a VALID input, through the real
// dispatcher on a real encrypted file. A role the contract does not allow is refused `forbidden`
// (and nothing changes); an allowed role gets past the gate (whatever the records then say); while
// locked, every signed-in method answers `locked` and the folder is untouched. Because the inputs
// are valid, a missing or misplaced role check shows up as a call that succeeds or fails for some
// other reason, never as an `invalid_input` that happens to look like a refusal.

function mayCall(method: ApiMethod, role: Role): boolean {
  const access = api[method].access;
  return access === 'public' || allowedRoles[access].includes(role);
}

/** Callable while locked: `public`, and `public-or-dsl` (restoring from a backup, the DSL only while the records are open). */
const callableLocked = (method: ApiMethod) => api[method].access === 'public' || api[method].access === 'public-or-dsl';

/** Every row of every table, to show that a refused call changed nothing. */
function snapshot(core: Dispatcher): string {
  const sqlite = core.session.current?.sqlite;
  if (!sqlite) throw new Error('not open');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}"`).all()]));
}

let w: World;
let inputs: ValidInputs;

beforeAll(async () => {
  w = await world();
  inputs = validInputs(w);
}, 120_000);

describe('the valid inputs', () => {
  it('pass every method’s schema, so a refusal is about who called', () => {
    for (const method of apiMethods) {
      const parsed = api[method].input.safeParse(inputs[method]);
      expect(parsed.success, `${method}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(true);
    }
  });
});

describe.each(roles)('signed in as %s', (role) => {
  it('is refused every method the role may not call, and nothing changes', async () => {
    const { core } = await openCopy(w, role);
    const before = snapshot(core);
    const refused = apiMethods.filter((method) => !mayCall(method, role));
    expect(refused.length).toBeGreaterThan(role === 'dsl' ? -1 : 0);
    for (const method of refused) {
      const result = await core.call(method, inputs[method]);
      expect(result, `${role} ${method}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // Who may call comes before what is sent: a caller who may not use a method learns nothing from its schema.
      for (const input of [{}, null, 'x', { unexpected: true }]) {
        expect(await core.call(method, input), `${role} ${method} ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
    }
    expect(snapshot(core)).toBe(before);
  });

  it('gets past the role check on every method the role may call', async () => {
    const own = validInputs(w, role);
    for (const method of apiMethods.filter((name) => mayCall(name, role))) {
      const { core } = await openCopy(w, role);
      const result = await core.call(method, own[method]);
      // Past the gate: the records may still say no (a conflict, a date out of order), never the role check.
      if (!result.ok) {
        expect(['forbidden', 'locked', 'internal'], `${role} ${method}: ${result.error.code} ${result.error.message}`).not.toContain(
          result.error.code,
        );
      }
      await core.shutdown();
    }
  }, 120_000);
});

describe('while locked', () => {
  it('answers `locked` to every signed-in method and changes no file', async () => {
    const { core, dataDir } = await openCopy(w, 'locked');
    const before = hashFolder(dataDir);
    for (const method of apiMethods.filter((name) => !callableLocked(name))) {
      expect(await core.call(method, inputs[method]), method).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    expect(hashFolder(dataDir)).toEqual(before);
  });

  it('lets every method callable while locked through (setup, unlock, status, lock, restore from a backup)', async () => {
    const locked = apiMethods.filter(callableLocked);
    expect(locked).toEqual(expect.arrayContaining(['session.unlock', 'backups.listSets', 'backups.restore']));
    for (const method of locked) {
      const { core } = await openCopy(w, 'locked');
      const result = await core.call(method, inputs[method]);
      if (!result.ok) {
        expect(['forbidden', 'locked', 'internal'], `${method}: ${result.error.code} ${result.error.message}`).not.toContain(
          result.error.code,
        );
      }
      await core.shutdown();
    }
  }, 120_000);
});
