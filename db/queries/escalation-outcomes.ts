import type { InferResult, Insertable } from 'kysely';
import type { EscalationResolutionsTable, LearningReviewsTable } from '../schema';
import type { Executor, ReadExecutor } from './executor';

// How an escalation ended and what was learnt: the written statement of the outcome (one per
// resolved escalation) and the learning review (one per ended escalation).

function resolutionsWithRecorder(db: ReadExecutor) {
  return db
    .selectFrom('escalation_resolutions')
    .innerJoin('users', 'users.id', 'escalation_resolutions.recorded_by')
    .selectAll('escalation_resolutions')
    .select('users.full_name as recorded_by_name');
}

function reviewsWithReviewer(db: ReadExecutor) {
  return db
    .selectFrom('learning_reviews')
    .innerJoin('users', 'users.id', 'learning_reviews.reviewed_by')
    .selectAll('learning_reviews')
    .select('users.full_name as reviewed_by_name');
}

export type ResolutionRow = InferResult<ReturnType<typeof resolutionsWithRecorder>>[number];
export type LearningReviewRow = InferResult<ReturnType<typeof reviewsWithReviewer>>[number];

export async function resolutionFor(db: ReadExecutor, escalationId: string): Promise<ResolutionRow | undefined> {
  return resolutionsWithRecorder(db).where('escalation_id', '=', escalationId).executeTakeFirst();
}

/** The written statements of many escalations (a child's timeline), by escalation. */
export async function resolutionsOf(db: ReadExecutor, escalationIds: readonly string[]): Promise<Map<string, ResolutionRow>> {
  if (escalationIds.length === 0) return new Map();
  const rows = await resolutionsWithRecorder(db).where('escalation_id', 'in', escalationIds).execute();
  return new Map(rows.map((row) => [row.escalation_id, row]));
}

export async function insertResolution(db: Executor, row: Insertable<EscalationResolutionsTable>): Promise<void> {
  await db.insertInto('escalation_resolutions').values(row).execute();
}

export async function learningReviewFor(db: ReadExecutor, escalationId: string): Promise<LearningReviewRow | undefined> {
  return reviewsWithReviewer(db).where('escalation_id', '=', escalationId).executeTakeFirst();
}

/** The learning reviews of many escalations (a child's timeline), by escalation. */
export async function learningReviewsOf(db: ReadExecutor, escalationIds: readonly string[]): Promise<Map<string, LearningReviewRow>> {
  if (escalationIds.length === 0) return new Map();
  const rows = await reviewsWithReviewer(db).where('escalation_id', 'in', escalationIds).execute();
  return new Map(rows.map((row) => [row.escalation_id, row]));
}

export async function insertLearningReview(db: Executor, row: Insertable<LearningReviewsTable>): Promise<void> {
  await db.insertInto('learning_reviews').values(row).execute();
}
