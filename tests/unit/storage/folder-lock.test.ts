import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { acquireDataFolderLock, FolderInUseError, LOCK_FILE_NAME } from '../../../electron/hosting/data-lock';
import { tempDataDir } from '../../../scripts/fixtures/core';
import { present } from '../support/open-file';

// One writer per data folder, between real processes.

const HOLDER = resolve('tests/unit/storage/scenarios/hold-lock.ts');

function hold(dir: string, app = 'browser'): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, app], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let out = '';
    present(child.stdout, 'its output').on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) done({ child, said: out.trim() });
    });
    child.on('exit', (code) => (out.includes('\n') ? undefined : fail(new Error(`holder exited ${code}`))));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.on('exit', () => done())));
}

describe('the data folder lock', () => {
  it('refuses a second process, naming the folder and who holds it', async () => {
    const dir = tempDataDir('lock');
    const { child, said } = await hold(dir);
    try {
      expect(said).toBe('HELD fresh');
      let refused: unknown = null;
      try {
        acquireDataFolderLock(dir, 'desktop');
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(FolderInUseError);
      expect((refused as Error).message).toContain(dir);
      expect((refused as Error).message).toMatch(
        new RegExp(`Escalation Log in browser mode \\(process ${child.pid} on ${hostname()}, since `),
      );
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
  });

  it('browser mode started on a folder in use says so and stops, before it opens anything', async () => {
    const dir = tempDataDir('lock-web');
    const { child } = await hold(dir);
    try {
      const second = spawnSync(process.execPath, ['--import', 'tsx', resolve('electron/web/main.ts'), '--data-dir', dir], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`The data folder ${dir} is already in use by Escalation Log in browser mode`);
      expect(existsSync(join(dir, 'escalation-log.db'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
  });

  it('takes over a lock left by a process that died, and only one of several racing processes wins it', async () => {
    const dir = tempDataDir('lock-stale');
    const { child } = await hold(dir);
    child.kill('SIGKILL');
    await exited(child);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
    const racers = await Promise.all(
      [hold(dir, 'test'), hold(dir, 'test'), hold(dir, 'test'), hold(dir, 'test')].map((p) => p.catch(() => null)),
    );
    try {
      const said = racers.map((racer) => racer?.said ?? 'REFUSED');
      expect(said.filter((word) => word.startsWith('HELD'))).toEqual(['HELD stale']);
      expect(said.filter((word) => word === 'REFUSED')).toHaveLength(3);
    } finally {
      for (const racer of racers) racer?.child.kill('SIGKILL');
      await Promise.all(racers.map((racer) => (racer ? exited(racer.child) : undefined)));
    }
  });

  it('treats a lock from before the computer restarted as stale, and one from another computer as held', () => {
    const dir = tempDataDir('lock-boot');
    const path = join(dir, LOCK_FILE_NAME);
    const stale = {
      pid: process.pid,
      host: hostname(),
      app: 'desktop',
      startedAt: '2026-01-01T00:00:00Z',
      boot: 'a boot long ago',
      token: 'old',
    };
    writeFileSync(path, JSON.stringify(stale));
    const lock = acquireDataFolderLock(dir, 'test');
    expect(lock.tookOverStale).toBe(true);
    lock.release();
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, JSON.stringify({ ...stale, host: 'the-office-pc', boot: 'whatever' }));
    expect(() => acquireDataFolderLock(dir, 'test')).toThrow(/process \d+ on the-office-pc/);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ host: 'the-office-pc' });
  });
});
