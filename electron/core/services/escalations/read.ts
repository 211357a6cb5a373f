import type { z } from 'zod';
import type { listEscalationsInput, EscalationDetail, EscalationSummary } from '../../../../shared/schemas/escalations';
import { amendmentsByEntity } from '../../../../db/queries/amendments';
import { documentsAbout } from '../../../../db/queries/documents';
import { actionsFor } from '../../../../db/queries/escalation-actions';
import { learningReviewFor, resolutionFor } from '../../../../db/queries/escalation-outcomes';
import { findEscalation, listEscalationRows, stageRecordsFor } from '../../../../db/queries/escalations';
import { notificationsFor, partnershipFor } from '../../../../db/queries/escalation-partnership';
import { entriesFor } from '../../../../db/queries/stage-entries';
import { userNames } from '../../../../db/queries/users';
import { notFound, type ReadContext } from '../context';
import { deadlineContext, type DeadlineContext } from '../deadline-context';
import { latestProcedure } from '../procedures';
import { procedureOf } from './model';
import { toEscalationDetail, toEscalationSummary } from './view';

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
