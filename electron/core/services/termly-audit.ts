import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { DocumentFile } from '../../../shared/api';
import { regionLabels, timescaleIds, timescaleRule, type Rule } from '../../../shared/deadlines';
import { agencyKindLabels, agencyKinds } from '../../../shared/escalations/agency-kinds';
import { roleLabels } from '../../../shared/people/roles';
import { categoryLabel, formTitles, type Procedure } from '../../../shared/procedures';
import { owedBySetting } from '../../../shared/referrals/milestones';
import { termlyAudit } from '../../../shared/termly-audit/figures';
import {
  comparisonPeriods,
  periodBounds,
  resolvePeriod,
  type AuditPeriod,
  type ResolvedPeriod,
} from '../../../shared/termly-audit/periods';
import type { runTermlyAuditInput, termlyAuditDocumentInput, TermlyAuditDocumentSummary } from '../../../shared/termly-audit/schemas';
import type { AuditEscalationFact, AuditFacts, AuditReferralFact, TermlyAudit } from '../../../shared/termly-audit/types';
import type { ReadExecutor } from '../../../db/queries/executor';
import { listClosureDates } from '../../../db/queries/closures';
import { getSettings } from '../../../db/queries/settings';
import {
  auditActionRows,
  auditDocumentRows,
  auditEntryRows,
  auditEscalationRows,
  auditLearningReviewRows,
  auditReferralEventRows,
  auditReferralRows,
  auditResolutionRows,
  auditSnapshots,
  auditStageRows,
  reviewedIn,
  snapshotKey,
  staffNames,
  termlyAuditDocuments,
  type AuditWindow,
} from '../../../db/queries/termly-audit';
import { TERMLY_AUDIT_TITLE } from '../documents/termly-audit';
import { outsideQueue, type OutsideQueue } from '../outside-queue';
import { nowIso, type ReadContext } from './context';
import { escalationDeadlines } from './escalations/read';
import { actionDeadline, parsePeople, procedureOf, stageOf, stageTarget, trackOf } from './escalations/model';
import { referralDeadlineContext, toReferral } from './referrals';
import { neutralFileName, storeDocument } from './documents';
import { settingProcedure } from './procedures';
import { termsOfSetting } from './term-dates';
import { checkRecordsIntegrity } from './integrity';

// The termly audit: the records that can matter to the period (and the three it is compared with)
// are read, each deadline is worked out by its own model — referral milestones by the milestones
// model, stage targets and agreed actions by the escalation model — and the figures are a pure
// function of those facts (shared/termly-audit/figures.ts). A `read` method: read-only users (a
// head teacher, a governor) can run it and make its PDF, which is kept with its fingerprint and logged.

/**
 * How far before a period a record can start and still have a deadline due in it: the longest
 * timescale, national or the setting's procedure's own (a review conference's six months today),
 * and a month to spare. Worked out from the timescales, so a longer one widens it.
 */
const SPARE_DAYS = 31;

function ruleSpanDays(rule: Rule): number {
  switch (rule.kind) {
    case 'same-day':
      return 1;
    case 'hours':
      return Math.ceil(rule.hours / 24) + 1;
    case 'working-days':
      // Five working days a week, and room for a fortnight of holidays.
      return Math.ceil((rule.days * 7) / 5) + 14;
    case 'working-weeks':
      return rule.weeks * 7 + 14;
    case 'months':
      return rule.months * 31 + 1;
  }
}

/** Every rule a deadline can be worked out by: the national timescales, and the procedure's own (referral and stage targets). */
function rulesOf(procedure: Procedure | null): Rule[] {
  const national = timescaleIds.map((id) => timescaleRule(id));
  if (!procedure) return national;
  const local = procedure.localTimescales;
  const referral = [local['written-follow-up'], local['strategy-minutes'], ...Object.values(local['strategy-discussion'])];
  const targets = procedure.tracks.flatMap((track) => track.stages.map((stage) => stage.target));
  return [...national, ...[...referral, ...targets].flatMap((timescale) => (timescale ? [timescale.rule] : []))];
}

function lookbackDays(procedure: Procedure | null): number {
  return Math.max(...rulesOf(procedure).map(ruleSpanDays)) + SPARE_DAYS;
}

function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'Europe/London' }).plus({ days }).toISODate() ?? date;
}

/** The stored agency kind, in words (an unknown kind is shown as stored rather than failing the audit). */
function agencyKindLabel(kind: string): string {
  const known = agencyKinds.find((candidate) => candidate === kind);
  return known ? agencyKindLabels[known] : kind;
}

function grouped<T extends { escalation_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.escalation_id);
    if (list) list.push(row);
    else map.set(row.escalation_id, [row]);
  }
  return map;
}

/**
 * The escalations that can matter to the window, with their stages and agreed actions (the
 * deadlines). The rest of their record (conversations, outcome, learning review, documents) is read
 * only for those the audited period looks into: the ones open in it, with an action due in it or
 * reviewed in it (their gaps and learning points); the others are there for the earlier periods'
 * deadlines only.
 */
async function escalationFacts(ctx: ReadContext, window: AuditWindow, period: ResolvedPeriod): Promise<AuditEscalationFact[]> {
  const db = ctx.db;
  const rows = await auditEscalationRows(db, window);
  const ids = rows.map((row) => row.id);
  const snapshots = await auditSnapshots(db, rows);
  const stages = grouped(await auditStageRows(db, ids));
  const actions = grouped(await auditActionRows(db, ids));
  const { startMs, endMs } = periodBounds(period);
  const periodWindow = { from: shiftDate(period.from, -1), to: shiftDate(period.to, 2) };
  const detailed = new Set(await reviewedIn(db, periodWindow));
  for (const row of rows) {
    const opened = Date.parse(row.opened_at);
    const closed = row.closed_at === null ? null : Date.parse(row.closed_at);
    if (opened < endMs && (closed === null || closed >= startMs)) detailed.add(row.id);
  }
  for (const [id, list] of actions) {
    if (list.some((action) => action.due_date >= period.from && action.due_date <= period.to)) detailed.add(id);
  }
  const detailIds = ids.filter((id) => detailed.has(id));
  const entries = grouped(await auditEntryRows(db, detailIds));
  const resolutions = new Map((await auditResolutionRows(db, detailIds)).map((row) => [row.escalation_id, row]));
  const reviews = new Map((await auditLearningReviewRows(db, detailIds)).map((row) => [row.escalation_id, row]));
  const documents = grouped(
    (await auditDocumentRows(db, detailIds)).flatMap((row) => (row.entity_id ? [{ ...row, escalation_id: row.entity_id }] : [])),
  );
  const deadlines = await escalationDeadlines(ctx);
  return rows.map((row): AuditEscalationFact => {
    const snapshot = snapshots.get(snapshotKey(row));
    if (snapshot === undefined) throw new Error(`The procedure snapshot of escalation ${row.id} was not read.`);
    const procedure = procedureOf({ procedure_snapshot: snapshot });
    const track = trackOf(procedure, row);
    const position = new Map(track.stages.map((stage, index) => [stage.id, index]));
    const resolution = resolutions.get(row.id);
    const review = reviews.get(row.id);
    return {
      id: row.id,
      child: { id: row.child_id, firstName: row.child_first_name, lastName: row.child_last_name },
      categoryLabel: categoryLabel(row.category),
      otherAgencyKindLabel: agencyKindLabel(row.other_agency_kind),
      otherAgencyName: row.other_agency_name,
      otherProfessional: { name: row.other_professional_name, role: row.other_professional_role },
      status: row.status,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      procedureName: procedure.name,
      stages: (stages.get(row.id) ?? []).map((record) => {
        const stage = stageOf(track, record.stage_id);
        const target = stageTarget(procedure, stage, record, deadlines);
        return {
          recordId: record.id,
          label: stage.label,
          title: stage.title,
          position: position.get(stage.id) ?? 0,
          startedAt: record.started_at,
          outcome: record.outcome,
          outcomeAt: record.outcome_at,
          target: target ? { dueAt: target.dueAt, state: target.state, metAt: record.outcome_at } : null,
          forms: stage.forms
            .filter((use) => use.form !== 'written-statement-of-outcome')
            .map((use) => ({ kind: use.form, title: formTitles[use.form], action: use.action })),
        };
      }),
      entries: (entries.get(row.id) ?? []).map((entry) => ({
        id: entry.id,
        stageRecordId: entry.stage_record_id,
        occurredAt: entry.occurred_at,
        rationale: entry.rationale,
        participants: parsePeople(entry.participants, 'participants'),
        toldOfOutcome: parsePeople(entry.told_of_outcome, 'told of the outcome'),
        originalReferrerTold: entry.original_referrer_told === 1,
      })),
      actions: (actions.get(row.id) ?? []).map((action) => {
        const deadline = actionDeadline(action, deadlines.now);
        return {
          id: action.id,
          description: action.description,
          ownerName: action.owner_name,
          ownerRole: action.owner_role,
          dueDate: action.due_date,
          doneAt: action.done_at,
          deadline: { dueAt: deadline.dueAt, state: deadline.state, metAt: action.done_at },
        };
      }),
      resolution: resolution ? { resolvedAt: resolution.resolved_at, outcomeStatement: resolution.outcome_statement } : null,
      learningReview: review
        ? {
            reviewedAt: review.reviewed_at,
            reviewedBy: review.reviewed_by_name,
            wentWell: review.went_well,
            wentBadly: review.went_badly,
            issuesForPartnership: review.issues_for_partnership,
            reportedToPartnershipAt: review.reported_to_partnership_at,
          }
        : null,
      documents: (documents.get(row.id) ?? []).map((document) => ({ kind: document.kind, createdAt: document.created_at })),
    };
  });
}

async function referralFacts(ctx: ReadContext, window: AuditWindow): Promise<AuditReferralFact[]> {
  const rows = await auditReferralRows(ctx.db, window);
  const events = new Map<string, Awaited<ReturnType<typeof auditReferralEventRows>>>();
  for (const event of await auditReferralEventRows(
    ctx.db,
    rows.map((row) => row.id),
  )) {
    const list = events.get(event.referral_id);
    if (list) list.push(event);
    else events.set(event.referral_id, [event]);
  }
  const deadlines = await referralDeadlineContext(ctx.db, ctx);
  return rows.map((row) => {
    const referral = toReferral(row, events.get(row.id) ?? [], [], deadlines);
    return {
      id: row.id,
      child: { id: row.child_id, firstName: row.child_first_name, lastName: row.child_last_name },
      madeAt: row.made_at,
      referredTo: row.referred_to,
      milestones: referral.milestones.map((milestone) => ({
        id: milestone.id,
        label: milestone.label,
        dueAt: milestone.dueAt,
        state: milestone.state,
        metAt: milestone.metAt,
        owedBySetting: owedBySetting(milestone.key),
      })),
    };
  });
}

/** Everything the audit of `periods` needs, read in one pass over a window that covers them all. */
async function auditFacts(ctx: ReadContext, period: ResolvedPeriod, periods: readonly ResolvedPeriod[]): Promise<AuditFacts> {
  const db: ReadExecutor = ctx.db;
  const settings = await getSettings(db);
  const first = periods.map((period) => period.from).sort()[0] ?? '1970-01-01';
  const last =
    periods
      .map((period) => period.to)
      .sort()
      .at(-1) ?? first;
  // Widened a day each side: stored times carry their offset, so text comparison is right only to the hour.
  const window: AuditWindow = { from: shiftDate(first, -lookbackDays(await settingProcedure(db)) - 1), to: shiftDate(last, 2) };
  return {
    now: nowIso(ctx.clock),
    settingName: settings.setting_name,
    region: settings.region,
    regionLabel: regionLabels[settings.region],
    closures: await listClosureDates(db),
    staffNames: await staffNames(db),
    escalations: await escalationFacts(ctx, window, period),
    referrals: await referralFacts(ctx, window),
  };
}

async function buildAudit(ctx: ReadContext, period: AuditPeriod): Promise<TermlyAudit> {
  const termsOf = await termsOfSetting(ctx.db);
  const resolved = resolvePeriod(period, termsOf);
  const comparisons = comparisonPeriods(period, termsOf);
  const audit = termlyAudit(await auditFacts(ctx, resolved, [resolved, ...comparisons]), resolved, comparisons);
  // The records checked too: the audit log's chain, its protections, and every stored document's bytes.
  const check = await checkRecordsIntegrity(ctx.db, { keys: null, sealKey: null, documentBytes: true });
  return { ...audit, recordsCheck: { auditEntries: check.rows, findings: check.findings } };
}

export async function runTermlyAudit(ctx: ReadContext, input: z.output<typeof runTermlyAuditInput>): Promise<TermlyAudit> {
  return buildAudit(ctx, input.period);
}

/**
 * The PDF for the governing body. The audit is worked out inside the dispatcher's queue; the PDF is
 * rendered outside it (it can take seconds, and a Lock must not wait); the last step, queued again
 * only if the same sitting is still open, keeps it in the file with its fingerprint and logs that it
 * was made, as for every document. Read-only users may make it: what they made is kept too.
 */
export async function makeTermlyAuditDocument(
  ctx: ReadContext,
  input: z.output<typeof termlyAuditDocumentInput>,
): Promise<OutsideQueue<DocumentFile & { id: string }>> {
  const audit = await buildAudit(ctx, input.period);
  const generatedAt = nowIso(ctx.clock);
  const job = {
    document: 'termly-audit' as const,
    input: { audit, leaveOutNames: input.leaveOutNames, author: { name: ctx.user.fullName, role: roleLabels[ctx.user.role] }, generatedAt },
  };
  const id = randomUUID();
  const title = `${TERMLY_AUDIT_TITLE}: ${audit.period.label}${input.leaveOutNames ? ' (children’s names left out)' : ''}`;
  const name = neutralFileName(`Termly audit ${audit.period.label}`, generatedAt, id);
  return outsideQueue(async () => {
    const pdf = await ctx.renderDocument(job);
    return async (context) => {
      await storeDocument(context(), {
        id,
        childId: null,
        entity: { type: 'termly-audit', id: `${audit.period.from}/${audit.period.to}` },
        kind: 'termly-audit',
        title,
        fileName: name,
        pdf,
        at: generatedAt,
      });
      return { id, fileName: name, mimeType: 'application/pdf', base64: pdf.toString('base64') };
    };
  });
}

/** The termly-audit PDFs made so far (newest first), to open again exactly as they were made. */
export async function listTermlyAuditDocuments(ctx: ReadContext): Promise<TermlyAuditDocumentSummary[]> {
  return termlyAuditDocuments(ctx.db, 50);
}
