import type { z } from 'zod';
import { isLegacySlot } from '../../../db/keyslots';
import {
  costFor,
  disposeOpened,
  loadKeySlots,
  openSlots,
  plannedSlots,
  prepareSlot,
  putSlots,
  SlotAlteredError,
  verifyPassphrase,
} from '../../../db/vault';
import { fieldFailure } from '../../../shared/result';
import type { changePassphraseInput } from '../../../shared/schemas/session';
import { audit, nowIso, type SessionContext } from '../services/context';
import { sealAccessNow } from './key-changes';
import { recordSessionEvent, withKeyFile } from './open-file';

// Changing one's own passphrase re-seals that person's key slot only: the same key pair and slot id
// (so the seal over who has access is unchanged), a new salt, this computer's full scrypt cost. The
// data key, the records file and everyone else's slots are untouched (no rekey).
//
// No two people may share a passphrase: unlock finds a person by the slot their passphrase opens, so
// a shared one would sign the second person in as the first. The new passphrase is tried on every
// other slot; one it opens is refused, without saying whose it is, and the refusal is logged for the
// DSL (the owner of that passphrase should change it, since someone else has now typed it).

const PASSPHRASE_IN_USE = 'That passphrase cannot be used. Choose a different one.';

/** Whether `passphrase` opens any passphrase slot other than `exceptUserId`'s (each slot costs one key derivation). */
export async function passphraseInUse(ctx: SessionContext, passphrase: string, exceptUserId: string | null): Promise<string | null> {
  const keys = loadKeySlots(ctx.session.paths);
  const others = { ...keys.file, slots: keys.file.slots.filter((slot) => slot.kind === 'passphrase' && slot.userId !== exceptUserId) };
  if (others.slots.length === 0) return null;
  try {
    const opened = await openSlots([{ file: others, source: keys.from }], passphrase, { kind: 'passphrase' });
    if (!opened) return null;
    disposeOpened(opened);
    return opened.userId;
  } catch (error) {
    // Right for a slot that was altered: it is still someone else's passphrase.
    if (error instanceof SlotAlteredError) return keys.file.slots.find((slot) => slot.id === error.slotId)?.userId ?? 'unknown';
    throw error;
  }
}

export async function changePassphrase(ctx: SessionContext, input: z.output<typeof changePassphraseInput>): Promise<{ changed: true }> {
  const { session } = ctx;
  const open = session.requireOpen();
  if (input.currentPassphrase === input.newPassphrase) {
    throw fieldFailure(['newPassphrase'], 'Choose a passphrase different from the current one.');
  }
  const mine = await withKeyFile(() => verifyPassphrase(session.paths, ctx.user.id, input.currentPassphrase));
  if (!mine) throw fieldFailure(['currentPassphrase'], 'That is not your current passphrase.');
  try {
    const owner = await withKeyFile(() => passphraseInUse(ctx, input.newPassphrase, ctx.user.id));
    if (owner !== null) {
      await ctx.db
        .transaction()
        .execute((trx) =>
          audit(
            trx,
            ctx,
            'passphrase.refused',
            owner === 'unknown' ? null : { type: 'user', id: owner },
            'A new passphrase was refused because it is already another person’s: that person should change theirs',
          ),
        );
      throw fieldFailure(['newPassphrase'], PASSPHRASE_IN_USE);
    }
    const keys = loadKeySlots(session.paths).file;
    const sealKey = mine.secret?.sealKey ?? (ctx.user.role === 'dsl' ? open.sealKey : null);
    const prepared = await prepareSlot({
      dataKey: open.dataKey,
      text: input.newPassphrase,
      kind: 'passphrase',
      userId: ctx.user.id,
      fileId: keys.fileId,
      now: nowIso(session.clock),
      cost: costFor(keys, session.kdfCost),
      sealKey,
      ...(mine.secret && !isLegacySlot(mine.slot) ? { keep: { id: mine.slot.id, secret: mine.secret } } : { id: mine.slot.id }),
    });
    // A slot from an older key file gets a key pair: a DSL's session seals the list again first (no
    // change for a current slot, which keeps its key pair and id).
    const sessionSealKey = open.sealKey;
    if (sessionSealKey) {
      const planned = plannedSlots(keys, { add: [prepared] });
      await ctx.db.transaction().execute((trx) => sealAccessNow(trx, sessionSealKey, open.fileId, planned, ctx));
    }
    putSlots(session.paths, { dataKey: open.dataKey, now: nowIso(session.clock), fileId: keys.fileId, add: [prepared] });
  } finally {
    disposeOpened(mine);
  }
  await recordSessionEvent(session, 'passphrase.changed', 'Changed passphrase');
  return { changed: true };
}
