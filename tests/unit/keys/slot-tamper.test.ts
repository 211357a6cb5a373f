import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, makeCore, ok, PASSPHRASE, TEST_KDF } from '../../../scripts/fixtures/core';
import { isLegacySlot, makeSlot, newSealKey, newSlotSecret, type CurrentKeySlot, type KeySlot } from '../../../db/keyslots';
import { accessSnapshot, signSnapshot } from '../../../db/access-seal';
import { dataPaths, loadKeySlots, openSlots, SlotAlteredError } from '../../../db/vault';
import { openOf } from '../support/open-file';
import {
  currentKeyFile,
  DEPUTY_PASSPHRASE,
  folderWithPeople,
  openAs,
  READER_PASSPHRASE,
  rewriteKeyFile,
  rewriteKeyFileJson,
} from './support';

// Tampering with the key file (and with who the records say people are), each as someone holding
// one passphrase and the files could do it offline, and each refused or found, and named.

function current(slot: KeySlot): CurrentKeySlot {
  if (isLegacySlot(slot)) throw new Error('expected a current slot');
  return slot;
}

function slotOf(file: ReturnType<typeof currentKeyFile>, userId: string): CurrentKeySlot {
  const slot = file.slots.find((candidate) => candidate.userId === userId);
  if (!slot) throw new Error('no slot');
  return current(slot);
}

const FORGED_PASSPHRASE = 'a forged slot for the lead made offline';

describe('key slots altered', () => {
  it('swapped between people: the right passphrase is named as meeting an altered slot, and never counted as a wrong one', async () => {
    const { dataDir, dslId, deputyId } = await folderWithPeople();
    rewriteKeyFile(dataDir, (file) => ({
      ...file,
      slots: file.slots.map((slot) =>
        slot.userId === dslId ? { ...slot, userId: deputyId } : slot.userId === deputyId ? { ...slot, userId: dslId } : slot,
      ),
    }));
    const core = makeCore(dataDir);
    for (let i = 0; i < 6; i += 1) {
      expect(await call(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        error: {
          code: 'damaged_file',
          message: expect.stringMatching(/passphrase is right, but its key slot .* has been altered outside Escalation Log/),
        },
      });
    }
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'locked', retryAfterSeconds: 0 });
  });

  it('with their sealed data keys swapped: named as altered', async () => {
    const { dataDir, dslId, deputyId } = await folderWithPeople();
    const file = currentKeyFile(dataDir);
    const dsl = slotOf(file, dslId);
    const deputy = slotOf(file, deputyId);
    rewriteKeyFile(dataDir, (f) => ({
      ...f,
      slots: f.slots.map((slot) =>
        slot.id === dsl.id ? { ...dsl, wrap: deputy.wrap } : slot.id === deputy.id ? { ...deputy, wrap: dsl.wrap } : slot,
      ),
    }));
    expect(await call(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'damaged_file', message: expect.stringMatching(/has been altered outside Escalation Log/) },
    });
  });

  it('with a tag cut short: refused (never checked as a weaker tag), the key file named as altered and its previous generation used', async () => {
    const { dataDir, dslId } = await folderWithPeople();
    const dslSlot = slotOf(currentKeyFile(dataDir), dslId);
    const short = Buffer.from(dslSlot.secret.tag, 'base64').subarray(0, 4).toString('base64');
    rewriteKeyFileJson(dataDir, (json) => {
      const slots = json.slots as { id: string; secret: { tag: string } }[];
      const slot = slots.find((candidate) => candidate.id === dslSlot.id);
      if (slot) slot.secret.tag = short;
    });
    const core = makeCore(dataDir);
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'locked', notice: expect.stringMatching(/altered/) });
    expect(await ok(core, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      state: 'unlocked',
      warnings: expect.arrayContaining([expect.stringMatching(/has been altered .*copy of the key file kept from before its last change/)]),
    });

    // And in the cryptography itself, a 4-byte tag never authenticates, even from the right passphrase.
    const file = currentKeyFile(dataDir);
    const intact = slotOf(file, dslId);
    const cut = {
      ...intact,
      secret: { ...intact.secret, tag: Buffer.from(intact.secret.tag, 'base64').subarray(0, 4).toString('base64') },
    };
    await expect(
      openSlots([{ file: { ...file, slots: [cut] }, source: 'current' }], PASSPHRASE, { kind: 'passphrase' }),
    ).rejects.toBeInstanceOf(SlotAlteredError);
  });

  it('with a cost out of range (N = 2^22): refused at once, without hanging the unlock', async () => {
    const { dataDir, dslId } = await folderWithPeople();
    const dslSlot = slotOf(currentKeyFile(dataDir), dslId);
    rewriteKeyFileJson(dataDir, (json) => {
      const slots = json.slots as { id: string; kdf: { N: number; r: number } }[];
      const slot = slots.find((candidate) => candidate.id === dslSlot.id);
      if (slot) slot.kdf = { ...slot.kdf, N: 2 ** 22, r: 16 };
    });
    const started = Date.now();
    const core = makeCore(dataDir);
    const status = await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(status).toMatchObject({
      state: 'unlocked',
      warnings: expect.arrayContaining([expect.stringMatching(/key file is damaged or has been altered/)]),
    });
  });

  it('a slot forged for the DSL (with the data key a deputy has): refused, and named to the DSL', async () => {
    const { dataDir, dslId } = await folderWithPeople();
    const { sqlite, dataKey } = await openAs(dataDir, DEPUTY_PASSPHRASE);
    sqlite.close();
    const file = currentKeyFile(dataDir);
    const forged = await makeSlot({
      dataKey,
      text: FORGED_PASSPHRASE,
      secret: newSlotSecret(null),
      kind: 'passphrase',
      userId: dslId,
      fileId: file.fileId,
      generation: file.generation,
      now: '2026-11-23T09:00:00.000+00:00',
      cost: TEST_KDF,
    });
    rewriteKeyFile(dataDir, (f) => ({ ...f, slots: [...f.slots, forged] }));

    expect(await call(makeCore(dataDir), 'session.unlock', { passphrase: FORGED_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/not issued to a Designated Safeguarding Lead/) },
    });
    const dsl = makeCore(dataDir);
    const status = await ok(dsl, 'session.unlock', { passphrase: PASSPHRASE });
    expect(status).toMatchObject({
      warnings: expect.arrayContaining([
        expect.stringMatching(/A key slot for Priya Raman is in the key file that Escalation Log did not issue/),
      ]),
    });
    const page = await ok(dsl, 'auditLog.list', {});
    expect(page.entries.some((entry) => /tried to open the records as Priya Raman .* refused/.test(entry.summary))).toBe(true);
  });

  it('a read-only user who makes herself DSL in the records: refused, and the role change named to the DSL', async () => {
    const { dataDir, readerId } = await folderWithPeople();
    const { sqlite } = await openAs(dataDir, READER_PASSPHRASE);
    sqlite.prepare(`UPDATE users SET role = 'dsl' WHERE id = ?`).run(readerId);
    sqlite.close();
    expect(await call(makeCore(dataDir), 'session.unlock', { passphrase: READER_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const status = await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE });
    expect(status).toMatchObject({
      warnings: expect.arrayContaining([
        expect.stringMatching(/Grace Holloway's role was changed from Read-only to Designated Safeguarding Lead/),
      ]),
    });
  });

  it('the limit, said honestly: she can make a seal key of her own and sign herself in as DSL, but the real DSL is told at their next unlock', async () => {
    const { dataDir, readerId } = await folderWithPeople();
    const { sqlite, dataKey } = await openAs(dataDir, READER_PASSPHRASE);
    const file = currentKeyFile(dataDir);
    const ownSealKey = newSealKey();
    const mine = await makeSlot({
      dataKey,
      text: READER_PASSPHRASE,
      secret: newSlotSecret(ownSealKey),
      kind: 'passphrase',
      userId: readerId,
      fileId: file.fileId,
      generation: file.generation,
      now: '2026-11-23T09:00:00.000+00:00',
      cost: TEST_KDF,
      id: slotOf(file, readerId).id,
    });
    const slots = file.slots.map((slot) => (slot.userId === readerId ? mine : slot));
    rewriteKeyFile(dataDir, (f) => ({ ...f, slots }));
    sqlite.prepare(`UPDATE users SET role = 'dsl' WHERE id = ?`).run(readerId);
    const people = sqlite.prepare('SELECT id, full_name, role, disabled_at FROM users ORDER BY id').all() as Parameters<
      typeof accessSnapshot
    >[1];
    const seal = signSnapshot(ownSealKey, accessSnapshot(file.fileId, people, slots));
    sqlite
      .prepare('INSERT INTO access_seals (made_at, made_by, snapshot, mac) VALUES (?, ?, ?, ?)')
      .run('t', readerId, seal.snapshot, seal.mac);
    sqlite.close();

    // Roles are an in-app boundary: she is signed in as DSL (the README says so)...
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: READER_PASSPHRASE })).toMatchObject({ user: { role: 'dsl' } });
    // ...and the real DSL is told, with what changed.
    const status = await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE });
    const warnings = status.state === 'unlocked' ? (status.warnings ?? []).join(' ') : '';
    expect(warnings).toMatch(/sealed again by someone without a Designated Safeguarding Lead's key/);
    expect(warnings).toMatch(/Grace Holloway's role was changed from Read-only to Designated Safeguarding Lead/);
  });

  it('an untouched key file: every slot opens with its own passphrase only, and the DSL is told nothing', async () => {
    const { dataDir } = await folderWithPeople();
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ warnings: [] });
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: DEPUTY_PASSPHRASE })).toMatchObject({
      user: { fullName: 'Tom Brennan' },
    });
    expect(loadKeySlots(dataPaths(dataDir)).file.slots.every((slot) => !isLegacySlot(slot))).toBe(true);
    expect(randomUUID()).toBeTruthy();
  });
});

describe('passphrases', () => {
  it('can not be changed to someone else’s: refused without saying whose, and logged for the DSL; unlock says who signed in', async () => {
    const { dataDir } = await folderWithPeople();
    const deputy = makeCore(dataDir);
    expect(await ok(deputy, 'session.unlock', { passphrase: DEPUTY_PASSPHRASE })).toMatchObject({
      user: { fullName: 'Tom Brennan', role: 'deputy' },
    });
    expect(
      await call(deputy, 'session.changePassphrase', {
        currentPassphrase: DEPUTY_PASSPHRASE,
        newPassphrase: PASSPHRASE,
        newPassphraseConfirm: PASSPHRASE,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: ['newPassphrase'], message: 'That passphrase cannot be used. Choose a different one.' }],
      },
    });
    await ok(deputy, 'session.lock', {});
    // The DSL's passphrase still signs the DSL in (not the deputy), and the DSL can read what happened.
    const dsl = makeCore(dataDir);
    expect(await ok(dsl, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ user: { fullName: 'Priya Raman', role: 'dsl' } });
    const page = await ok(dsl, 'auditLog.list', {});
    expect(page.entries.find((entry) => entry.action === 'passphrase.refused')).toMatchObject({
      person: 'Tom Brennan',
      entityType: 'user',
    });
    expect(page.entries.find((entry) => entry.action === 'unlock')?.summary).toMatch(
      /signed in as Priya Raman \(Designated Safeguarding Lead\)/,
    );
    expect(openOf(dsl).user.fullName).toBe('Priya Raman');
  });

  it('failed unlocks are counted while locked and written at the next unlock', async () => {
    const { dataDir } = await folderWithPeople();
    const core = makeCore(dataDir);
    for (let i = 0; i < 3; i += 1) await call(core, 'session.unlock', { passphrase: `not the passphrase ${i}` });
    core.session.throttle.recordSuccess();
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    const page = await ok(core, 'auditLog.list', {});
    expect(page.entries.find((entry) => entry.action === 'unlock.failed')).toMatchObject({
      person: null,
      summary: expect.stringMatching(/^3 failed attempts to unlock since the last unlock/),
    });
    // Counted once: the next unlock has none to write.
    await ok(core, 'session.lock', {});
    await ok(core, 'session.unlock', { passphrase: PASSPHRASE });
    expect((await ok(core, 'auditLog.list', {})).entries.filter((entry) => entry.action === 'unlock.failed')).toHaveLength(1);
  });
});
