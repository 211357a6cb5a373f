// Who a signed-in person is to the app: the Designated Safeguarding Lead (everything), a deputy
// (records, documents, audit) or read-only (view and audit). What each may call is in permissions.ts.

export const roles = ['dsl', 'deputy', 'read-only'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  dsl: 'Designated Safeguarding Lead',
  deputy: 'Deputy Designated Safeguarding Lead',
  'read-only': 'Read-only',
};
