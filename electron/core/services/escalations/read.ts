import type { z } from 'zod';
import type { listEscalationsInput, EscalationDetail, EscalationSummary } from '../../../../shared/schemas/escalations';
import { amendmentsByEntity } from '../../../../db/queries/amendments';
import { documentsAbout } from '../../../../db/queries/documents';
import { actionsFor } from '../../../../db/queries/escalation-actions';
import { learningReviewFor, resolutionFor } from '../../../../db/queries/escalation-outcomes';
import { findEscalation, stageRecordsFor } from '../../../../db/queries/escalations';
import { escalationsPage } from '../../../../db/queries/lists';
import { notificationsFor, partnershipFor } from '../../../../db/queries/escalation-partnership';
import { entriesFor } from '../../../../db/queries/stage-entries';
import { userNames } from '../../../../db/queries/users';
import { notFound, type ReadContext } from '../context';
import { deadlineContext, type DeadlineContext } from '../deadline-context';
import { latestProcedure } from '../procedures';
import { procedureOf } from './model';
import { toEscalationDetail, toEscalationSummary } from './view';
import { withSnapshots } from './snapshots';
import { decodeCursor, pageLimit, pageOf } from '../paging';
import type { Page } from '../../../../shared/schemas/paging';

// Reading escalations. Stage targets follow each escalation's own procedure snapshot (its rules),
// counted in the working days both agencies share. Local contacts are the exception: they are kept
// up to date in one place, the procedure's latest version, so an open escalation shows them as they
// are now.

/** Calendar and clock for escalations; each escalation's own rules come from its snapshot. */
export function escalationDeadlines(ctx: ReadContext): Promise<DeadlineContext> {
  return deadlineContext(ctx.db, ctx.clock);
}

export async function getEscalation(ctx: ReadContext, id: string): Promise<EscalationDetail> {
  const row = await findEscalation(ctx.db, id);
  if (!row) throw notFound('This escalation');
  const entries = await entriesFor(ctx.db, id);
  const latest = await latestProcedure(ctx.db, row.procedure_id);
  return toEscalationDetail(
    {
      row,
      records: (await stageRecordsFor(ctx.db, [id])).get(id) ?? [],
      entries,
      actions: await actionsFor(ctx.db, [id]),
      amendments: await amendmentsByEntity(
        ctx.db,
        'stage-entry',
        entries.map((entry) => entry.id),
      ),
      userNames: await userNames(ctx.db),
      resolution: await resolutionFor(ctx.db, id),
      learningReview: await learningReviewFor(ctx.db, id),
      documents: await documentsAbout(ctx.db, { type: 'escalation', id }),
      contacts: (latest ?? procedureOf(row)).contacts,
      partnership: await partnershipFor(ctx.db, id),
      partnershipAmendments: (await amendmentsByEntity(ctx.db, 'escalation-partnership', [id])).get(id) ?? [],
      notifications: await notificationsFor(ctx.db, id),
    },
    await escalationDeadlines(ctx),
  );
}

/**
 * A page of escalations, newest first, filtered in SQL (db/queries/lists.ts) from covering indexes;
 * each row's stage and target worked out from its own snapshot (read once per distinct snapshot).
 */
export async function listEscalations(ctx: ReadContext, input: z.output<typeof listEscalationsInput>): Promise<Page<EscalationSummary>> {
  const { limit, fetch } = pageLimit(input.limit);
  const after = decodeCursor(input.cursor, 2);
  const { rows, total } = await escalationsPage(ctx.db, {
    filter: {
      childId: input.childId,
      status: input.status,
      category: input.category,
      agencyKind: input.agencyKind,
      stageId: input.stageId,
      opened: { from: input.from, to: input.to },
    },
    after: after ? { at: after[0] ?? '', id: after[1] ?? '' } : null,
    limit: fetch,
  });
  const shown = await withSnapshots(ctx.db, rows.slice(0, limit));
  const records = await stageRecordsFor(
    ctx.db,
    shown.map((row) => row.id),
  );
  const deadlines = await escalationDeadlines(ctx);
  const summaries = new Map(shown.map((row) => [row.id, toEscalationSummary(row, records.get(row.id) ?? [], deadlines)]));
  return pageOf(
    rows,
    limit,
    total,
    (row) => {
      const summary = summaries.get(row.id);
      if (!summary) throw new Error(`Escalation ${row.id} was not summarised.`);
      return summary;
    },
    (row) => [row.opened_at, row.id],
  );
}
