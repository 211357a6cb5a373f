import { afterEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCore, ok, PASSPHRASE, setUpCore, TEST_KDF } from '../../../scripts/fixtures/core';
import { calibrateKdf, isLegacySlot, KDF_LIMITS, MINIMUM_KDF, parseKeySlotFile, type CurrentKeySlot } from '../../../db/keyslots';
import { dataPaths, loadKeySlots } from '../../../db/vault';
import { openOf } from '../support/open-file';
import { rewriteKeyFile } from './support';

// How the key is handled: it reaches SQLite as bytes (db.key with a Buffer, never a PRAGMA string a
// JavaScript string would keep), and those bytes are zeroed at once; the key derivation's cost is
// calibrated for the computer at set-up, and a slot cheaper than that is upgraded at its owner's unlock.

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the data key given to SQLite', () => {
  it('goes through db.key as a Buffer that is zeroed straight after, never through a PRAGMA string', async () => {
    const given: Buffer[] = [];
    const realKey = Database.prototype.key;
    vi.spyOn(Database.prototype, 'key').mockImplementation(function (this: Database.Database, buffer: Buffer) {
      given.push(buffer);
      return realKey.call(this, buffer);
    });
    const pragma = vi.spyOn(Database.prototype, 'pragma');
    const { dataDir } = await setUpCore();
    await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE });
    expect(given.length).toBeGreaterThan(0);
    for (const buffer of given) expect(buffer.every((byte) => byte === 0)).toBe(true);
    expect(pragma.mock.calls.some(([source]) => /^\s*(re)?key\s*=/i.test(String(source)))).toBe(false);
  });
});

describe('every key the session holds', () => {
  it('is zeroed at lock: the data key and the seal key', async () => {
    const { core } = await setUpCore();
    const open = openOf(core);
    const { dataKey, sealKey } = open;
    expect(dataKey.some((byte) => byte !== 0)).toBe(true);
    expect(sealKey?.some((byte) => byte !== 0)).toBe(true);
    await ok(core, 'session.lock', {});
    expect(dataKey.every((byte) => byte === 0)).toBe(true);
    expect(sealKey?.every((byte) => byte === 0)).toBe(true);
  });

  it('is zeroed when the unlock fails part-way (a records file no key opens)', async () => {
    const { dataDir } = await setUpCore();
    const { writeFileSync } = await import('node:fs');
    const { randomBytes } = await import('node:crypto');
    // The records file replaced by another of the same size: the slot opens, the key does not open the file.
    const database = join(dataDir, 'escalation-log.db');
    writeFileSync(database, randomBytes(readFileSync(database).length));
    const given: Buffer[] = [];
    const realKey = Database.prototype.key;
    vi.spyOn(Database.prototype, 'key').mockImplementation(function (this: Database.Database, buffer: Buffer) {
      given.push(buffer);
      return realKey.call(this, buffer);
    });
    const core = makeCore(dataDir);
    const result = await core.callMethod('session.unlock', { passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'damaged_file' } });
    expect(given.length).toBeGreaterThan(0);
    for (const buffer of given) expect(buffer.every((byte) => byte === 0)).toBe(true);
    expect(core.session.current).toBeNull();
  });
});

describe('the key derivation’s cost', () => {
  it('is calibrated at set-up to about a second here, never below N = 2^18 nor above the caps', async () => {
    const { cost, estimatedMs } = await calibrateKdf();
    expect(cost.N).toBeGreaterThanOrEqual(MINIMUM_KDF.N);
    expect(cost.N).toBeLessThanOrEqual(KDF_LIMITS.maxN);
    expect(cost.p).toBeLessThanOrEqual(KDF_LIMITS.maxP);
    console.log(`calibrated scrypt here: N = 2^${Math.log2(cost.N)}, r = ${cost.r}, p = ${cost.p}, about ${estimatedMs} ms`);
  }, 60_000);

  it('upgrades a slot cheaper than the file’s calibrated cost at its owner’s unlock, keeping its key pair and id', async () => {
    const { dataDir } = await setUpCore();
    const target = { N: 2 ** 13, r: 8, p: 1 };
    rewriteKeyFile(dataDir, (file) => ({ ...file, kdf: target }));
    const before = loadKeySlots(dataPaths(dataDir)).file.slots.find((slot) => slot.kind === 'passphrase') as CurrentKeySlot;
    expect(before.kdf.N).toBe(TEST_KDF.N);
    // The app's own cost, not the tests' cheap one, applies when the session is not given one.
    const { Dispatcher } = await import('../../../electron/core/dispatcher');
    const core = new Dispatcher({ dataDir, fontsDir: 'resources/fonts' });
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const after = parseKeySlotFile(readFileSync(join(dataDir, 'escalation-log.keys.json'), 'utf8')).slots.find(
      (slot) => slot.id === before.id,
    ) as CurrentKeySlot;
    expect(isLegacySlot(after)).toBe(false);
    expect(after.kdf).toMatchObject(target);
    expect(after.publicKey).toBe(before.publicKey);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    // Still opens, with the same person.
    await ok(core, 'session.lock', {});
    expect(await ok(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ user: { fullName: 'Priya Raman' } });
    expect(openOf(core).user.role).toBe('dsl');
  });
});
