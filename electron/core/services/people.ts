import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { addUserInput, removeUserInput, UserView } from '../../../shared/schemas/users';
import { roleLabels } from '../../../shared/people/roles';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import { costFor, loadKeySlots, plannedSlots, prepareSlot, putSlots } from '../../../db/vault';
import { isLegacySlot } from '../../../db/keyslots';
import { disableUser, findUser, insertUser, listPeople } from '../../../db/queries/users';
import { audit, notFound, nowIso, type ReadContext, type SessionContext } from './context';
import { owe, rotateOpenFile, sealAccessNow } from '../session/key-changes';
import { passphraseInUse } from '../session/passphrase';
import { rotationWords, withKeyFile } from '../session/open-file';

// People: each has their own passphrase slot, so losing one person's passphrase, or removing them,
// never touches anyone else's access or the records.

export async function listUsers({ db }: Pick<ReadContext, 'db'>): Promise<UserView[]> {
  return listPeople(db);
}

export async function addUser(ctx: SessionContext, input: z.output<typeof addUserInput>): Promise<UserView[]> {
  const { session } = ctx;
  const open = session.requireOpen();
  // Unlock finds a person by the slot their passphrase opens, so no two people may share one.
  if ((await withKeyFile(() => passphraseInUse(ctx, input.passphrase, null))) !== null) {
    throw fieldFailure(['passphrase'], 'Choose a different passphrase: each person needs their own.');
  }
  const id = randomUUID();
  const now = nowIso(session.clock);
  const keys = loadKeySlots(session.paths).file;
  // A DSL's slot holds the seal key (so they can check the list of who has access); no one else's does.
  const sealKey = input.role === 'dsl' ? open.sealKey : null;
  if (input.role === 'dsl' && !sealKey) {
    throw new ApiFailure('conflict', 'Lock and unlock again before adding a Designated Safeguarding Lead (the seal key is not open).');
  }
  const prepared = await prepareSlot({
    dataKey: open.dataKey,
    text: input.passphrase,
    kind: 'passphrase',
    userId: id,
    fileId: keys.fileId,
    now,
    cost: costFor(keys, session.kdfCost),
    sealKey,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, { id, full_name: input.fullName, role: input.role, created_at: now, disabled_at: null });
    await audit(trx, ctx, 'user.added', { type: 'user', id }, `Added ${input.fullName} as ${roleLabels[input.role]}`);
    if (open.sealKey) await sealAccessNow(trx, open.sealKey, open.fileId, plannedSlots(keys, { add: [prepared] }), ctx);
    // The slot is written inside the transaction's lifetime: if it fails, the person is not added (and
    // if the process dies before the transaction ends, the slot names no one and is removed later).
    putSlots(session.paths, { dataKey: open.dataKey, now, fileId: keys.fileId, add: [prepared] });
  });
  return listUsers(ctx);
}

/**
 * Removes a person's access and replaces the data key, so a copy of the key file they kept (or one
 * left in a backup or a temp file) opens nothing recorded from now on. The rotation is recorded as
 * owed in the same transaction as the removal, so a crash before it is made is finished at the next
 * unlock. Takes a few seconds (the records file is copied and re-encrypted).
 */
export async function removeUser(ctx: SessionContext, input: z.output<typeof removeUserInput>): Promise<UserView[]> {
  const { session } = ctx;
  const open = session.requireOpen();
  if (input.id === ctx.user.id) throw new ApiFailure('conflict', 'You cannot remove yourself. Another Designated Safeguarding Lead can.');
  const user = await findUser(ctx.db, input.id);
  if (!user) throw notFound('This person');
  if (user.disabled_at !== null) throw new ApiFailure('conflict', `${user.full_name} has already been removed.`);
  const keys = loadKeySlots(session.paths).file;
  const kept = keys.slots.filter((slot) => !isLegacySlot(slot) && !(slot.kind === 'passphrase' && slot.userId === user.id));
  await ctx.db.transaction().execute(async (trx) => {
    await disableUser(trx, user.id, nowIso(session.clock));
    await audit(trx, ctx, 'user.removed', { type: 'user', id: user.id }, `Removed ${user.full_name}'s access`);
    await owe(trx, `${user.full_name}'s access was removed`);
    if (open.sealKey) await sealAccessNow(trx, open.sealKey, open.fileId, kept, ctx);
  });
  const done = await rotateOpenFile(session, { summary: `Removed ${user.full_name}'s access.` });
  if (done.notCarried.length > 0) session.requireOpen().warnings.push(rotationWords(done, false));
  return listUsers({ db: session.requireOpen().db });
}
