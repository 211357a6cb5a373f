import type { z } from 'zod';
import { costFor, loadKeySlots, plannedSlots, prepareSlot, putSlots, recoverySlotId } from '../../../db/vault';
import { normaliseRecoveryKey } from '../../../db/recovery-key';
import { setConfirmedRecoverySlot } from '../../../db/queries/key-checks';
import { generateRecoveryKey } from '../../../db/recovery-key';
import { getSettings, updateSettings } from '../../../db/queries/settings';
import { ApiFailure } from '../../../shared/result';
import type { DocumentFile } from '../../../shared/api';
import type { confirmRecoveryKeyStoredInput, NewRecoveryKey, RecoverySheet, SessionStatus } from '../../../shared/schemas/session';
import { audit, nowIso, type SessionContext } from '../services/context';
import { outsideQueue, type OutsideQueue } from '../outside-queue';
import { recordSessionEvent, rotationWords } from './open-file';
import { status } from './unlock';
import { owe, rotateOpenFile, sealAccessNow } from './key-changes';

// The recovery key after setup: its printable sheet (from memory, never stored), the DSL's
// confirmation that it is stored, and replacing it in two steps so the setting is never left
// without a key it holds.
// The sheet is printed by the page from what recoverySheet answers (the print dialog; no file is
// made). A PDF copy, which would land in Downloads, is made only when the DSL chooses it after a
// warning (recoverySheetCopy), and both are logged.

/** The pending key, or why there is none to print. */
async function sheetOf(ctx: SessionContext): Promise<RecoverySheet> {
  const pending = ctx.session.pendingRecoveryKey;
  if (!pending) {
    throw new ApiFailure(
      'conflict',
      'A recovery key can only be printed straight after it is made. Make a new recovery key to print a new sheet.',
    );
  }
  const settings = await getSettings(ctx.db);
  return {
    settingName: settings.setting_name,
    dslName: ctx.user.fullName,
    recoveryKey: pending.recoveryKey,
    createdAt: pending.createdAt,
    fileId: pending.fileId,
  };
}

/** What the printed sheet shows, for the page to print from memory. */
export async function recoverySheet(ctx: SessionContext): Promise<RecoverySheet> {
  const sheet = await sheetOf(ctx);
  await recordSessionEvent(ctx.session, 'recovery.sheet', 'Opened the recovery sheet to print');
  return sheet;
}

/** The sheet as a PDF file, only when the DSL chose to save a copy after the warning (the input says so). */
export async function recoverySheetCopy(ctx: SessionContext): Promise<OutsideQueue<DocumentFile>> {
  const sheet = await sheetOf(ctx);
  return outsideQueue(async () => {
    const pdf = await ctx.renderDocument({ document: 'recovery-sheet', input: sheet });
    return async () => {
      await recordSessionEvent(ctx.session, 'recovery.sheet.saved', 'Saved a copy of the recovery sheet as a PDF file, after the warning');
      return { fileName: 'Escalation Log recovery sheet.pdf', mimeType: 'application/pdf', base64: pdf.toString('base64') };
    };
  });
}

export async function confirmRecoveryKeyStored(
  ctx: SessionContext,
  input: z.output<typeof confirmRecoveryKeyStoredInput>,
): Promise<SessionStatus> {
  const { session } = ctx;
  const pending = session.pendingRecoveryKey;
  const open = session.requireOpen();
  if (!pending) throw new ApiFailure('conflict', 'There is no new recovery key waiting to be confirmed.');
  // Only now does a replacement key take the place of the old one in the key file; then the data key
  // is replaced, so the old sheet together with an old copy of the key file opens nothing new.
  let slotId: string | null;
  const now = nowIso(session.clock);
  if (pending.replacesCurrent) {
    const compact = normaliseRecoveryKey(pending.recoveryKey);
    if (compact === null) throw new Error('The new recovery key failed its own format check.');
    const keys = loadKeySlots(session.paths).file;
    const prepared = await prepareSlot({
      dataKey: open.dataKey,
      text: compact,
      kind: 'recovery',
      userId: null,
      fileId: keys.fileId,
      now,
      cost: costFor(keys, session.kdfCost),
      sealKey: open.sealKey,
    });
    const change = { add: [prepared], replacesRecovery: true };
    // Owed and sealed first, then the key file: a crash in between leaves the key file as the seal before said.
    await ctx.db.transaction().execute(async (trx) => {
      await owe(trx, 'the recovery key was replaced');
      if (open.sealKey) await sealAccessNow(trx, open.sealKey, open.fileId, plannedSlots(keys, change), ctx);
    });
    putSlots(session.paths, { dataKey: open.dataKey, now, fileId: keys.fileId, ...change });
    slotId = prepared.slot.id;
  } else {
    slotId = recoverySlotId(session.paths);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateSettings(trx, { recovery_key_confirmed_at: now, recovery_key_stored_where: input.storedWhere });
    // The slot on the stored sheet: checked at every DSL unlock (session/open-file.ts).
    await setConfirmedRecoverySlot(trx, slotId, now);
    await audit(
      trx,
      ctx,
      'recovery.confirmed',
      null,
      pending.replacesCurrent
        ? 'Confirmed the new recovery sheet is stored safely; the old recovery key no longer works'
        : 'Confirmed the recovery sheet is stored safely',
    );
  });
  session.pendingRecoveryKey = null;
  if (pending.replacesCurrent) {
    const done = await rotateOpenFile(session, { summary: 'Replaced the recovery key.' });
    if (done.notCarried.length > 0) session.requireOpen().warnings.push(rotationWords(done, false));
  }
  session.pendingRecoveryKey = null;
  return status(session);
}

/** Makes a new recovery key to show once. The current key keeps working until the new sheet is confirmed as stored. */
export async function replaceRecoveryKey(ctx: SessionContext): Promise<NewRecoveryKey> {
  const { session } = ctx;
  const open = session.requireOpen();
  const now = nowIso(session.clock);
  const recoveryKey = generateRecoveryKey();
  // The key file always holds a recovery key (the one made at setup, at least): a new one replaces it.
  session.pendingRecoveryKey = { recoveryKey, fileId: open.fileId, createdAt: now, replacesCurrent: true };
  await ctx.db
    .transaction()
    .execute((trx) => audit(trx, ctx, 'recovery.new', null, 'Made a new recovery key (not in use until its sheet is confirmed as stored)'));
  return { recoveryKey, fileId: open.fileId };
}

/** Drops a new recovery key that was never confirmed: the one on the stored sheet stays in use. */
export async function keepCurrentRecoveryKey(ctx: SessionContext): Promise<SessionStatus> {
  const { session } = ctx;
  const pending = session.pendingRecoveryKey;
  if (!pending?.replacesCurrent) throw new ApiFailure('conflict', 'There is no stored recovery key to keep: confirm the new one instead.');
  const settings = await getSettings(ctx.db);
  if (settings.recovery_key_confirmed_at === null)
    throw new ApiFailure('conflict', 'The current recovery key was never confirmed as stored: confirm the new one instead.');
  session.pendingRecoveryKey = null;
  await ctx.db
    .transaction()
    .execute((trx) => audit(trx, ctx, 'recovery.kept', null, 'Kept the stored recovery key; the new one was not used'));
  return status(session);
}
