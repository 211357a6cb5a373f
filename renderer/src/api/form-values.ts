import type { FieldIssue } from '../../../shared/result';

// The pure parts of a form: where each problem goes, and which parts of a kept draft still fit the
// form (a draft may be older than the form it is restored into).

function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One message per field path ('otherProfessional.name'), the first for each path. */
export function issuesToErrors(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** The messages left once a field is changed: its own, and those of anything inside it, go. */
export function withoutField(errors: Record<string, string>, path: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== path && !key.startsWith(`${path}.`)));
}

/** True when `value` could stand where `template` stands in the form's values (same kind of thing). */
function like<T>(template: T, value: unknown): value is T {
  if (template === null) return value === null || ['string', 'boolean', 'number'].includes(typeof value);
  if (Array.isArray(template)) return Array.isArray(value);
  return typeof value === typeof template && value !== null;
}

/** The draft's values where they fit the form, the form's own where they don't; null if it is no form at all. */
export function restoreLike<V>(template: V, candidate: unknown): V | null {
  if (typeof candidate !== 'object' || candidate === null || typeof template !== 'object' || template === null) return null;
  const restored: V = { ...template };
  for (const key in template) {
    const value: unknown = Reflect.get(candidate, key);
    if (like(template[key], value)) restored[key] = value;
  }
  return restored;
}
