import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, apiMethods } from '../../../shared/api';

// Every string any API method accepts has a maximum length (or a format that bounds it: a UUID, a
// date's pattern), read from the contract's own schemas, so a new free-text field without one fails
// here. Arrays and records are bounded as a whole by the dispatcher's input guard (shared/json-limits:
// 20 000 values), which tests/unit/dispatch/input-limits.test.ts shows.

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  pattern?: RegExp;
  checks?: { _zod: { def: { check?: string; format?: string; pattern?: RegExp } } }[];
};

function defOf(schema: z.ZodType): Def {
  return schema.def as unknown as Def;
}

/** Paths to every string in `schema` with neither a maximum length nor a bounding format. */
function unbounded(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: z.ZodType | undefined, at: string) => (child ? unbounded(child, at, seen) : []);
  switch (def.type) {
    case 'string': {
      const string = schema as z.ZodString;
      // A pattern bounds the length only if it is anchored at both ends and repeats nothing without limit.
      const patterns = [def.pattern, ...(def.checks ?? []).map((check) => check._zod.def.pattern)].filter(
        (p): p is RegExp => p instanceof RegExp,
      );
      const bounding = patterns.some((p) => p.source.startsWith('^') && p.source.endsWith('$') && !/[+*]|\{\d+,\}/.test(p.source));
      return string.maxLength === null && !bounding ? [path] : [];
    }
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => inner(value, `${path}.${key}`));
    case 'array':
      return inner(def.element, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
    case 'prefault':
      return inner(def.innerType, path);
    case 'pipe':
      return inner(def.in, path);
    case 'union':
      return (def.options ?? []).flatMap((option, index) => inner(option, `${path}|${index}`));
    case 'intersection':
      return [...inner(def.left, path), ...inner(def.right, path)];
    case 'record':
      return [...inner(def.keyType, `${path}{key}`), ...inner(def.valueType, `${path}{}`)];
    case 'tuple':
      return (def.items ?? []).flatMap((item, index) => inner(item, `${path}[${index}]`));
    case 'lazy':
      return inner(def.getter?.(), path);
    default:
      return [];
  }
}

describe('the contract’s strings', () => {
  it('all have a maximum length', () => {
    const found = apiMethods.flatMap((method) => unbounded(api[method].input, method));
    expect(found).toEqual([]);
  });

  it('are read as the check means: an unbounded string is found', async () => {
    const { z: zod } = await import('zod');
    const probe = zod.object({
      name: zod.string().min(1),
      word: zod.string().regex(/^[a-z]+$/),
      ok: zod.string().max(5),
      id: zod.uuid(),
      date: zod.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(unbounded(probe, 'probe')).toEqual(['probe.name', 'probe.word']);
  });
});
