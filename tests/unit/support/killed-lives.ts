import { afterAll, beforeAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { build } from 'esbuild';

// The crash tests' harness: a real process of the app (a scenario under tests/unit/*/scenarios, which
// starts with oneLife from ./one-life) is run over and over and killed with SIGKILL at a random
// moment. The scenario is bundled with esbuild once before the test, so each life starts quickly; the
// app is killed long before it would make a PDF, so pdfmake (a second to load) is left out.

const BUNDLES = resolve('node_modules/.cache/escalation-log-tests');

/** One life of the app: the whole lines it wrote before it was killed, and how long after READY that was (-1: it never said READY). */
export interface Life {
  lines: string[];
  killedAfterMs: number;
}

/**
 * Registers the bundling (beforeAll) and the clean-up (afterAll: no life is left running if the test
 * fails or times out) of a scenario, and answers `live`: runs one life with these orders and kills
 * it `delay` ms after it says READY, or `giveUpAfterMs` after it started. A life that reports FAILED,
 * or exits by itself, fails the test.
 */
export function killedLives(
  scenario: string,
  { giveUpAfterMs }: { giveUpAfterMs: number },
): { live: (orders: object, delay: number) => Promise<Life> } {
  const bundle = resolve(BUNDLES, `${basename(scenario, '.ts')}.mjs`);
  const running = new Set<ChildProcess>();

  beforeAll(async () => {
    mkdirSync(BUNDLES, { recursive: true });
    await build({
      entryPoints: [resolve(scenario)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: bundle,
      packages: 'external',
      logLevel: 'warning',
      plugins: [
        {
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

  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
  });

  function live(orders: object, delay: number): Promise<Life> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [bundle, JSON.stringify(orders)], { stdio: ['ignore', 'pipe', 'pipe'] });
      running.add(child);
      let out = '';
      let err = '';
      let started = 0;
      const killer = setTimeout(() => child.kill('SIGKILL'), giveUpAfterMs);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (!started && out.includes('READY\n')) {
          started = Date.now();
          setTimeout(() => child.kill('SIGKILL'), delay);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('exit', (_code, signal) => {
        running.delete(child);
        clearTimeout(killer);
        const lines = out.split('\n');
        // The last line may be cut off by the kill: only whole lines count.
        lines.pop();
        if (lines.some((line) => line.startsWith('FAILED'))) fail(new Error(`The app failed before it was killed:\n${out}\n${err}`));
        else if (signal !== 'SIGKILL') fail(new Error(`The app exited by itself (${signal ?? 'no signal'}):\n${out}\n${err}`));
        else done({ lines, killedAfterMs: started ? Date.now() - started : -1 });
      });
    });
  }

  return { live };
}

/** A seeded random number generator (0 ≤ n < 1), so a failing run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
