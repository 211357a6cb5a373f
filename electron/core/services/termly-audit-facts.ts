import { DateTime } from 'luxon';
import { regionLabels, timescaleIds, timescaleRule, type Rule } from '../../../shared/deadlines';
import { agencyKindLabels, agencyKinds } from '../../../shared/escalations/agency-kinds';
import { categoryLabel, formTitles, type Procedure, type Stage } from '../../../shared/procedures';
import { referralEventKinds, type ReferralEventKind } from '../../../shared/referrals/events';
import { owedBySetting, referralMilestones, type MilestoneEvent } from '../../../shared/referrals/milestones';
import { periodBounds, type ResolvedPeriod } from '../../../shared/termly-audit/periods';
import type { AuditEscalationFact, AuditFacts, AuditReferralFact, AuditStageFact } from '../../../shared/termly-audit/types';
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
  type AuditEscalationRow,
  type AuditWindow,
} from '../../../db/queries/termly-audit';
import { nowIso, type ReadContext } from './context';
import { escalationDeadlines } from './escalations/read';
import { actionDeadline, parsePeople, procedureOf, stageTarget, trackOf } from './escalations/model';
import { referralDeadlineContext } from './referrals';
import { settingProcedure } from './procedures';

// What the termly audit reads: the records that can matter to the period (and the three it is
// compared with), each deadline worked out by its own model — referral milestones by the milestones
// model, stage targets and agreed actions by the escalation model. The figures are then a pure
// function of these facts (shared/termly-audit/figures.ts).
//
// Each distinct procedure snapshot is parsed once, and each of its tracks' stage positions and forms
// worked out once, not again for every escalation that follows it.

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

/** The window of records that can matter to `periods`: from the longest timescale before the first to the last's end. */
export async function auditWindow(db: ReadExecutor, periods: readonly ResolvedPeriod[]): Promise<AuditWindow> {
  const first = periods.map((period) => period.from).sort()[0] ?? '1970-01-01';
  const last =
    periods
      .map((period) => period.to)
      .sort()
      .at(-1) ?? first;
  // Widened a day each side: stored times carry their offset, so text comparison is right only to the hour.
  return { from: shiftDate(first, -lookbackDays(await settingProcedure(db)) - 1), to: shiftDate(last, 2) };
}

/** The stored agency kind, in words (an unknown kind is shown as stored rather than failing the audit). */
function agencyKindLabel(kind: string): string {
  const known = agencyKinds.find((candidate) => candidate === kind);
  return known ? agencyKindLabels[known] : kind;
}

function grouped<T, K extends keyof T>(rows: readonly T[], key: K): Map<T[K], T[]> {
  const map = new Map<T[K], T[]>();
  for (const row of rows) {
    const list = map.get(row[key]);
    if (list) list.push(row);
    else map.set(row[key], [row]);
  }
  return map;
}

/** A track of a procedure snapshot as the audit uses it: its stages by id, with their ladder position and forms. */
interface TrackModel {
  track: ReturnType<typeof trackOf>;
  stages: Map<string, { stage: Stage; position: number; forms: AuditStageFact['forms'] }>;
}

/** Each procedure snapshot parsed once, each of its tracks worked out once. */
class SnapshotModels {
  private readonly procedures = new Map<string, Procedure>();
  private readonly tracks = new Map<string, TrackModel>();

  constructor(private readonly snapshots: ReadonlyMap<string, string>) {}

  procedure(row: AuditEscalationRow): Procedure {
    const key = snapshotKey(row);
    let procedure = this.procedures.get(key);
    if (!procedure) {
      const snapshot = this.snapshots.get(key);
      if (snapshot === undefined) throw new Error(`The procedure snapshot of escalation ${row.id} was not read.`);
      procedure = procedureOf({ procedure_snapshot: snapshot });
      this.procedures.set(key, procedure);
    }
    return procedure;
  }

  track(row: AuditEscalationRow): TrackModel {
    const key = `${snapshotKey(row)}#${row.track_id}`;
    let model = this.tracks.get(key);
    if (!model) {
      const track = trackOf(this.procedure(row), row);
      const stages = new Map(
        track.stages.map((stage, position) => [
          stage.id,
          {
            stage,
            position,
            forms: stage.forms
              .filter((use) => use.form !== 'written-statement-of-outcome')
              .map((use) => ({ kind: use.form, title: formTitles[use.form], action: use.action })),
          },
        ]),
      );
      model = { track, stages };
      this.tracks.set(key, model);
    }
    return model;
  }
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
  const models = new SnapshotModels(await auditSnapshots(db, rows));
  const stages = grouped(await auditStageRows(db, ids), 'escalation_id');
  const actions = grouped(await auditActionRows(db, ids), 'escalation_id');
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
  const entries = grouped(await auditEntryRows(db, detailIds), 'escalation_id');
  const resolutions = new Map((await auditResolutionRows(db, detailIds)).map((row) => [row.escalation_id, row]));
  const reviews = new Map((await auditLearningReviewRows(db, detailIds)).map((row) => [row.escalation_id, row]));
  const documents = grouped(await auditDocumentRows(db, detailIds), 'entity_id');
  const deadlines = await escalationDeadlines(ctx);
  return rows.map((row): AuditEscalationFact => {
    const procedure = models.procedure(row);
    const { track, stages: stageModels } = models.track(row);
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
        const model = stageModels.get(record.stage_id);
        if (!model) throw new Error(`Stage ${record.stage_id} is missing from track ${track.id}.`);
        const target = stageTarget(procedure, model.stage, record, deadlines);
        return {
          recordId: record.id,
          label: model.stage.label,
          title: model.stage.title,
          position: model.position,
          startedAt: record.started_at,
          outcome: record.outcome,
          outcomeAt: record.outcome_at,
          target: target ? { dueAt: target.dueAt, state: target.state, metAt: record.outcome_at } : null,
          forms: model.forms,
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

const eventKinds: ReadonlySet<string> = new Set(referralEventKinds);

function isEventKind(kind: string): kind is ReferralEventKind {
  return eventKinds.has(kind);
}

function yesNo(value: number | null): boolean | null {
  return value === null ? null : value === 1;
}

/** The referrals that can matter to the window, each with its milestones as the milestones model works them out. */
async function referralFacts(ctx: ReadContext, window: AuditWindow): Promise<AuditReferralFact[]> {
  const rows = await auditReferralRows(ctx.db, window);
  const events = grouped(
    await auditReferralEventRows(
      ctx.db,
      rows.map((row) => row.id),
    ),
    'referral_id',
  );
  const deadlines = await referralDeadlineContext(ctx.db, ctx);
  return rows.map((row) => {
    const recorded = (events.get(row.id) ?? []).map((event): MilestoneEvent => {
      if (!isEventKind(event.kind)) throw new Error(`Referral ${row.id} has an event of an unknown kind: ${event.kind}.`);
      return {
        kind: event.kind,
        happenedAt: event.happened_at,
        s47Started: yesNo(event.s47_started),
        childProtectionPlan: yesNo(event.child_protection_plan),
        settingAttended: yesNo(event.setting_attended),
      };
    });
    const milestones = referralMilestones(
      { madeAt: row.made_at, method: row.method, concern: row.concern, category: row.category, events: recorded },
      deadlines.calendar,
      deadlines.rules,
      deadlines.now,
    );
    return {
      id: row.id,
      child: { id: row.child_id, firstName: row.child_first_name, lastName: row.child_last_name },
      madeAt: row.made_at,
      referredTo: row.referred_to,
      milestones: milestones.map((milestone) => ({
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

/**
 * Everything the audit of `period` needs, read in one pass over `window` (auditWindow: one that
 * covers the period and those it is compared with). Tests read the facts of a wider window to show
 * the narrower one leaves nothing out.
 */
export async function readAuditFacts(ctx: ReadContext, window: AuditWindow, period: ResolvedPeriod): Promise<AuditFacts> {
  const db: ReadExecutor = ctx.db;
  const settings = await getSettings(db);
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
