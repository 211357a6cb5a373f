// Amendments keep the old and new values as JSON (a child's detail may be blank, a number or text).
// This is how one is written for a person to read, on the timeline and beside an amended entry.

export function amendedValue(json: string): string {
  const value: unknown = JSON.parse(json);
  return value === null ? '(blank)' : String(value);
}
