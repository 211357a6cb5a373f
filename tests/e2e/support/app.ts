import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Starts the built app in browser mode (out/main/web-host.js: the real core worker, the real web
// host) on a data folder of its own, and reads the address it prints.

const WEB_HOST = resolve('out/main/web-host.js');

export interface RunningApp {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export function newDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `escalation-log-e2e-${label}-`));
}

export async function startApp(dataDir: string): Promise<RunningApp> {
  if (!existsSync(WEB_HOST)) throw new Error('out/main/web-host.js is missing: run `npm run build` (npm run test:e2e does).');
  const child = spawn(process.execPath, [WEB_HOST, `--data-dir=${dataDir}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ESCALATION_LOG_DATA: '' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not print its address:\n${output}`)), 30_000);
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
