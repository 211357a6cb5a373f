import type { Executor, ReadExecutor } from './executor';

// The recovery slot the DSL confirmed as printed and stored: checked at every DSL unlock.

export async function confirmedRecoverySlot(db: ReadExecutor): Promise<string | null> {
  const row = await db.selectFrom('key_checks').select('recovery_slot_id').where('id', '=', 1).executeTakeFirst();
  return row?.recovery_slot_id ?? null;
}

export async function setConfirmedRecoverySlot(db: Executor, slotId: string | null, at: string): Promise<void> {
  await db.updateTable('key_checks').set({ recovery_slot_id: slotId, checked_at: at }).where('id', '=', 1).execute();
}
