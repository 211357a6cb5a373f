import type { Insertable, Selectable } from 'kysely';
import type { EscalationPartnershipTable, PartnershipNotificationsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// What an escalation's partnership forms say while it is open (the lead agency, the issues, the
// current position), and each time a form was sent to the partnership.

export type PartnershipRow = Selectable<EscalationPartnershipTable>;
export type NotificationRow = Selectable<PartnershipNotificationsTable> & { recorded_by_name: string };

export async function partnershipFor(db: ReadExecutor, escalationId: string): Promise<PartnershipRow | undefined> {
  return db.selectFrom('escalation_partnership').selectAll().where('escalation_id', '=', escalationId).executeTakeFirst();
}

export async function insertPartnership(db: Executor, row: Insertable<EscalationPartnershipTable>): Promise<void> {
  await db.insertInto('escalation_partnership').values(row).execute();
}

export async function updatePartnership(
  db: Executor,
  escalationId: string,
  changes: Partial<Pick<PartnershipRow, 'lead_agency' | 'policy_practice_issues' | 'current_position' | 'remaining_issues'>> &
    Pick<PartnershipRow, 'updated_by' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('escalation_partnership').set(changes).where('escalation_id', '=', escalationId).execute();
}

/** Oldest first. */
export async function notificationsFor(db: ReadExecutor, escalationId: string): Promise<NotificationRow[]> {
  return db
    .selectFrom('partnership_notifications')
    .innerJoin('users', 'users.id', 'partnership_notifications.recorded_by')
    .selectAll('partnership_notifications')
    .select('users.full_name as recorded_by_name')
    .where('partnership_notifications.escalation_id', '=', escalationId)
    .orderBy('partnership_notifications.sent_at')
    .execute();
}

export async function insertNotification(db: Executor, row: Insertable<PartnershipNotificationsTable>): Promise<void> {
  await db.insertInto('partnership_notifications').values(row).execute();
}
