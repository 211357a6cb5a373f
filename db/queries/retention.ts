import { sql, type Selectable } from 'kysely';
import type { LegalHoldsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// Retention (IRMS toolkit: a child protection file is kept until the child's date of birth plus 25
// years, then reviewed): legal holds, the children past their review date, and the one deletion
// the app ever makes of records, which removes everything held about one child in one transaction.

export type LegalHoldRow = Selectable<LegalHoldsTable>;

export async function holdInForce(db: ReadExecutor, childId: string): Promise<LegalHoldRow | undefined> {
  return db.selectFrom('legal_holds').selectAll().where('child_id', '=', childId).where('lifted_at', 'is', null).executeTakeFirst();
}

export async function insertHold(db: Executor, hold: LegalHoldRow): Promise<void> {
  await db.insertInto('legal_holds').values(hold).execute();
}

export async function liftHold(
  db: Executor,
  id: string,
  lift: { lifted_at: string; lifted_by: string; lift_reason: string },
): Promise<void> {
  await db.updateTable('legal_holds').set(lift).where('id', '=', id).execute();
}

export interface RetentionCandidate {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  hold_reason: string | null;
}

/** Children whose date of birth is on or before `bornOnOrBefore` (i.e. whose review date has come), oldest first. */
export async function childrenBornOnOrBefore(db: ReadExecutor, bornOnOrBefore: string): Promise<RetentionCandidate[]> {
  return db
    .selectFrom('children')
    .leftJoin('legal_holds', (join) => join.onRef('legal_holds.child_id', '=', 'children.id').on('legal_holds.lifted_at', 'is', null))
    .select(['children.id', 'children.first_name', 'children.last_name', 'children.date_of_birth', 'legal_holds.reason as hold_reason'])
    .where('children.date_of_birth', '<=', bornOnOrBefore)
    .orderBy('children.date_of_birth')
    .orderBy('children.last_name')
    .execute();
}

/** What a disposal removed, counted by kind of record (for the metadata-only audit entry). */
export type DisposalCounts = Record<string, number>;

/**
 * Deletes everything held about one child: referrals and their events, escalations with their
 * stages, conversations, actions, outcomes and learning reviews, stored documents, amendments,
 * drafts, lifted legal holds, and the child. The amendments trigger allows this only while the
 * disposal marker is set, inside this transaction; the children trigger refuses while a hold is in force.
 */
export async function disposeOfChild(db: Executor, childId: string): Promise<DisposalCounts> {
  const escalationIds = (await db.selectFrom('escalations').select('id').where('child_id', '=', childId).execute()).map((row) => row.id);
  const referralIds = (await db.selectFrom('referrals').select('id').where('child_id', '=', childId).execute()).map((row) => row.id);
  const none = ['\u0000'];
  const escalations = escalationIds.length > 0 ? escalationIds : none;
  const referrals = referralIds.length > 0 ? referralIds : none;
  const entryIds = (await db.selectFrom('stage_entries').select('id').where('escalation_id', 'in', escalations).execute()).map(
    (row) => row.id,
  );
  const actionIds = (await db.selectFrom('escalation_actions').select('id').where('escalation_id', 'in', escalations).execute()).map(
    (row) => row.id,
  );
  const stageIds = (await db.selectFrom('escalation_stages').select('id').where('escalation_id', 'in', escalations).execute()).map(
    (row) => row.id,
  );
  const everyId = [childId, ...escalationIds, ...referralIds, ...entryIds, ...actionIds, ...stageIds];
  const counts: DisposalCounts = {};
  const count = (name: string, result: { numDeletedRows: bigint }[]) => {
    const n = result.reduce((sum, row) => sum + Number(row.numDeletedRows), 0);
    if (n > 0) counts[name] = (counts[name] ?? 0) + n;
  };

  await db.insertInto('disposal_in_progress').values({ child_id: childId }).execute();
  // What was owed of these records (kept as data, migration 0011): not a record, so not counted.
  await db.deleteFrom('deadlines').where('child_id', '=', childId).execute();
  count('amendments', await db.deleteFrom('amendments').where('entity_id', 'in', everyId).execute());
  for (const id of everyId) {
    count(
      'drafts',
      await db
        .deleteFrom('drafts')
        .where(sql<boolean>`instr(form_key, ${id}) > 0`)
        .execute(),
    );
  }
  count(
    'stored documents',
    await db
      .deleteFrom('documents')
      .where((eb) => eb.or([eb('child_id', '=', childId), eb('entity_id', 'in', everyId)]))
      .execute(),
  );
  count('agreed actions', await db.deleteFrom('escalation_actions').where('escalation_id', 'in', escalations).execute());
  count('learning reviews', await db.deleteFrom('learning_reviews').where('escalation_id', 'in', escalations).execute());
  count('partnership forms’ records', await db.deleteFrom('escalation_partnership').where('escalation_id', 'in', escalations).execute());
  count(
    'forms sent to the partnership',
    await db.deleteFrom('partnership_notifications').where('escalation_id', 'in', escalations).execute(),
  );
  count('outcome statements', await db.deleteFrom('escalation_resolutions').where('escalation_id', 'in', escalations).execute());
  count('conversations and decisions', await db.deleteFrom('stage_entries').where('escalation_id', 'in', escalations).execute());
  count('escalation stages', await db.deleteFrom('escalation_stages').where('escalation_id', 'in', escalations).execute());
  count('escalations', await db.deleteFrom('escalations').where('child_id', '=', childId).execute());
  count('referral events', await db.deleteFrom('referral_events').where('referral_id', 'in', referrals).execute());
  count('referrals', await db.deleteFrom('referrals').where('child_id', '=', childId).execute());
  await db.deleteFrom('legal_holds').where('child_id', '=', childId).execute();
  count('child records', await db.deleteFrom('children').where('id', '=', childId).execute());
  await db.deleteFrom('disposal_in_progress').where('child_id', '=', childId).execute();
  return counts;
}
