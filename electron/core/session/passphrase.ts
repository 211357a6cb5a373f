import type { z } from 'zod';
import { updateSlots, verifyPassphrase } from '../../../db/vault';
import { fieldFailure } from '../../../shared/result';
import type { changePassphraseInput } from '../../../shared/schemas/session';
import { nowIso, type SessionContext } from '../services/context';
import { recordSessionEvent, withKeyFile } from './open-file';

// Changing one's own passphrase rewraps that person's key slot only: the data key, the records
// file and everyone else's slots are untouched (no rekey).

export async function changePassphrase(ctx: SessionContext, input: z.output<typeof changePassphraseInput>): Promise<{ changed: true }> {
  const { session } = ctx;
  const open = session.requireOpen();
  if (!(await withKeyFile(() => verifyPassphrase(session.paths, ctx.user.id, input.currentPassphrase)))) {
    throw fieldFailure(['currentPassphrase'], 'That is not your current passphrase.');
  }
  if (input.currentPassphrase === input.newPassphrase) {
    throw fieldFailure(['newPassphrase'], 'Choose a passphrase different from the current one.');
  }
  await updateSlots(session.paths, {
    dataKey: open.dataKey,
    now: nowIso(session.clock),
    passphraseFor: { userId: ctx.user.id, passphrase: input.newPassphrase },
    ...(session.kdfCost ? { cost: session.kdfCost } : {}),
  });
  await recordSessionEvent(session, 'passphrase.changed', 'Changed passphrase');
  return { changed: true };
}
