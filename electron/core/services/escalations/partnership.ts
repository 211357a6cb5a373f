import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatUkDateTime } from '../../../../shared/deadlines';
import { formTitles } from '../../../../shared/procedures';
import type { recordFormSentInput, recordPartnershipInput } from '../../../../shared/schemas/escalations';
import { ApiFailure, fieldFailure } from '../../../../shared/result';
import { keepAmendments } from '../amendments';
import { insertNotification, insertPartnership, partnershipFor, updatePartnership } from '../../../../db/queries/escalation-partnership';
import { findEscalation, stageRecordsFor } from '../../../../db/queries/escalations';
import { audit, notFound, nowIso, type ServiceContext } from '../context';
import { refuseFuture } from '../recorded-time';
import { availableDocuments, currentRecord, procedureOf, stageOf, trackOf } from './model';

// What a partnership’s form says while the escalation is open. The CSCP’s form is completed at
// stage 3 "whether resolved or not", and Liverpool's Report to LSCB at stage 3: so the lead agency
// (which may be the other agency, not the setting), the policy or practice issues, the current
// position and the remaining issues are recorded at any stage, open or closed, not only in the
// learning review that follows the end. A change keeps the old words as an amendment. Each time a
// form is sent to the partnership, the DSL records when.

const fields = [
  ['lead_agency', 'leadAgency', 'Lead agency'],
  ['policy_practice_issues', 'policyPracticeIssues', 'Policy or practice issues'],
  ['current_position', 'currentPosition', 'Current position'],
  ['remaining_issues', 'remainingIssues', 'Remaining issues'],
] as const;

export async function recordPartnership(ctx: ServiceContext, input: z.output<typeof recordPartnershipInput>): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findEscalation(trx, input.escalationId);
    if (!row) throw notFound('This escalation');
    const now = nowIso(ctx.clock);
    const existing = await partnershipFor(trx, row.id);
    if (!existing) {
      await insertPartnership(trx, {
        escalation_id: row.id,
        lead_agency: input.leadAgency,
        policy_practice_issues: input.policyPracticeIssues,
        current_position: input.currentPosition,
        remaining_issues: input.remainingIssues,
        updated_by: ctx.user.id,
        updated_at: now,
      });
      await audit(trx, ctx, 'escalation.partnership', { type: 'escalation', id: row.id }, 'Recorded what the partnership’s form says');
      return row.id;
    }
    const changed = fields.filter(([column, key]) => existing[column] !== input[key]);
    if (changed.length === 0) throw fieldFailure(['currentPosition'], 'Nothing was changed.');
    // Why it changed: where the escalation had got to. The old words are kept with it.
    const records = (await stageRecordsFor(trx, [row.id])).get(row.id) ?? [];
    const current = currentRecord(records);
    const reason = current
      ? `Updated at ${stageOf(trackOf(procedureOf(row), row), current.stage_id).label}`
      : 'Updated after the escalation ended';
    await keepAmendments(
      trx,
      ctx,
      { type: 'escalation-partnership', id: row.id },
      changed.map(([column, key, label]) => ({ field: label, from: existing[column], to: input[key] })),
      { reason, at: now },
    );
    await updatePartnership(trx, row.id, {
      lead_agency: input.leadAgency,
      policy_practice_issues: input.policyPracticeIssues,
      current_position: input.currentPosition,
      remaining_issues: input.remainingIssues,
      updated_by: ctx.user.id,
      updated_at: now,
    });
    await audit(
      trx,
      ctx,
      'escalation.partnership',
      { type: 'escalation', id: row.id },
      `Updated what the partnership’s form says: ${changed.map(([, , label]) => label.toLowerCase()).join(', ')}`,
    );
    return row.id;
  });
}

/** "Sent to the partnership on …": only for a form the escalation's procedure has called for at a stage reached. */
export async function recordFormSent(ctx: ServiceContext, input: z.output<typeof recordFormSentInput>): Promise<string> {
  refuseFuture(ctx.clock, input.sentAt, 'sentAt', 'When it was sent cannot be in the future: record what has happened.');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findEscalation(trx, input.escalationId);
    if (!row) throw notFound('This escalation');
    const records = (await stageRecordsFor(trx, [row.id])).get(row.id) ?? [];
    const available = availableDocuments(row, trackOf(procedureOf(row), row), records);
    if (!available.some((document) => document.kind === input.form)) {
      throw new ApiFailure('conflict', `The procedure has not called for the ${formTitles[input.form]} at the stages reached so far.`);
    }
    if (Date.parse(input.sentAt) < Date.parse(row.opened_at)) {
      throw fieldFailure(['sentAt'], `This is before the escalation was opened (${formatUkDateTime(row.opened_at)}).`);
    }
    await insertNotification(trx, {
      id: randomUUID(),
      escalation_id: row.id,
      form: input.form,
      sent_at: input.sentAt,
      note: input.note,
      recorded_by: ctx.user.id,
      recorded_at: nowIso(ctx.clock),
    });
    await audit(
      trx,
      ctx,
      'escalation.form-sent',
      { type: 'escalation', id: row.id },
      `Recorded the ${formTitles[input.form]} as sent to the partnership`,
    );
    return row.id;
  });
}
