import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatUkDate, formatUkDateTime, londonDateOf } from '../../../../shared/deadlines';
import { nextStage, skipTargets, trackById, trackFor, type Procedure, type Stage } from '../../../../shared/procedures';
import type {
  addActionInput,
  amendStageEntryInput,
  closeUnresolvedInput,
  completeActionInput,
  withdrawActionInput,
  escalateInput,
  learningReviewInput,
  openEscalationInput,
  recordStageEntryInput,
  resolveInput,
  setStepDoneInput,
} from '../../../../shared/schemas/escalations';
import { ApiFailure, fieldFailure } from '../../../../shared/result';
import { milestoneKeys, milestoneLabels } from '../../../../shared/referrals/milestones';
import { findChild } from '../../../../db/queries/children';
import { getSettings } from '../../../../db/queries/settings';
import { keepAmendments } from '../amendments';
import { findAction, insertAction, markActionDone, markActionWithdrawn } from '../../../../db/queries/escalation-actions';
import { insertLearningReview, insertResolution, learningReviewFor } from '../../../../db/queries/escalation-outcomes';
import {
  closeEscalation,
  endStageRecord,
  findEscalation,
  insertEscalation,
  insertStageRecord,
  setStepsDone,
  stageRecordsFor,
  type StageRecordRow,
} from '../../../../db/queries/escalations';
import type { Executor } from '../../../../db/queries/executor';
import { findEntry, insertEntry, stageHasEntry, updateEntryText } from '../../../../db/queries/stage-entries';
import { audit, notFound, nowIso, type ServiceContext } from '../context';
import { settingCalendar } from '../deadline-context';
import { settingProcedure } from '../procedures';
import { refuseFuture } from '../recorded-time';
import { actionAgreed, actionEnded, endEscalation, refreshEscalation } from '../deadlines/upkeep';
import {
  currentRecord,
  parseStepsDone,
  partiesOf,
  procedureOf,
  stageOf,
  stageTarget,
  targetStart,
  trackOf,
  type TargetStart,
} from './model';

// The escalation lifecycle: open → record at each stage → escalate by the procedure's routing →
// resolve with a written statement of the outcome (or close unresolved) → learning review. Each
// write is one transaction; each refuses what the procedure or the record's state doesn't allow,
// with a message saying why. Every write returns the escalation's id, so the caller shows the
// escalation as it now stands.

/** A missed milestone's name, from the key stored with the escalation. */
function missedMilestoneLabel(key: string): string {
  const known = milestoneKeys.find((candidate) => candidate === key);
  return known ? milestoneLabels[known] : 'The missed timescale';
}

function notInFuture(ctx: ServiceContext, iso: string, path: string, what: string): void {
  refuseFuture(ctx.clock, iso, path, `${what} cannot be in the future: record what has happened.`);
}

async function requireOpen(db: Executor, escalationId: string) {
  const row = await findEscalation(db, escalationId);
  if (!row) throw notFound('This escalation');
  if (row.status !== 'open') {
    throw new ApiFailure('conflict', 'This escalation is closed. Its records can be amended, but nothing new can be added to it.');
  }
  const records = (await stageRecordsFor(db, [escalationId])).get(escalationId) ?? [];
  const current = currentRecord(records);
  if (!current) throw new Error(`Open escalation ${escalationId} has no current stage.`);
  return { row, records, current };
}

function notBeforeStage(current: StageRecordRow, iso: string, path: string): void {
  if (Date.parse(iso) < Date.parse(current.started_at)) {
    throw fieldFailure(
      [path],
      'This is before the current stage began. Record it against the stage it belongs to, or amend that stage’s record.',
    );
  }
}

/**
 * The procedure a new escalation follows: the setting's chosen one, always, including for a missed
 * statutory timescale (no other partnership's procedure is ever used in its place).
 */
export async function procedureForNewEscalation(db: Executor): Promise<Procedure> {
  const chosen = await settingProcedure(db);
  if (chosen) return chosen;
  throw new ApiFailure('conflict', 'Choose your safeguarding partnership’s escalation procedure in Settings before opening an escalation.');
}

/** An escalation about a referral's missed milestone: which, the track the setting's procedure gives it, and when it fell due. */
export interface MissedMilestoneLink {
  referralId: string;
  missedMilestone: string;
  procedure: Procedure;
  trackId: string;
  /** When the milestone fell due, and its name ('Strategy discussion'). */
  missedDue: { at: string; label: string };
}

export async function openEscalation(
  ctx: ServiceContext,
  input: z.output<typeof openEscalationInput>,
  link: MissedMilestoneLink | null = null,
): Promise<string> {
  notInFuture(ctx, input.openedAt, 'openedAt', 'When the disagreement was raised');
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findChild(trx, input.childId))) throw notFound("This child's record");
    const procedure = link?.procedure ?? (await procedureForNewEscalation(trx));
    const track = link ? trackById(procedure, link.trackId) : trackFor(procedure, input.category);
    if (!track) throw fieldFailure(['category'], `${procedure.name} has no route for this kind of disagreement. Choose another.`);
    const first = track.stages[0];
    if (!first) throw new Error(`Track ${track.id} has no stages.`);
    const missed: TargetStart | null = link ? { at: link.missedDue.at, label: `${link.missedDue.label} fell due` } : null;
    const start = targetStart(first, first.target, { openedAt: input.openedAt, missed, previousTargetDueAt: null });
    const settings = await getSettings(trx);
    const snapshot = JSON.stringify(procedure);
    await insertEscalation(trx, {
      id,
      child_id: input.childId,
      referral_id: link?.referralId ?? null,
      missed_milestone: link?.missedMilestone ?? null,
      category: input.category,
      procedure_id: procedure.id,
      procedure_version: procedure.version,
      procedure_snapshot: snapshot,
      track_id: track.id,
      our_agency: settings.setting_type,
      other_agency_kind: input.otherAgencyKind,
      other_agency_name: input.otherAgencyName,
      other_professional_name: input.otherProfessional.name,
      other_professional_role: input.otherProfessional.role,
      other_professional_contact: input.otherProfessional.contact,
      concern: input.concern,
      areas_of_agreement: input.areasOfAgreement,
      areas_of_disagreement: input.areasOfDisagreement,
      risk_relevance: input.riskRelevance,
      outcome_sought: input.outcomeSought,
      immediate_risk: input.immediateRisk ? 1 : 0,
      immediate_referral_made_at: input.immediateReferral?.madeAt ?? null,
      immediate_referral_made_to: input.immediateReferral?.madeTo ?? null,
      status: 'open',
      opened_at: input.openedAt,
      opened_by: ctx.user.id,
      closed_at: null,
      closed_reason: null,
      missed_due_at: link?.missedDue.at ?? null,
    });
    await insertStageRecord(trx, {
      id: randomUUID(),
      escalation_id: id,
      stage_id: first.id,
      sequence: 1,
      started_at: input.openedAt,
      target_from_at: start?.at ?? null,
      target_from_label: start?.label ?? null,
      routing_reason: null,
      outcome: null,
      outcome_at: null,
      outcome_reason: null,
    });
    await audit(trx, ctx, 'escalation.opened', { type: 'escalation', id }, `Opened an escalation at ${first.label} (${procedure.name})`);
    await refreshEscalation(trx, ctx.clock, {
      id,
      child_id: input.childId,
      status: 'open',
      procedure_snapshot: snapshot,
      track_id: track.id,
    });
  });
  return id;
}

export async function recordStageEntry(ctx: ServiceContext, input: z.output<typeof recordStageEntryInput>): Promise<string> {
  notInFuture(ctx, input.occurredAt, 'occurredAt', 'When it happened');
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const { current } = await requireOpen(trx, input.escalationId);
    notBeforeStage(current, input.occurredAt, 'occurredAt');
    await insertEntry(trx, {
      id,
      escalation_id: input.escalationId,
      stage_record_id: current.id,
      occurred_at: input.occurredAt,
      method: input.method,
      participants: JSON.stringify(input.participants),
      summary: input.summary,
      decision: input.decision,
      rationale: input.rationale,
      told_of_outcome: JSON.stringify(input.toldOfOutcome),
      original_referrer_told: input.originalReferrerTold ? 1 : 0,
      created_at: nowIso(ctx.clock),
      created_by: ctx.user.id,
    });
    await audit(trx, ctx, 'escalation.entry', { type: 'escalation', id: input.escalationId }, 'Recorded a conversation and decision');
  });
  return input.escalationId;
}

export async function addAction(ctx: ServiceContext, input: z.output<typeof addActionInput>): Promise<string> {
  const id = randomUUID();
  const now = nowIso(ctx.clock);
  const agreedOn = input.agreedOn ?? londonDateOf(now);
  if (agreedOn > londonDateOf(now)) throw fieldFailure(['agreedOn'], 'The date it was agreed cannot be in the future.');
  if (input.dueDate < agreedOn) throw fieldFailure(['dueDate'], 'The date it is due cannot be before the date it was agreed.');
  await ctx.db.transaction().execute(async (trx) => {
    const { row, current } = await requireOpen(trx, input.escalationId);
    if (agreedOn < londonDateOf(row.opened_at)) {
      throw fieldFailure(['agreedOn'], `This is before the escalation was opened (${formatUkDate(row.opened_at)}).`);
    }
    if (input.entryId) {
      const entry = await findEntry(trx, input.entryId);
      if (!entry || entry.escalation_id !== input.escalationId)
        throw fieldFailure(['entryId'], 'That record is not part of this escalation.');
    }
    await insertAction(trx, {
      id,
      escalation_id: input.escalationId,
      stage_record_id: current.id,
      entry_id: input.entryId ?? null,
      description: input.description,
      owner_name: input.ownerName,
      owner_role: input.ownerRole,
      agreed_on: agreedOn,
      due_date: input.dueDate,
      done_at: null,
      done_note: null,
      done_by: null,
      created_at: now,
      created_by: ctx.user.id,
    });
    await audit(trx, ctx, 'escalation.action', { type: 'escalation', id: input.escalationId }, 'Agreed an action');
    await actionAgreed(trx, ctx.clock, row, { id, due_date: input.dueDate, done_at: null, withdrawn_at: null });
  });
  return input.escalationId;
}

/**
 * An action recorded as done, at the time it was really done: that may be before the action was
 * recorded (an action agreed at a meeting and entered afterwards, a visit made before anyone wrote it
 * down), never before the day it was agreed. Done before it was recorded needs the reason why.
 */
export async function completeAction(ctx: ServiceContext, input: z.output<typeof completeActionInput>): Promise<string> {
  notInFuture(ctx, input.doneAt, 'doneAt', 'When it was done');
  return ctx.db.transaction().execute(async (trx) => {
    const action = await findAction(trx, input.actionId);
    if (!action) throw notFound('This action');
    if (action.done_at !== null) throw new ApiFailure('conflict', 'This action is already recorded as done.');
    if (action.withdrawn_at !== null) {
      throw new ApiFailure(
        'conflict',
        'This action was withdrawn, so it cannot be recorded as done. The withdrawal and its reason stay on the record.',
      );
    }
    if (londonDateOf(input.doneAt) < action.agreed_on) {
      throw fieldFailure(['doneAt'], `An action cannot be done before it was agreed (${formatUkDate(action.agreed_on)}).`);
    }
    const backdated = Date.parse(input.doneAt) < Date.parse(action.created_at);
    if (backdated && input.backdatedReason === null) {
      throw fieldFailure(
        ['backdatedReason'],
        `This is before the action was recorded (${formatUkDateTime(action.created_at)}): say why it is recorded after it was done.`,
      );
    }
    await markActionDone(trx, action.id, {
      at: input.doneAt,
      note: input.note,
      by: ctx.user.id,
      backdatedReason: backdated ? input.backdatedReason : null,
    });
    await audit(trx, ctx, 'escalation.action.done', { type: 'escalation', id: action.escalation_id }, 'Recorded an action as done');
    await actionEnded(trx, action.id);
    return action.escalation_id;
  });
}

/** An action no longer wanted is kept, marked withdrawn with why; it is no longer due. */
export async function withdrawAction(ctx: ServiceContext, input: z.output<typeof withdrawActionInput>): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const action = await findAction(trx, input.actionId);
    if (!action) throw notFound('This action');
    if (action.done_at !== null) throw new ApiFailure('conflict', 'This action is recorded as done, so it cannot be withdrawn.');
    if (action.withdrawn_at !== null) throw new ApiFailure('conflict', 'This action is already withdrawn.');
    await markActionWithdrawn(trx, action.id, { at: nowIso(ctx.clock), reason: input.reason, by: ctx.user.id });
    await audit(trx, ctx, 'escalation.action.withdrawn', { type: 'escalation', id: action.escalation_id }, 'Withdrew an agreed action');
    await actionEnded(trx, action.id);
    return action.escalation_id;
  });
}

export async function setStepDone(ctx: ServiceContext, input: z.output<typeof setStepDoneInput>): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, current } = await requireOpen(trx, input.escalationId);
    if (current.stage_id !== input.stageId) throw new ApiFailure('conflict', 'Only the current stage’s checklist can be changed.');
    const stage = stageOf(trackOf(procedureOf(row), row), input.stageId);
    if (!stage.steps.some((step) => step.id === input.stepId)) throw fieldFailure(['stepId'], 'That step is not part of this stage.');
    const done = new Set(parseStepsDone(current.steps_done));
    if (input.done) done.add(input.stepId);
    else done.delete(input.stepId);
    await setStepsDone(trx, current.id, JSON.stringify([...done]));
    await audit(
      trx,
      ctx,
      'escalation.step',
      { type: 'escalation', id: input.escalationId },
      `${input.done ? 'Ticked' : 'Unticked'} a checklist step`,
    );
    return input.escalationId;
  });
}

async function requireEntryAtCurrentStage(db: Executor, current: StageRecordRow, doing: string): Promise<void> {
  if (!(await stageHasEntry(db, current.id))) {
    throw new ApiFailure(
      'conflict',
      `Record the conversation and decision at this stage before ${doing}: the procedure asks for every stage to be recorded.`,
    );
  }
}

/**
 * Escalation to the next stage the procedure's routing names, or — where the procedure allows it —
 * straight to a later stage the DSL chose, under the skip rule they chose (checked against the
 * escalation's own procedure snapshot and the parties), recorded as such on the new stage record.
 */
export async function escalate(ctx: ServiceContext, input: z.output<typeof escalateInput>): Promise<string> {
  notInFuture(ctx, input.escalatedAt, 'escalatedAt', 'When it was escalated');
  return ctx.db.transaction().execute(async (trx) => {
    const { row, records, current } = await requireOpen(trx, input.escalationId);
    notBeforeStage(current, input.escalatedAt, 'escalatedAt');
    await requireEntryAtCurrentStage(trx, current, 'escalating');
    const procedure = procedureOf(row);
    const track = trackOf(procedure, row);
    const parties = partiesOf(row);
    const next = nextStage(track, current.stage_id, parties);
    let target: { stage: Stage; reason: string | null; skipRule: string | null } | null = next ? { ...next, skipRule: null } : null;
    if (input.skipTo) {
      const { stageId, ruleId } = input.skipTo;
      const allowed = skipTargets(track, current.stage_id, parties).find((candidate) => candidate.stage.id === stageId);
      if (!allowed) {
        throw fieldFailure(
          ['skipTo', 'stageId'],
          'The procedure does not allow going straight to that stage from this one. Escalate to the next stage.',
        );
      }
      const rule = allowed.rules.find((candidate) => candidate.id === ruleId);
      if (!rule) throw fieldFailure(['skipTo', 'ruleId'], 'Choose which of the procedure’s reasons for going straight there applies.');
      target = { stage: allowed.stage, reason: rule.when, skipRule: rule.id };
    }
    if (!target) {
      throw new ApiFailure(
        'conflict',
        'This is the last stage of the procedure. Resolve the disagreement with a written statement of the outcome, or close it unresolved with the reason.',
      );
    }
    // The new stage's target may run from the stage before's target (when it fell due) or from the
    // missed timescale the escalation is about, rather than from now: work it out and keep it.
    const previousTarget = stageTarget(procedure, stageOf(track, current.stage_id), current, {
      calendar: await settingCalendar(trx),
      now: input.escalatedAt,
    });
    const missedDue = row.missed_due_at ?? null;
    const missedLabel = row.missed_milestone ? `${missedMilestoneLabel(row.missed_milestone)} fell due` : 'The missed timescale fell due';
    const start = targetStart(target.stage, target.stage.target, {
      openedAt: row.opened_at,
      missed: missedDue === null ? null : { at: missedDue, label: missedLabel },
      previousTargetDueAt: previousTarget?.dueAt ?? null,
    });
    await endStageRecord(trx, current.id, { outcome: 'escalated', outcome_at: input.escalatedAt, outcome_reason: input.reason });
    await insertStageRecord(trx, {
      id: randomUUID(),
      escalation_id: row.id,
      stage_id: target.stage.id,
      sequence: records.length + 1,
      started_at: input.escalatedAt,
      target_from_at: start?.at ?? null,
      target_from_label: start?.label ?? null,
      routing_reason: target.reason,
      skip_rule: target.skipRule,
      outcome: null,
      outcome_at: null,
      outcome_reason: null,
    });
    await audit(
      trx,
      ctx,
      'escalation.escalated',
      { type: 'escalation', id: row.id },
      target.skipRule
        ? `Went straight to ${target.stage.label}, past the stages between, as the procedure allows`
        : `Escalated to ${target.stage.label}`,
    );
    await refreshEscalation(trx, ctx.clock, row);
    return row.id;
  });
}

export async function resolve(ctx: ServiceContext, input: z.output<typeof resolveInput>): Promise<string> {
  notInFuture(ctx, input.resolvedAt, 'resolvedAt', 'When it was resolved');
  return ctx.db.transaction().execute(async (trx) => {
    const { row, current } = await requireOpen(trx, input.escalationId);
    notBeforeStage(current, input.resolvedAt, 'resolvedAt');
    await requireEntryAtCurrentStage(trx, current, 'resolving');
    const now = nowIso(ctx.clock);
    await endStageRecord(trx, current.id, {
      outcome: 'resolved',
      outcome_at: input.resolvedAt,
      outcome_reason: 'Resolved: written statement of the outcome agreed',
    });
    await closeEscalation(trx, row.id, { status: 'resolved', closed_at: input.resolvedAt });
    await insertResolution(trx, {
      escalation_id: row.id,
      resolved_at: input.resolvedAt,
      outcome_statement: input.outcomeStatement,
      consequent_actions: input.consequentActions,
      agreed_by: JSON.stringify(input.agreedBy),
      recorded_by: ctx.user.id,
      recorded_at: now,
    });
    await audit(trx, ctx, 'escalation.resolved', { type: 'escalation', id: row.id }, 'Recorded the written statement of the outcome');
    await endEscalation(trx, row.id);
    return row.id;
  });
}

export async function closeUnresolved(ctx: ServiceContext, input: z.output<typeof closeUnresolvedInput>): Promise<string> {
  notInFuture(ctx, input.closedAt, 'closedAt', 'When it was closed');
  return ctx.db.transaction().execute(async (trx) => {
    const { row, current } = await requireOpen(trx, input.escalationId);
    notBeforeStage(current, input.closedAt, 'closedAt');
    await endStageRecord(trx, current.id, { outcome: 'closed-unresolved', outcome_at: input.closedAt, outcome_reason: input.reason });
    await closeEscalation(trx, row.id, { status: 'closed-unresolved', closed_at: input.closedAt, closed_reason: input.reason });
    await audit(trx, ctx, 'escalation.closed', { type: 'escalation', id: row.id }, 'Closed without resolution');
    await endEscalation(trx, row.id);
    return row.id;
  });
}

export async function recordLearningReview(ctx: ServiceContext, input: z.output<typeof learningReviewInput>): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findEscalation(trx, input.escalationId);
    if (!row) throw notFound('This escalation');
    if (row.status === 'open')
      throw new ApiFailure('conflict', 'The learning review follows the end of the escalation: resolve or close it first.');
    if (await learningReviewFor(trx, row.id))
      throw new ApiFailure('conflict', 'A learning review is already recorded for this escalation.');
    if (input.reportedToPartnershipAt) notInFuture(ctx, input.reportedToPartnershipAt, 'reportedToPartnershipAt', 'When it was reported');
    await insertLearningReview(trx, {
      escalation_id: row.id,
      went_well: input.wentWell,
      went_badly: input.wentBadly,
      issues_for_partnership: input.issuesForPartnership,
      reported_to_partnership_at: input.reportedToPartnershipAt ?? null,
      reviewed_by: ctx.user.id,
      reviewed_at: nowIso(ctx.clock),
    });
    await audit(trx, ctx, 'escalation.learning', { type: 'escalation', id: row.id }, 'Recorded the learning review');
    return row.id;
  });
}

export async function amendStageEntry(ctx: ServiceContext, input: z.output<typeof amendStageEntryInput>): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await findEntry(trx, input.entryId);
    if (!entry) throw notFound('This record');
    const now = nowIso(ctx.clock);
    const fields = (['summary', 'decision', 'rationale'] as const).filter(
      (field) => input.changes[field] !== undefined && input.changes[field] !== entry[field],
    );
    if (fields.length === 0) throw fieldFailure(['changes'], 'Nothing was changed.');
    const update: { summary?: string; decision?: string; rationale?: string } = {};
    for (const field of fields) update[field] = input.changes[field];
    await updateEntryText(trx, entry.id, update);
    await keepAmendments(
      trx,
      ctx,
      { type: 'stage-entry', id: entry.id },
      fields.map((field) => ({ field, from: entry[field], to: input.changes[field] })),
      { reason: input.reason, at: now },
    );
    await audit(trx, ctx, 'escalation.entry.amended', { type: 'escalation', id: entry.escalation_id }, `Amended ${fields.join(', ')}`);
    return entry.escalation_id;
  });
}
