import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { apiMethods, type ApiMethod } from '../../../shared/api';
import { tokenHeaderName } from '../../../shared/bridge';
import { errorCodes, type ApiResult } from '../../../shared/result';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import { inProcessCore } from '../../../electron/core/client';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { FONTS_DIR, PASSPHRASE, TEST_KDF, TestClock } from '../../../scripts/fixtures/core';
import { openCopy, world, type World } from './world';
import { validInputs, type ValidInputs } from './valid-inputs';

// Every method of the API fuzzed with fast-check, in process and through browser mode's HTTP
// transport, as the DSL (who may call everything, so every input reaches its schema and service):
// whole inputs of any shape, and valid inputs with one value swapped for something hostile (a wrong
// type, a huge string, deep nesting, a __proto__ key, Infinity, a Date). Whatever is sent, the answer
// is a typed result (a value, or an error with a known code and never `internal`), the core goes on
// answering, and a refused call leaves every table exactly as it was.

const HUGE = 'ł'.repeat(100_001);

/** Nested `depth` levels; printed by fast-check as deep(depth) (its printer recurses, and would overflow). */
function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return Object.defineProperty(value, fc.toStringMethod, { value: () => `deep(${depth})`, enumerable: false });
}

/** Values that have broken parsers and services before. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    0,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    HUGE,
    '\u0000',
    '../../etc/passwd',
    "'; DROP TABLE children; --",
    '<script>alert(1)</script>',
    '2026-02-30',
    '9999-12-31T23:59:59.999+14:00',
    '00000000-0000-0000-0000-000000000000',
    [],
    {},
    new Date(0),
  ),
  fc.constant(null).map(() => deep(5_000)),
  fc.constant(null).map(() => JSON.parse('{"__proto__":{"role":"dsl"},"constructor":{"prototype":{}}}') as unknown),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.anything({ maxDepth: 3 }),
);

/** Every path to a value inside `input` (objects and arrays), the root included. */
function paths(input: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [prefix];
  if (Array.isArray(input)) input.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (typeof input === 'object' && input !== null) {
    for (const [key, value] of Object.entries(input)) found.push(...paths(value, [...prefix, key]));
  }
  return found;
}

/** A copy of `input` with the value at `path` replaced (or, with `add`, a key added beside it). */
function replaced(input: unknown, path: (string | number)[], value: unknown, add: string | null): unknown {
  if (path.length === 0) {
    if (add !== null && typeof input === 'object' && input !== null && !Array.isArray(input)) {
      return Object.assign(structuredClone(input), { [add]: value });
    }
    return value;
  }
  const [head, ...rest] = path;
  if (Array.isArray(input) && typeof head === 'number')
    return input.map((item, index) => (index === head ? replaced(item, rest, value, add) : item));
  if (typeof input === 'object' && input !== null && head !== undefined) {
    return { ...input, [head]: replaced((input as Record<string, unknown>)[head], rest, value, add) };
  }
  return input;
}

/** Any input at all, or a valid one with one value swapped (or one key added) for a hostile value. */
function inputsFor(valid: unknown): fc.Arbitrary<unknown> {
  const all = paths(valid);
  return fc.oneof(
    { weight: 1, arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: true }) },
    { weight: 1, arbitrary: hostile },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...all), hostile, fc.option(fc.constantFrom('extra', '__proto__', 'constructor', 'role'), { nil: null }))
        .map(([path, value, add]) => replaced(valid, path, value, add)),
    },
  );
}

function snapshot(core: Dispatcher): string {
  const sqlite = core.session.current?.sqlite;
  if (!sqlite) return 'locked';
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}"`).all()]));
}

function expectTyped(result: unknown, what: string): asserts result is ApiResult<unknown> {
  expect(typeof result === 'object' && result !== null, what).toBe(true);
  const answer = result as ApiResult<unknown>;
  if (answer.ok) return;
  expect(errorCodes, `${what}: ${JSON.stringify(answer).slice(0, 300)}`).toContain(answer.error.code);
  expect(answer.error.code, `${what}: ${answer.error.message}`).not.toBe('internal');
  expect(typeof answer.error.message, what).toBe('string');
}

/** The DSL's passphrase, or the one a fuzzed (still valid) passphrase change may have set. */
const KNOWN_PASSPHRASES = [PASSPHRASE, 'quiet orchard silver kettle'];

let w: World;
let valid: ValidInputs;

beforeAll(async () => {
  w = await world();
  valid = validInputs(w);
}, 120_000);

describe('fuzzing every method in process', () => {
  it.each(apiMethods)('%s: always a typed answer, never a crash, never a partial write', async (method: ApiMethod) => {
    let { core } = await openCopy(w, 'dsl');
    await fc.assert(
      fc.asyncProperty(inputsFor(valid[method]), async (input) => {
        const before = snapshot(core);
        const result = await core.call(method, input);
        expectTyped(result, method);
        if (!result.ok) expect(snapshot(core), `${method} refused but changed the records`).toBe(before);
        // The core goes on answering; a call that locked it (Lock, a restore) is followed by an unlock.
        const status = await core.call('session.status', {});
        expect(status.ok).toBe(true);
        if (status.ok && (status.value as { state: string }).state !== 'unlocked') {
          for (const passphrase of KNOWN_PASSPHRASES) {
            if ((await core.call('session.unlock', { passphrase })).ok) return;
          }
          ({ core } = await openCopy(w, 'dsl'));
        }
      }),
      { numRuns: 25 },
    );
    await core.shutdown();
  });
});

describe('fuzzing every method through browser mode’s HTTP transport', () => {
  let host: WebHost;
  let client: ReturnType<typeof inProcessCore>;

  beforeAll(async () => {
    const copy = await openCopy(w, 'locked');
    await copy.core.shutdown();
    client = inProcessCore({ dataDir: copy.dataDir, fontsDir: FONTS_DIR, kdfCost: TEST_KDF, clock: new TestClock().now });
    const rendererDir = mkdtempSync(join(tmpdir(), 'escalation-log-fuzz-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startWebHost({ core: client, rendererDir });
    expect((await client.call('session.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    await client?.close();
  });

  async function post(method: string, body: string | Buffer): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${host.origin}/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { origin: host.origin, [tokenHeaderName]: host.token, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const text = await response.text();
    return { status: response.status, json: JSON.parse(text) as unknown };
  }

  async function stillAnswering(): Promise<void> {
    const status = await post('session.status', '{}');
    expect(status.status).toBe(200);
    const answer = status.json as ApiResult<{ state: string }>;
    if (answer.ok && answer.value.state !== 'unlocked') {
      for (const passphrase of KNOWN_PASSPHRASES) {
        if ((await client.call('session.unlock', { passphrase })).ok) return;
      }
    }
  }

  it.each(apiMethods)('%s: always a typed answer over HTTP, and the host goes on', async (method: ApiMethod) => {
    await fc.assert(
      fc.asyncProperty(inputsFor(valid[method]), async (input) => {
        const before = snapshot(client.dispatcher);
        // JSON.stringify turns Infinity and NaN into null and drops undefined: what a page could send.
        // Nesting too deep for it to write is sent as raw text instead.
        let body: string;
        try {
          body = JSON.stringify(input) ?? 'null';
        } catch {
          body = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
        }
        const { status, json } = await post(method, body);
        expect([200, 413], method).toContain(status);
        expectTyped(json, method);
        if (!(json as ApiResult<unknown>).ok) expect(snapshot(client.dispatcher)).toBe(before);
        await stillAnswering();
      }),
      { numRuns: 8 },
    );
  });

  it('answers bodies no page would send: 1e309, deep nesting, __proto__, broken JSON and UTF-8, too large', async () => {
    const before = snapshot(client.dispatcher);
    const bodies: (string | Buffer)[] = [
      '{"firstName":"A","lastName":"B","dateOfBirth":"2018-01-01","classOrYear":"R","levelOfNeed":1e309,"planStatus":"none"}',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
      '{"__proto__":{"role":"dsl"},"firstName":"A"}',
      '{"firstName":',
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      '"just a string"',
      'null',
      '',
      `{"search":"${'x'.repeat(3 * 1024 * 1024)}"}`,
    ];
    for (const method of ['children.create', 'children.list', 'drafts.save', 'procedures.save', 'session.unlock']) {
      for (const body of bodies) {
        const { status, json } = await post(method, body);
        expect([200, 413], `${method} ${String(body).slice(0, 40)}`).toContain(status);
        expectTyped(json, method);
        await stillAnswering();
      }
    }
    expect(snapshot(client.dispatcher)).toBe(before);
  }, 120_000);
});
