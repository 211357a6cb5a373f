import { api, type Access, type ApiMethod } from './api';
import type { Role } from './people/roles';

// Who may call what, in one table. The dispatcher refuses a call by this table before the input is
// read; the renderer asks `can` before it shows a button or menu item, so the two can never
// disagree (a button a person may not use is not shown, rather than failing when pressed).

/** The roles allowed each access level of the contract while the records are open (`public` needs no session at all). */
export const allowedRoles: Record<Exclude<Access, 'public'>, readonly Role[]> = {
  'public-or-dsl': ['dsl'],
  read: ['dsl', 'deputy', 'read-only'],
  own: ['dsl', 'deputy', 'read-only'],
  write: ['dsl', 'deputy'],
  dsl: ['dsl'],
};

/** Whether methods of this access level may be called while the records are locked (or not set up). */
export function callableLocked(access: Access): access is 'public' | 'public-or-dsl' {
  return access === 'public' || access === 'public-or-dsl';
}

/** May someone with this role, signed in, call this method? Read from the access level the contract gives it. */
export function can(role: Role, method: ApiMethod): boolean {
  const access: Access = api[method].access;
  return access === 'public' || allowedRoles[access].includes(role);
}
