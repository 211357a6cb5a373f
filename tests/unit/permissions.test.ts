import { describe, expect, it } from 'vitest';
import { api, apiMethods, type Access } from '../../shared/api';
import { allowedRoles, can } from '../../shared/permissions';
import { roles, type Role } from '../../shared/people/roles';

// `can` is what the renderer shows buttons by, and `allowedRoles` is what the dispatcher refuses
// calls by: checked here against the design card's roles, method by method.

const expected: Record<Access, readonly Role[]> = {
  public: ['dsl', 'deputy', 'read-only'],
  'public-or-dsl': ['dsl'],
  read: ['dsl', 'deputy', 'read-only'],
  own: ['dsl', 'deputy', 'read-only'],
  write: ['dsl', 'deputy'],
  dsl: ['dsl'],
};

describe('can(role, method)', () => {
  it.each(apiMethods.map((method) => [method, api[method].access] as const))('%s (%s)', (method, access) => {
    for (const role of roles) expect(can(role, method), `${role} → ${method}`).toBe(expected[access].includes(role));
  });

  it('lets the DSL do everything', () => {
    expect(apiMethods.filter((method) => !can('dsl', method))).toEqual([]);
  });

  it('lets a deputy record and make documents, but not change settings, keys or people', () => {
    expect(can('deputy', 'escalations.recordEntry')).toBe(true);
    expect(can('deputy', 'documents.forEscalation')).toBe(true);
    expect(can('deputy', 'drafts.save')).toBe(true);
    expect(can('deputy', 'settings.update')).toBe(false);
    expect(can('deputy', 'session.replaceRecoveryKey')).toBe(false);
    expect(can('deputy', 'users.add')).toBe(false);
    expect(can('deputy', 'procedures.choose')).toBe(false);
  });

  it('lets a read-only user look and change their own passphrase, and write nothing', () => {
    expect(can('read-only', 'escalations.get')).toBe(true);
    expect(can('read-only', 'children.timeline')).toBe(true);
    expect(can('read-only', 'session.changePassphrase')).toBe(true);
    const writes = apiMethods.filter((method) => api[method].access === 'write' || api[method].access === 'dsl');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((method) => can('read-only', method))).toEqual([]);
  });

  it('lets anyone call the public methods (status, setup, unlock, lock)', () => {
    for (const role of roles) {
      expect(can(role, 'session.status')).toBe(true);
      expect(can(role, 'session.lock')).toBe(true);
    }
  });

  it("lets only the DSL restore from a backup, listing a folder's sets included, while signed in", () => {
    for (const method of [
      'backups.listSets',
      'backups.openSet',
      'backups.restore',
      'backups.cancelRestore',
      'backups.recoverKeyFile',
    ] as const) {
      expect(
        roles.filter((role) => can(role, method)),
        method,
      ).toEqual(['dsl']);
    }
  });
});

describe('allowedRoles', () => {
  it('is the table `can` reads, one row per signed-in access level', () => {
    expect(Object.keys(allowedRoles).sort()).toEqual(['dsl', 'own', 'public-or-dsl', 'read', 'write']);
    expect(allowedRoles['public-or-dsl']).toEqual(expected['public-or-dsl']);
    expect(allowedRoles.read).toEqual(expected.read);
    expect(allowedRoles.own).toEqual(expected.own);
    expect(allowedRoles.write).toEqual(expected.write);
    expect(allowedRoles.dsl).toEqual(expected.dsl);
  });
});
