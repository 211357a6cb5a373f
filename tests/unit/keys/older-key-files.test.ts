import { describe, expect, it } from 'vitest';
import { createCipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCore, ok, PASSPHRASE, TEST_KDF } from '../../../scripts/fixtures/core';
import { isLegacySlot } from '../../../db/keyslots';
import { normaliseRecoveryKey } from '../../../db/recovery-key';
import { dataPaths, loadKeySlots } from '../../../db/vault';
import { openOf } from '../support/open-file';
import { currentKeyFile, DEPUTY_PASSPHRASE, folderWithPeople, openAs, READER_PASSPHRASE, withoutTrigger } from './support';

// A key file from before this version (format 2: each slot the data key sealed straight under its
// passphrase, no key pairs) beside records never sealed: everyone still unlocks; each slot becomes
// the new kind at its owner's unlock; the DSL's first unlock seals the list of who has access (and
// an upgraded slot is not taken for tampering); a replacement of the key carries over every upgraded
// slot and names the ones it can't (which need their passphrase).

/** The slot as versions 1 and 2 wrote it (the old wrapDataKey, kept here to make old files). */
function legacySlot(
  dataKey: Buffer,
  text: string,
  fileId: string,
  label: { id: string; kind: 'passphrase' | 'recovery'; userId: string | null },
) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = scryptSync(text.normalize('NFC'), salt, 32, { ...TEST_KDF, maxmem: 2 ** 26 });
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`escalation-log:${fileId}:${label.id}:${label.kind}:${label.userId ?? ''}`, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    ...label,
    createdAt: '2026-11-01T09:00:00.000Z',
    kdf: { name: 'scrypt', ...TEST_KDF, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
  };
}

async function olderFolder() {
  const folder = await folderWithPeople();
  const { dataDir, dslId, deputyId, readerId, recovery } = folder;
  const { sqlite, dataKey } = await openAs(dataDir, PASSPHRASE);
  // Records from before seals: none kept.
  withoutTrigger(sqlite, 'access_seals_no_delete', () => sqlite.exec('DELETE FROM access_seals'));
  sqlite.close();
  const file = currentKeyFile(dataDir);
  const idOf = (userId: string | null) => file.slots.find((slot) => slot.userId === userId)?.id ?? '';
  const body = {
    format: 'escalation-log-key-slots',
    version: 2,
    fileId: file.fileId,
    generation: 1,
    revision: 3,
    writtenAt: '2026-11-01T09:00:00.000Z',
    slots: [
      legacySlot(dataKey, PASSPHRASE, file.fileId, { id: idOf(dslId), kind: 'passphrase', userId: dslId }),
      legacySlot(dataKey, DEPUTY_PASSPHRASE, file.fileId, { id: idOf(deputyId), kind: 'passphrase', userId: deputyId }),
      legacySlot(dataKey, READER_PASSPHRASE, file.fileId, { id: idOf(readerId), kind: 'passphrase', userId: readerId }),
      legacySlot(dataKey, normaliseRecoveryKey(recovery.recoveryKey) ?? '', file.fileId, {
        id: idOf(null),
        kind: 'recovery',
        userId: null,
      }),
    ],
  };
  const checksum = createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex');
  const text = `${JSON.stringify({ ...body, checksum }, null, 2)}\n`;
  writeFileSync(join(dataDir, 'escalation-log.keys.json'), text);
  writeFileSync(join(dataDir, 'escalation-log.keys.previous.json'), text);
  return folder;
}

describe('a key file from before this version', () => {
  it('still opens for everyone, each slot upgraded at its owner’s unlock, and the DSL’s first unlock seals who has access', async () => {
    const { dataDir, dslId, deputyId } = await olderFolder();
    const dsl = makeCore(dataDir);
    expect(await ok(dsl, 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', warnings: [] });
    expect(openOf(dsl).sealKey).not.toBeNull();
    await ok(dsl, 'session.lock', {});
    const slotOf = (userId: string) => {
      const slot = loadKeySlots(dataPaths(dataDir)).file.slots.find((candidate) => candidate.userId === userId);
      if (!slot) throw new Error('no slot');
      return slot;
    };
    expect(isLegacySlot(slotOf(dslId))).toBe(false);
    expect(isLegacySlot(slotOf(deputyId))).toBe(true);

    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: DEPUTY_PASSPHRASE })).toMatchObject({
      user: { fullName: 'Tom Brennan' },
    });
    expect(isLegacySlot(slotOf(deputyId))).toBe(false);
    // The deputy's slot getting a key pair is not taken for tampering at the DSL's next unlock.
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ warnings: [] });
    expect(readFileSync(join(dataDir, 'escalation-log.keys.json'), 'utf8')).toContain('"version": 3');
  });

  it('a replacement of the key carries over the upgraded slots and names those that need their passphrase first', async () => {
    const { dataDir } = await olderFolder();
    const dsl = makeCore(dataDir);
    await ok(dsl, 'session.unlock', { passphrase: PASSPHRASE });
    const done = await ok(dsl, 'security.rotateKey', { confirmed: true, why: 'routine' });
    expect(done.notCarried.sort()).toEqual(['Grace Holloway', 'Tom Brennan', 'the recovery key'].sort());
    await ok(dsl, 'session.lock', {});
    // The DSL (upgraded) still opens the records under the new key; the others must be added again.
    expect(await ok(makeCore(dataDir), 'session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    expect((await makeCore(dataDir).callMethod('session.unlock', { passphrase: DEPUTY_PASSPHRASE })).ok).toBe(false);
  });
});
