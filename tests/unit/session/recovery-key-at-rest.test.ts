import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ok, setUpCore } from '../../../scripts/fixtures/core';

// The recovery key is the master key: the app never writes it to a file. It is printed from memory
// (the page prints what session.recoverySheet answers), and a PDF copy exists only when the DSL
// asks for one after a warning, handed to the page, never written by the core. Every file under the
// data folder (records, key slots, backups, anything else) is searched for every key made, in every
// spelling a person or a program might write it.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function spellings(key: string): string[] {
  const bare = key.replace(/-/g, '');
  const groups = bare.match(/.{1,4}/g) ?? [];
  return [key, bare, groups.join(' '), key.toLowerCase(), bare.toLowerCase(), groups.slice(0, 4).join('-')];
}

function expectNowhere(dataDir: string, keys: string[]): void {
  const files = filesUnder(dataDir);
  expect(files.length).toBeGreaterThan(1);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const key of keys) {
      for (const spelling of spellings(key)) {
        expect(bytes.includes(Buffer.from(spelling, 'utf8')), `${spelling} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(spelling, 'utf16le')), `${spelling} (UTF-16) in ${file}`).toBe(false);
      }
    }
  }
}

describe('the recovery key at rest', () => {
  it('is in no file under the data folder: at setup, when printed, when a copy is asked for, when replaced, after lock', async () => {
    const { core, dataDir, recovery } = await setUpCore();
    const keys = [recovery.recoveryKey];
    expectNowhere(dataDir, keys);

    const sheet = await ok(core, 'session.recoverySheet', {});
    expect(sheet.recoveryKey).toBe(recovery.recoveryKey);
    // A copy asked for after the warning is handed back to the page; the core writes no file of it.
    const copy = await ok(core, 'session.recoverySheetCopy', { understood: true });
    expect(copy.base64.length).toBeGreaterThan(1000);
    expectNowhere(dataDir, keys);
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'Sealed envelope in the school safe' });
    expectNowhere(dataDir, keys);

    const next = await ok(core, 'session.replaceRecoveryKey', {});
    keys.push(next.recoveryKey);
    await ok(core, 'session.recoverySheet', {});
    await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'Sealed envelope in the school safe' });
    expectNowhere(dataDir, keys);

    await ok(core, 'session.lock', {});
    expectNowhere(dataDir, keys);
  });
});
