import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { childInput, ok, setUpCore } from '../../../scripts/fixtures/core';

// The whole point of the file: nothing a DSL records is readable without the key.

describe('the data folder at rest', () => {
  it('holds no plaintext: not the child, not the setting, not the DSL, not even the SQLite header', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'children.create', { ...childInput, socialWorkerContact: 'Zephyrine-social-worker-line' });
    // Read back while open, so WAL and shared-memory files exist on disk during the scan too.
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['escalation-log.db', 'escalation-log.keys.json']));
    const scan = () => {
      for (const name of readdirSync(dataDir)) {
        const bytes = readFileSync(join(dataDir, name));
        for (const needle of ['Zephyrine', 'Quillfeather', 'Northway Primary', 'Priya Raman', 'Daniel Okafor', 'SQLite format 3']) {
          expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${name}`).toBe(false);
          expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${name}`).toBe(false);
        }
      }
    };
    scan();
    await ok(core, 'session.lock', {});
    scan();
  });

  it('cannot be opened by plain SQLite or with another key', async () => {
    const { core, dataDir } = await setUpCore();
    await ok(core, 'session.lock', {});
    const plain = new Database(join(dataDir, 'escalation-log.db'), { fileMustExist: true });
    expect(() => plain.prepare('SELECT * FROM children').all()).toThrow(/not a database/);
    plain.close();
    const wrong = new Database(join(dataDir, 'escalation-log.db'), { fileMustExist: true });
    wrong.pragma(`cipher = 'sqlcipher'`);
    wrong.pragma('legacy = 4');
    wrong.pragma(`key = "x'${'11'.repeat(32)}'"`);
    expect(() => wrong.prepare('SELECT * FROM children').all()).toThrow(/not a database/);
    wrong.close();
  });

  it('keeps temporary tables in memory and asserts the cipher at open', async () => {
    const { core } = await setUpCore();
    const sqlite = core.session.current?.sqlite;
    expect(sqlite?.pragma('temp_store', { simple: true })).toBe(2);
    expect(sqlite?.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite?.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
