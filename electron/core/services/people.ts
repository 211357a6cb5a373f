import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { addUserInput, removeUserInput, UserView } from '../../../shared/schemas/users';
import { roleLabels } from '../../../shared/people/roles';
import { ApiFailure, fieldFailure } from '../../../shared/result';
import { unlockWithPassphrase, updateSlots } from '../../../db/vault';
import { disableUser, findUser, insertUser, listPeople } from '../../../db/queries/users';
import { audit, notFound, nowIso, type ReadContext, type SessionContext } from './context';

// People: each has their own passphrase slot, so losing one person's passphrase, or removing them,
// never touches anyone else's access or the records.

export async function listUsers({ db }: Pick<ReadContext, 'db'>): Promise<UserView[]> {
  return listPeople(db);
}

export async function addUser(ctx: SessionContext, input: z.output<typeof addUserInput>): Promise<UserView[]> {
  const { session } = ctx;
  const open = session.requireOpen();
  // Unlock finds a person by the slot their passphrase opens, so no two people may share one.
  const taken = await unlockWithPassphrase(session.paths, input.passphrase);
  if (taken) {
    taken.dataKey.fill(0);
    throw fieldFailure(['passphrase'], 'Choose a different passphrase: each person needs their own.');
  }
  const id = randomUUID();
  const now = nowIso(session.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, { id, full_name: input.fullName, role: input.role, created_at: now, disabled_at: null });
    await audit(trx, ctx, 'user.added', { type: 'user', id }, `Added ${input.fullName} as ${roleLabels[input.role]}`);
    // The slot is written inside the transaction's lifetime: if it fails, the person is not added.
    await updateSlots(session.paths, {
      dataKey: open.dataKey,
      now,
      passphraseFor: { userId: id, passphrase: input.passphrase },
      ...(session.kdfCost ? { cost: session.kdfCost } : {}),
    });
  });
  return listUsers(ctx);
}

export async function removeUser(ctx: SessionContext, input: z.output<typeof removeUserInput>): Promise<UserView[]> {
  const { session } = ctx;
  const open = session.requireOpen();
  if (input.id === ctx.user.id) throw new ApiFailure('conflict', 'You cannot remove yourself. Another Designated Safeguarding Lead can.');
  const user = await findUser(ctx.db, input.id);
  if (!user) throw notFound('This person');
  if (user.disabled_at !== null) throw new ApiFailure('conflict', `${user.full_name} has already been removed.`);
  await ctx.db.transaction().execute(async (trx) => {
    await disableUser(trx, user.id, nowIso(session.clock));
    await audit(trx, ctx, 'user.removed', { type: 'user', id: user.id }, `Removed ${user.full_name}'s access`);
    await updateSlots(session.paths, { dataKey: open.dataKey, now: nowIso(session.clock), removeUser: user.id });
  });
  return listUsers(ctx);
}
