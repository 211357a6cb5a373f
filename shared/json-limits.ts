// Plain, bounded JSON: what every API input must be before its schema reads it (the dispatcher
// checks), and what a draft's content must be (its schema checks). Walked with a stack, never by
// recursion, so no nesting can overflow the stack; stops as soon as a limit is passed, so a huge
// input costs no more than the limit. Refuses what JSON can't carry (Infinity and NaN, which 1e309
// becomes; undefined, except as a property's value, which counts as absent, as JSON would have it;
// functions; class instances) and the keys that reach an object's prototype when copied
// (`__proto__`, `constructor`, `prototype`).

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface JsonLimits {
  /** Nesting: an object or array inside another counts one level. */
  maxDepth: number;
  /** Values of any kind, keys not counted. */
  maxNodes: number;
  /** Roughly the length of the JSON text: strings, keys and punctuation. */
  maxChars: number;
}

export type JsonProblem = 'too-deep' | 'too-large' | 'not-json' | 'forbidden-key';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** What is wrong with `value` as bounded JSON, or null when nothing is. */
export function jsonProblem(value: unknown, limits: JsonLimits): JsonProblem | null {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  let chars = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, depth } = next;
    nodes += 1;
    if (nodes + pending.length > limits.maxNodes) return 'too-large';
    if (depth > limits.maxDepth) return 'too-deep';
    if (current === null || typeof current === 'boolean') {
      chars += 5;
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'not-json';
      chars += 24;
    } else if (typeof current === 'string') {
      chars += current.length + 2;
    } else if (Array.isArray(current)) {
      if (current.length + nodes + pending.length > limits.maxNodes) return 'too-large';
      for (let index = 0; index < current.length; index += 1) {
        if (!(index in current)) return 'not-json';
        pending.push({ value: current[index], depth: depth + 1 });
      }
      chars += current.length + 2;
    } else if (typeof current === 'object' && isPlainObject(current)) {
      const keys = Object.keys(current);
      if (keys.length + nodes + pending.length > limits.maxNodes) return 'too-large';
      for (const key of keys) {
        if (FORBIDDEN_KEYS.has(key)) return 'forbidden-key';
        const value = current[key];
        // A property set to undefined is absent, as JSON would have it (IPC keeps it; JSON drops it).
        if (value === undefined) continue;
        chars += key.length + 4;
        pending.push({ value, depth: depth + 1 });
      }
      chars += 2;
    } else {
      return 'not-json';
    }
    if (chars > limits.maxChars) return 'too-large';
  }
  return null;
}

/** What to tell the person at the screen, for each problem. */
export const jsonProblemMessages: Readonly<Record<JsonProblem, string>> = {
  'too-deep': 'That is nested too deeply to keep.',
  'too-large': 'That is too much to send at once.',
  'not-json': 'That holds something that is not text, a number, yes/no or a list.',
  'forbidden-key': 'That holds a name this app does not use (such as __proto__).',
};
