import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { call, ok, PASSPHRASE, setUpCore, makeCore } from '../../../scripts/fixtures/core';
import { parseKeySlotFile } from '../../../db/keyslots';
import { readFileSync } from 'node:fs';
import { verifyAuditChain } from '../../../db/queries/audit-log';
import { getKeyState } from '../../../db/queries/key-state';
import { integrityCheck } from '../../../db/queries/integrity';
import { openOf } from '../support/open-file';

// Replacing the records' key, killed with SIGKILL at random moments: a real process
// (scenarios/rotation-child.ts) rotates over and over (on demand, and by removing a person), and is
// killed. After every kill the records must open, with the old key generation or the new one, never
// neither: the generation is the last acknowledged or one more (a rotation whose answer was cut off),
// the records file and the key file agree on it once settled, integrity_check and the audit chain
// pass, nothing is flagged as tampering, and a removed person's passphrase (acknowledged) opens nothing.

const KILLS = Number(process.env.ROTATION_KILLS ?? 36);
const FRESH_FOLDER_EVERY = 12;
const CHILD = resolve('node_modules/.cache/escalation-log-tests/rotation-child.mjs');

beforeAll(async () => {
  mkdirSync(resolve('node_modules/.cache/escalation-log-tests'), { recursive: true });
  await build({
    entryPoints: [resolve('tests/unit/keys/scenarios/rotation-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: CHILD,
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        // No PDFs are made: pdfmake (a second to load) is left out so each life starts quickly.
        name: 'no-pdfmake',
        setup(builder) {
          builder.onResolve({ filter: /^pdfmake$/ }, () => ({ path: 'pdfmake', namespace: 'no-pdfmake' }));
          builder.onLoad({ filter: /.*/, namespace: 'no-pdfmake' }, () => ({
            contents: 'export default { createPdf() { throw new Error("No PDFs in the crash test."); } };',
            loader: 'js',
          }));
        },
      },
    ],
  });
});

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One life, killed `delay` ms after READY (or after 6 s). */
function live(orders: object, delay: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(orders)], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let out = '';
    let err = '';
    let started = false;
    const killer = setTimeout(() => child.kill('SIGKILL'), 6_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!started && out.includes('READY\n')) {
        started = true;
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      running.delete(child);
      clearTimeout(killer);
      const lines = out.split('\n');
      lines.pop();
      if (lines.some((line) => line.startsWith('FAILED'))) fail(new Error(`The app failed before it was killed:\n${out}\n${err}`));
      else if (signal !== 'SIGKILL') fail(new Error(`The app exited by itself (${signal ?? 'no signal'}):\n${out}\n${err}`));
      else done(lines);
    });
  });
}

async function freshFolder(): Promise<string> {
  const { core, dataDir } = await setUpCore();
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  await ok(core, 'session.lock', {});
  return dataDir;
}

describe('replacing the key, killed at random moments (SIGKILL)', () => {
  it('always leaves records that open with the old or the new key generation, never neither', async () => {
    const next = random(20261201);
    const started = Date.now();
    let dataDir = await freshFolder();
    let acknowledged = 1;
    let removed: string[] = [];
    const outcomes = { same: 0, newer: 0, settledFiles: 0 };
    for (let kill = 0; kill < KILLS; kill += 1) {
      if (kill > 0 && kill % FRESH_FOLDER_EVERY === 0) {
        dataDir = await freshFolder();
        acknowledged = 1;
        removed = [];
      }
      const context = `kill ${kill}`;
      const leftBehind = existsSync(join(dataDir, 'escalation-log.keys.next.json'));
      const lines = await live(
        { dataDir, fontsDir: resolve('resources/fonts'), passphrase: PASSPHRASE, prefix: `k${kill}` },
        Math.floor(next() * 900),
      );
      for (const line of lines) {
        if (line.startsWith('GEN ')) acknowledged = Number(line.slice(4));
        if (line.startsWith('REMOVED ')) removed.push(line.slice(8));
      }
      if (leftBehind || existsSync(join(dataDir, 'escalation-log.keys.next.json'))) outcomes.settledFiles += 1;

      // Through the app, as the DSL would: it must unlock, and say nothing about tampering.
      const core = makeCore(dataDir);
      const status = await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
      expect(JSON.stringify(status), `${context}: flagged as tampering`).not.toMatch(/changed outside Escalation Log/);
      const open = openOf(core);
      const generation = (await getKeyState(open.db)).generation;
      expect([acknowledged, acknowledged + 1], `${context}: key generation ${generation}, acknowledged ${acknowledged}`).toContain(
        generation,
      );
      if (generation === acknowledged) outcomes.same += 1;
      else outcomes.newer += 1;
      acknowledged = generation;
      // Settled: the key file and the records file agree, and nothing of the rotation is left behind.
      const keyFile = parseKeySlotFile(readFileSync(join(dataDir, 'escalation-log.keys.json'), 'utf8'));
      expect(keyFile.generation, context).toBe(generation);
      expect(
        readdirSync(dataDir).filter((name) => /rotating|keys\.next|\.tmp$/.test(name)),
        context,
      ).toEqual([]);
      expect(integrityCheck(open.sqlite), context).toEqual([]);
      expect(await verifyAuditChain(open.db), context).toMatchObject({ intact: true });
      await ok(core, 'session.lock', {});
      // A person whose removal was acknowledged is out, whichever generation the records are at.
      for (const passphrase of removed.slice(-2)) {
        const attempt = await call(makeCore(dataDir), 'session.unlock', { passphrase });
        expect(attempt.ok, `${context}: a removed person's passphrase still opens the records`).toBe(false);
      }
    }
    console.log(`rotation crash test: ${KILLS} kills in ${Math.round((Date.now() - started) / 1000)} s`, JSON.stringify(outcomes));
    // Kills landed both before a rotation took effect and after.
    expect(outcomes.newer).toBeGreaterThan(0);
  }, 600_000);
});
