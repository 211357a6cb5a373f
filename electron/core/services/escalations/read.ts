import type { z } from 'zod';
import type { listEscalationsInput, EscalationDetail, EscalationSummary } from '../../../../shared/schemas/escalations';
import type { AmendmentRow } from '../../../../db/queries/amendments';
import {
  actionsFor,
  entriesFor,
  findEscalation,
  learningReviewFor,
  listEscalationRows,
  resolutionFor,
  stageRecordsFor,
} from '../../../../db/queries/escalations';
import type { ReadExecutor } from '../../../../db/queries/executor';
import { notFound, type ReadContext } from '../context';
import { deadlineContext, type DeadlineContext } from '../deadline-context';
import { toEscalationDetail, toEscalationSummary } from './view';

// Reading escalations. Stage targets follow each escalation's own procedure snapshot (its
// timescale values), on the setting's calendar.

async function amendmentsByEntry(db: ReadExecutor, entryIds: string[]): Promise<Map<string, AmendmentRow[]>> {
  const grouped = new Map<string, AmendmentRow[]>();
  if (entryIds.length === 0) return grouped;
  const rows = await db
    .selectFrom('amendments')
    .selectAll()
    .where('entity_type', '=', 'stage-entry')
    .where('entity_id', 'in', entryIds)
    .orderBy('amended_at')
    .execute();
  for (const row of rows) grouped.set(row.entity_id, [...(grouped.get(row.entity_id) ?? []), row]);
  return grouped;
}

async function documentsFor(db: ReadExecutor, escalationId: string) {
  return db
    .selectFrom('documents')
    .innerJoin('users', 'users.id', 'documents.created_by')
    .select(['documents.id', 'documents.kind', 'documents.title', 'documents.created_at as createdAt', 'users.full_name as createdBy'])
    .where('documents.entity_type', '=', 'escalation')
    .where('documents.entity_id', '=', escalationId)
    .orderBy('documents.created_at', 'desc')
    .execute();
}

async function userNames(db: ReadExecutor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('users').select(['id', 'full_name']).execute();
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

/** Calendar and clock for escalations; each escalation's own timescale values come from its snapshot. */
export function escalationDeadlines(ctx: ReadContext): Promise<DeadlineContext> {
  return deadlineContext(ctx.db, ctx.clock, {});
}

export async function getEscalation(ctx: ReadContext, id: string): Promise<EscalationDetail> {
  const row = await findEscalation(ctx.db, id);
  if (!row) throw notFound('This escalation');
  const entries = await entriesFor(ctx.db, id);
  return toEscalationDetail(
    {
      row,
      records: (await stageRecordsFor(ctx.db, [id])).get(id) ?? [],
      entries,
      actions: await actionsFor(ctx.db, [id]),
      amendments: await amendmentsByEntry(
        ctx.db,
        entries.map((entry) => entry.id),
      ),
      userNames: await userNames(ctx.db),
      resolution: await resolutionFor(ctx.db, id),
      learningReview: await learningReviewFor(ctx.db, id),
      documents: await documentsFor(ctx.db, id),
    },
    await escalationDeadlines(ctx),
  );
}

export async function listEscalations(ctx: ReadContext, input: z.output<typeof listEscalationsInput>): Promise<EscalationSummary[]> {
  const rows = await listEscalationRows(ctx.db, {
    ...(input.childId ? { childId: input.childId } : {}),
    ...(input.status ? { status: input.status } : {}),
  });
  const records = await stageRecordsFor(
    ctx.db,
    rows.map((row) => row.id),
  );
  const deadlines = await escalationDeadlines(ctx);
  return rows.map((row) => toEscalationSummary(row, records.get(row.id) ?? [], deadlines));
}
