import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type {
  AmendmentsTable,
  ChildrenTable,
  DB,
  DocumentsTable,
  EscalationActionsTable,
  EscalationResolutionsTable,
  EscalationStagesTable,
  EscalationsTable,
  ExtraClosuresTable,
  LearningReviewsTable,
  ReferralEventsTable,
  ReferralsTable,
  StageEntriesTable,
} from '../../db/schema';
import { insertRows } from '../../db/queries/bulk';
import { appendAudit, type AuditEntry } from '../../db/queries/audit-log';
import {
  builtInProcedures,
  formTitles,
  getBuiltInProcedure,
  nextStage,
  skipTargets,
  trackFor,
  trackForMissed,
  type Procedure,
  type Stage,
} from '../../shared/procedures';
import { dueByTimescale, whoseDays, type Calendar } from '../../shared/deadlines';
import { milestoneLabels } from '../../shared/referrals/milestones';
import { stageTarget, targetStart } from '../../electron/core/services/escalations/model';
import type { StageRecordRow } from '../../db/queries/escalations';
import type { Parties } from '../../shared/procedures';
import { nameKey, sortKey } from '../../shared/children/name-keys';
import { neutralFileName } from '../../electron/core/services/documents';
import { rebuildDeadlines } from '../../electron/core/services/deadlines/upkeep';
import { seededRandom, type Random } from './random';
import { addDays, awkwardMoments, DAY, HOUR, isBankHoliday, londonDate, londonIso, londonTime, schoolTime } from './time';
import * as words from './vocabulary';
import { standInPdf } from './pdf';

// The deterministic data set (`npm run seed`, and the benchmarks' data): ten years of a setting's
// safeguarding records at `scale` times a large school's volume (scale 1: 150 children, 300
// referrals, 200 escalations over ten years). Every row is one the app itself would write — the
// columns its services fill, JSON columns in the shapes they write, each escalation's procedure
// snapshot, London times — and every write the app would audit is in the audit log, appended in
// time order through db/queries/audit-log's append so the hash chain verifies. Rows are written in
// multi-row INSERTs through db/queries/bulk (one API call a record would take hours).
//
// What it holds, as in real life: most referrals have run their course and most escalations are
// resolved (a few closed unresolved); what is still open is recent, plus a realistic handful that were
// forgotten. Records fall on school days in working hours, fewer in the holidays, some at the
// awkward moments (before a bank-holiday weekend, the last afternoon of term, the weekend the
// clocks change). One child has a long history (about 500 timeline entries at scale 100) and one a
// shorter one (about 300), for the timeline and chronology benchmarks.

export interface SeedOptions {
  years: number;
  scale: number;
  /** "Now" for the data set: records after it are not written, and what is open is open at it. */
  now: number;
  seed: number;
}

export interface SeedPeople {
  dsl: string;
  deputy: string;
  settingName: string;
  /** The procedure the setting has chosen (a built-in's id): missed milestones are escalated under it. */
  procedureId: string;
}

export interface SeedSummary {
  counts: Record<string, number>;
  /** The child with the longest history, and the one with about 300 timeline entries. */
  longHistoryChildId: string;
  chronologyChildId: string;
  /** An open escalation with a current stage, for the write benchmark. */
  openEscalationId: string;
}

type Rows = {
  children: Insertable<ChildrenTable>[];
  referrals: Insertable<ReferralsTable>[];
  referral_events: Insertable<ReferralEventsTable>[];
  escalations: Insertable<EscalationsTable>[];
  escalation_stages: Insertable<EscalationStagesTable>[];
  stage_entries: Insertable<StageEntriesTable>[];
  escalation_actions: Insertable<EscalationActionsTable>[];
  escalation_resolutions: Insertable<EscalationResolutionsTable>[];
  learning_reviews: Insertable<LearningReviewsTable>[];
  documents: Insertable<DocumentsTable>[];
  amendments: Insertable<AmendmentsTable>[];
  extra_closures: Insertable<ExtraClosuresTable>[];
};

/** Foreign keys point backwards in this order. */
const TABLE_ORDER = [
  'children',
  'extra_closures',
  'referrals',
  'referral_events',
  'escalations',
  'escalation_stages',
  'stage_entries',
  'escalation_actions',
  'escalation_resolutions',
  'learning_reviews',
  'documents',
  'amendments',
] as const satisfies readonly (keyof Rows)[];

function emptyRows(): Rows {
  return {
    children: [],
    referrals: [],
    referral_events: [],
    escalations: [],
    escalation_stages: [],
    stage_entries: [],
    escalation_actions: [],
    escalation_resolutions: [],
    learning_reviews: [],
    documents: [],
    amendments: [],
    extra_closures: [],
  };
}

/** A stage record as the model reads it back (what the lifecycle wrote, with every column). */
function stageRecord(row: Insertable<EscalationStagesTable>): StageRecordRow {
  return {
    id: row.id,
    escalation_id: row.escalation_id,
    stage_id: row.stage_id,
    sequence: row.sequence,
    started_at: row.started_at,
    target_from_at: row.target_from_at ?? null,
    target_from_label: row.target_from_label ?? null,
    routing_reason: row.routing_reason ?? null,
    steps_done: row.steps_done ?? '[]',
    outcome: row.outcome ?? null,
    outcome_at: row.outcome_at ?? null,
    outcome_reason: row.outcome_reason ?? null,
    skip_rule: row.skip_rule ?? null,
  };
}

interface SeedChild {
  id: string;
  createdAt: number;
  firstName: string;
  lastName: string;
}

function isWorkingDate(date: string): boolean {
  const day = new Date(`${date}T12:00:00.000Z`).getUTCDay();
  return day !== 0 && day !== 6 && !isBankHoliday(date);
}

/** `days` working days after the instant (weekends and bank holidays skipped), at the same time of day. */
function workingDaysAfter(ms: number, days: number): number {
  let date = londonDate(ms);
  const sinceMidnight = ms - londonTime(date, 0);
  for (let left = days; left > 0;) {
    date = addDays(date, 1);
    if (isWorkingDate(date)) left -= 1;
  }
  return londonTime(date, 0) + sinceMidnight;
}

class Generator {
  readonly rows = emptyRows();
  readonly audit: AuditEntry[] = [];
  readonly counts: Record<string, number> = {};
  private readonly snapshots = new Map<string, string>(builtInProcedures.map((procedure) => [procedure.id, JSON.stringify(procedure)]));
  readonly settingProcedure: Procedure;
  private closureDates: readonly string[] = Object.freeze([]);

  constructor(
    readonly random: Random,
    readonly people: SeedPeople,
    readonly now: number,
  ) {
    const chosen = getBuiltInProcedure(people.procedureId);
    if (!chosen) throw new Error(`No built-in procedure ${people.procedureId}.`);
    this.settingProcedure = chosen;
  }

  /** The setting's calendar, as settingCalendar reads it: the region's bank holidays and the closure days. */
  get calendar(): Calendar {
    return { region: 'england-and-wales', extraClosures: this.closureDates };
  }

  count(what: string, by = 1): void {
    this.counts[what] = (this.counts[what] ?? 0) + by;
  }

  /** An audit log entry, as the service that makes the write appends it; `digest` is a stored document's SHA-256. */
  log(at: number, actorId: string, action: string, entity: { type: string; id: string } | null, summary: string, digest?: string): void {
    const chained = digest === undefined ? {} : { digest };
    this.audit.push({
      at: londonIso(Math.min(at, this.now)),
      actorId,
      action,
      entityType: entity?.type ?? null,
      entityId: entity?.id ?? null,
      summary,
      ...chained,
    });
  }

  /** Who recorded it: the DSL mostly, the deputy sometimes. */
  staff(): { id: string; name: string; role: string } {
    return this.random.chance(0.75)
      ? { id: this.people.dsl, name: words.STAFF.dsl.fullName, role: words.STAFF.dsl.role }
      : { id: this.people.deputy, name: words.STAFF.deputy.fullName, role: words.STAFF.deputy.role };
  }

  /** An instant some hours after `at`, never after now (when something was written down). */
  later(at: number, minHours: number, maxHours: number): number {
    return Math.min(this.now, at + (minHours + this.random.next() * (maxHours - minHours)) * HOUR);
  }

  child(createdAt: number, taken: Set<string>): SeedChild {
    const random = this.random;
    let firstName: string;
    let lastName: string;
    let dateOfBirth: string;
    let identity: string;
    const age = random.int(3, 15);
    do {
      firstName = random.pick(words.FIRST_NAMES);
      lastName = random.pick(words.LAST_NAMES);
      dateOfBirth = addDays(londonDate(createdAt), -(age * 365 + random.int(0, 364)));
      identity = `${nameKey({ firstName, lastName })}|${dateOfBirth}`;
    } while (taken.has(identity));
    taken.add(identity);
    const id = random.uuid();
    const by = this.staff();
    const plan = random.weighted([
      ['none', 3],
      ['early-help', 3],
      ['child-in-need', 3],
      ['child-protection', 2],
      ['looked-after', 1],
    ] as const);
    this.rows.children.push({
      id,
      first_name: firstName,
      last_name: lastName,
      date_of_birth: dateOfBirth,
      class_or_year: words.CLASSES[Math.min(words.CLASSES.length - 1, age - 3)] ?? 'Year 1',
      level_of_need: plan === 'none' ? random.int(1, 2) : plan === 'early-help' ? random.int(2, 3) : 4,
      plan_status: plan,
      social_worker_name: plan === 'none' || plan === 'early-help' ? null : random.pick(words.AGENCIES[0]?.people ?? []).name,
      social_worker_contact: plan === 'none' || plan === 'early-help' ? null : '0151 233 3700',
      created_at: londonIso(createdAt),
      created_by: by.id,
      name_key: nameKey({ firstName, lastName }),
      sort_key: sortKey({ firstName, lastName }),
    });
    this.log(createdAt, by.id, 'child.created', { type: 'child', id }, 'Added a child to the register');
    this.count('children');
    return { id, createdAt, firstName, lastName };
  }

  /** A change to a child's details, kept as an amendment (the row holds the new value). */
  amendChild(child: SeedChild): void {
    const row = this.rows.children.find((candidate) => candidate.id === child.id);
    if (!row) return;
    const at = child.createdAt + this.random.int(20, 900) * DAY;
    if (at >= this.now) return;
    const by = this.staff();
    const [field, oldValue, newValue] =
      row.plan_status === 'child-in-need'
        ? (['planStatus', row.plan_status, 'child-protection'] as const)
        : (['levelOfNeed', row.level_of_need, row.level_of_need === 4 ? 3 : row.level_of_need + 1] as const);
    if (field === 'planStatus') row.plan_status = newValue;
    else row.level_of_need = newValue;
    this.rows.amendments.push({
      id: this.random.uuid(),
      entity_type: 'child',
      entity_id: child.id,
      field,
      old_value: JSON.stringify(oldValue),
      new_value: JSON.stringify(newValue),
      reason: field === 'planStatus' ? 'The conference made a child protection plan.' : 'Reviewed at the team around the family meeting.',
      amended_by: by.id,
      amended_at: londonIso(at),
    });
    this.log(at, by.id, 'child.amended', { type: 'child', id: child.id }, `Amended ${field}`);
    this.count('amendments');
  }

  referral(child: SeedChild, madeAt: number, options: { lateDecision?: boolean } = {}): string {
    const random = this.random;
    const id = random.uuid();
    const by = this.staff();
    const method = random.weighted([
      ['phone', 5],
      ['written', 3],
      ['portal', 2],
    ] as const);
    const concern = random.chance(0.35) ? 'child-protection' : 'child-in-need';
    const category = random.weighted([
      ['standard', 85],
      ['immediate-risk', 8],
      ['penetrative-sexual-abuse', 2],
      ['complex', 5],
    ] as const);
    const createdAt = this.later(madeAt, 0.1, 3);
    this.rows.referrals.push({
      id,
      child_id: child.id,
      made_at: londonIso(madeAt),
      method,
      concern,
      category,
      referred_to: random.pick(words.REFERRED_TO),
      made_by_name: by.name,
      made_by_role: by.role,
      summary: random.pick(words.REFERRAL_SUMMARIES),
      created_at: londonIso(createdAt),
      created_by: by.id,
    });
    this.log(createdAt, by.id, 'referral.created', { type: 'referral', id }, 'Recorded a referral to children’s social care');
    this.count('referrals');

    // What happened next, as far as it has happened by now. A few old referrals were never brought
    // up to date (a realistic handful overdue from long ago); the rest ran their course.
    const stale = madeAt < this.now - 180 * DAY && random.chance(0.003);
    type Event = { kind: string; at: number; s47?: number; plan?: number; attended?: number };
    const events: Event[] = [];
    if (method === 'phone')
      events.push({ kind: 'written-follow-up', at: madeAt + (random.chance(0.85) ? random.int(1, 20) : random.int(26, 60)) * HOUR });
    const decision =
      options.lateDecision === true || random.chance(0.18)
        ? workingDaysAfter(madeAt, random.int(2, 4))
        : Math.min(workingDaysAfter(madeAt, 1), madeAt + random.int(2, 20) * HOUR);
    events.push({ kind: 'la-decision', at: decision });
    const closed = concern === 'child-in-need' && random.chance(0.3);
    if (closed) {
      events.push({ kind: 'closed-by-social-care', at: workingDaysAfter(decision, random.int(0, 2)) });
    } else {
      // Every referral is assessed within 45 working days (Working Together 2023), whatever follows.
      events.push({
        kind: 'single-assessment',
        at: workingDaysAfter(madeAt, random.chance(0.8) ? random.int(20, 45) : random.int(46, 70)),
      });
    }
    if (concern === 'child-protection') {
      const discussion = workingDaysAfter(decision, random.int(0, 3)) + random.int(0, 3) * HOUR;
      const s47 = random.chance(0.6);
      // Minutes are owed to the setting (and recorded) only when it took part.
      const attended = random.chance(0.8);
      events.push({ kind: 'strategy-discussion', at: discussion, s47: s47 ? 1 : 0, attended: attended ? 1 : 0 });
      if (attended) events.push({ kind: 'strategy-minutes', at: workingDaysAfter(discussion, random.int(1, 3)) });
      if (s47 && random.chance(0.7)) {
        const icpc = workingDaysAfter(discussion, random.chance(0.85) ? random.int(8, 15) : random.int(16, 25));
        const plan = random.chance(0.75);
        events.push({ kind: 'icpc', at: icpc, plan: plan ? 1 : 0 });
        if (plan) {
          // The plan: a core group, a review within 3 months, then at most every 6 months, until a
          // review ends it (most plans last between six months and two years).
          events.push({
            kind: 'first-core-group',
            at: workingDaysAfter(icpc, random.chance(0.85) ? random.int(4, 10) : random.int(11, 16)),
          });
          const lasts = random.int(150, 720) * DAY;
          let review = icpc + random.int(70, 92) * DAY;
          for (;;) {
            events.push({ kind: 'review-conference', at: review });
            if (review - icpc >= lasts) {
              events.push({ kind: 'cp-plan-ended', at: review + HOUR });
              break;
            }
            review += random.int(140, 182) * DAY;
          }
        }
      } else if (s47) {
        events.push({ kind: 'icpc-not-needed', at: workingDaysAfter(discussion, random.int(5, 12)) });
      }
    }
    if (stale) events.pop();
    for (const event of events.sort((a, b) => a.at - b.at)) {
      const recordedAt = event.at + random.int(0, 48) * HOUR;
      if (recordedAt > this.now) break;
      const eventBy = this.staff();
      this.rows.referral_events.push({
        id: random.uuid(),
        referral_id: id,
        kind: event.kind,
        happened_at: londonIso(event.at),
        s47_started: event.s47 ?? null,
        child_protection_plan: event.plan ?? null,
        setting_attended: event.attended ?? null,
        note: random.chance(0.2) ? 'Confirmed by email from the duty social worker.' : null,
        recorded_by: eventBy.id,
        recorded_at: londonIso(recordedAt),
      });
      this.log(recordedAt, eventBy.id, 'referral.event', { type: 'referral', id }, `Recorded: ${event.kind}`);
      this.count('referral events');
    }
    return id;
  }

  /** Answers the escalation's id and whether it is still open. */
  escalation(
    child: SeedChild,
    openedAt: number,
    link: { referralId: string; milestone: 'la-decision'; madeAt: number } | null = null,
    keepOpen = false,
  ): { id: string; open: boolean } | null {
    const random = this.random;
    // A missed milestone is escalated under the setting's own procedure, on the track it gives that
    // milestone (as the app does: escalations/open.ts); other disagreements over the years under any
    // of the five (settings change partnership; every procedure's ladders are exercised).
    const procedure: Procedure = link ? this.settingProcedure : random.pick(builtInProcedures);
    const categories = Object.keys(procedure.categoryTracks).filter((category) => category !== 'statutory-timescale-missed');
    const category = link ? 'statutory-timescale-missed' : random.pick(categories);
    const track = link ? trackForMissed(procedure, link.milestone) : trackFor(procedure, category);
    // When the missed milestone fell due: children's social care's working days (never the setting's closures).
    const missedDue = link
      ? {
          at: dueByTimescale('la-decision', londonIso(link.madeAt), whoseDays('other-agency', this.calendar).calendar).dueAt,
          label: `${milestoneLabels[link.milestone]} fell due`,
        }
      : null;
    const first = track?.stages[0];
    if (!track || !first) return null;
    const agency = link
      ? (words.AGENCIES[0] ?? random.pick(words.AGENCIES))
      : random.chance(0.6)
        ? random.pick(words.AGENCIES.slice(0, 2))
        : random.pick(words.AGENCIES);
    const person = random.pick(agency.people);
    const parties: Parties = { ourAgency: 'school', otherAgency: agency.kind };
    const id = random.uuid();
    const by = this.staff();
    const recordedAt = this.later(openedAt, 0.2, 4);
    this.rows.escalations.push({
      id,
      child_id: child.id,
      referral_id: link?.referralId ?? null,
      missed_milestone: link?.milestone ?? null,
      category,
      procedure_id: procedure.id,
      procedure_version: procedure.version,
      procedure_snapshot: this.snapshots.get(procedure.id) ?? JSON.stringify(procedure),
      track_id: track.id,
      our_agency: 'school',
      other_agency_kind: agency.kind,
      other_agency_name: agency.name,
      other_professional_name: person.name,
      other_professional_role: person.role,
      other_professional_contact: random.chance(0.6) ? `${person.name.split(' ')[0]?.toLowerCase() ?? 'duty'}@northshire.gov.uk` : null,
      concern: random.pick(words.ESCALATION_CONCERNS),
      areas_of_agreement: 'That the child needs support; the family’s engagement with early help has been limited.',
      areas_of_disagreement: 'Whether the concerns meet the threshold for a statutory assessment.',
      risk_relevance: 'Without an assessment the risk at home is not being looked at by anyone with the powers to act.',
      outcome_sought: random.pick(words.OUTCOMES_SOUGHT),
      immediate_risk: 0,
      immediate_referral_made_at: null,
      immediate_referral_made_to: null,
      status: 'open',
      opened_at: londonIso(openedAt),
      opened_by: by.id,
      closed_at: null,
      closed_reason: null,
      missed_due_at: missedDue?.at ?? null,
    });
    const escalation = this.rows.escalations[this.rows.escalations.length - 1];
    if (!escalation) return null;
    this.log(
      recordedAt,
      by.id,
      'escalation.opened',
      { type: 'escalation', id },
      `Opened an escalation at ${first.label} (${procedure.name})`,
    );
    this.count('escalations');

    let stage: Stage = first;
    let startedAt = openedAt;
    let routing: { reason: string | null; skip: string | null } = { reason: null, skip: null };
    // Where each stage's target is counted from, as the lifecycle keeps it with the stage record.
    let from = targetStart(first, first.target, { openedAt: londonIso(openedAt), missed: missedDue, previousTargetDueAt: null });
    let end: { status: 'resolved' | 'closed-unresolved'; at: number } | null = null;
    // A realistic few were forgotten: left open at a stage long past its target.
    const forgotten = keepOpen || (openedAt < this.now - 60 * DAY && random.chance(0.004));
    const stageRows: Insertable<EscalationStagesTable>[] = [];
    const actionRows: Insertable<EscalationActionsTable>[] = [];
    for (let sequence = 1; ; sequence += 1) {
      const stageId = random.uuid();
      const stageDays = random.int(2, 9);
      const plannedEnd = workingDaysAfter(startedAt, stageDays) + random.int(-3, 3) * HOUR;
      const stageRow: Insertable<EscalationStagesTable> = {
        id: stageId,
        escalation_id: id,
        stage_id: stage.id,
        sequence,
        started_at: londonIso(startedAt),
        target_from_at: from?.at ?? null,
        target_from_label: from?.label ?? null,
        routing_reason: routing.reason,
        steps_done: '[]',
        outcome: null,
        outcome_at: null,
        outcome_reason: null,
        skip_rule: routing.skip,
      };
      this.rows.escalation_stages.push(stageRow);
      stageRows.push(stageRow);
      this.count('stage records');
      const ticked = random.some(
        stage.steps.map((step) => step.id),
        0.7,
      );
      if (ticked.length > 0) {
        stageRow.steps_done = JSON.stringify(ticked);
        for (const _step of ticked)
          this.log(this.later(startedAt, 1, 30), by.id, 'escalation.step', { type: 'escalation', id }, 'Ticked a checklist step');
      }
      // The conversations at this stage, then the actions agreed at them.
      const entryCount = random.weighted([
        [1, 5],
        [2, 3],
        [3, 1],
      ] as const);
      let lastEntry: { id: string; at: number; recorded: number } | null = null;
      for (let e = 0; e < entryCount; e += 1) {
        const at = startedAt + (e === 0 ? random.int(1, 20) : random.int(20, Math.max(21, stageDays * 24))) * HOUR;
        if (at >= plannedEnd && e > 0) break;
        const recorded = at + random.int(1, 30) * HOUR;
        if (recorded > this.now) break;
        lastEntry = this.entry(id, stageId, at, recorded, agency, person, e === entryCount - 1);
      }
      const actionCount = lastEntry
        ? random.weighted([
            [0, 4],
            [1, 3],
            [2, 2],
          ] as const)
        : 0;
      for (let a = 0; a < actionCount && lastEntry; a += 1)
        actionRows.push(this.action(id, stageId, lastEntry, plannedEnd, agency, person));

      // How the stage ended, if it has: resolved, closed unresolved, or escalated by the routing
      // (or straight to a later stage where the procedure allows it).
      if (plannedEnd > this.now || lastEntry === null || forgotten) break;
      const next = nextStage(track, stage.id, parties);
      const roll = random.next();
      const resolveChance = sequence === 1 ? 0.5 : 0.55;
      if (!next || roll < resolveChance || roll > 0.96) {
        const status = roll > 0.96 ? 'closed-unresolved' : 'resolved';
        stageRow.outcome = status;
        stageRow.outcome_at = londonIso(plannedEnd);
        stageRow.outcome_reason =
          status === 'resolved' ? 'Resolved: written statement of the outcome agreed' : random.pick(words.CLOSED_REASONS);
        end = { status, at: plannedEnd };
        break;
      }
      const skips = skipTargets(track, stage.id, parties);
      const skip = skips.length > 0 && random.chance(0.1) ? random.pick(skips) : null;
      const rule = skip ? random.pick(skip.rules) : null;
      const target =
        skip && rule ? { stage: skip.stage, reason: rule.when, skip: rule.id } : { stage: next.stage, reason: next.reason, skip: null };
      stageRow.outcome = 'escalated';
      stageRow.outcome_at = londonIso(plannedEnd);
      stageRow.outcome_reason = random.pick(words.ESCALATION_REASONS);
      this.log(
        this.later(plannedEnd, 0.1, 2),
        by.id,
        'escalation.escalated',
        { type: 'escalation', id },
        target.skip
          ? `Went straight to ${target.stage.label}, past the stages between, as the procedure allows`
          : `Escalated to ${target.stage.label}`,
      );
      const previousTarget = stageTarget(procedure, stage, stageRecord(stageRow), { calendar: this.calendar, now: londonIso(plannedEnd) });
      from = targetStart(target.stage, target.stage.target, {
        openedAt: londonIso(openedAt),
        missed: missedDue,
        previousTargetDueAt: previousTarget?.dueAt ?? null,
      });
      stage = target.stage;
      startedAt = plannedEnd;
      routing = { reason: target.reason, skip: target.skip };
    }

    // Forms made while it ran: a written concern, and the partnership forms where a stage called for them.
    if (random.chance(0.4)) this.document(child.id, id, 'written-concern', this.later(openedAt, 2, 48));
    const reached = new Set(stageRows.map((row) => row.stage_id));
    for (const kind of ['liverpool-report-to-lscb', 'cscp-escalation-notification'] as const) {
      if (
        track.stages.some((candidate) => reached.has(candidate.id) && candidate.forms.some((form) => form.form === kind)) &&
        random.chance(0.6)
      ) {
        this.document(child.id, id, kind, this.later(startedAt, 2, 72));
      }
    }
    // Still open: anything agreed stays owed.
    if (!end) return { id, open: true };
    escalation.status = end.status;
    escalation.closed_at = londonIso(end.at);
    // Nothing stays owed once it has ended: each action open then was done or withdrawn by then.
    for (const action of actionRows) {
      if (action.done_at || action.withdrawn_at) continue;
      action.withdrawn_at = londonIso(this.later(end.at, 0, 1));
      action.withdrawn_reason = 'No longer needed: the disagreement was resolved.';
      action.withdrawn_by = by.id;
      this.log(end.at, by.id, 'escalation.action.withdrawn', { type: 'escalation', id }, 'Withdrew an agreed action');
    }
    const closedRecorded = this.later(end.at, 0.2, 30);
    if (end.status === 'closed-unresolved') {
      const lastStage = stageRows[stageRows.length - 1];
      escalation.closed_reason = lastStage?.outcome_reason ?? random.pick(words.CLOSED_REASONS);
      this.log(closedRecorded, by.id, 'escalation.closed', { type: 'escalation', id }, 'Closed without resolution');
      this.count('escalations closed unresolved');
    } else {
      this.rows.escalation_resolutions.push({
        escalation_id: id,
        resolved_at: londonIso(end.at),
        outcome_statement: random.pick(words.OUTCOME_STATEMENTS),
        consequent_actions: 'The school will monitor attendance and report any new concern the same day.',
        agreed_by: JSON.stringify([this.people.settingName, agency.name]),
        recorded_by: by.id,
        recorded_at: londonIso(closedRecorded),
      });
      this.log(closedRecorded, by.id, 'escalation.resolved', { type: 'escalation', id }, 'Recorded the written statement of the outcome');
      this.count('escalations resolved');
      if (random.chance(0.7)) this.document(child.id, id, 'written-statement-of-outcome', this.later(closedRecorded, 0.2, 30));
    }
    if (random.chance(0.75)) {
      const reviewedAt = end.at + random.int(1, 20) * DAY;
      if (reviewedAt < this.now) {
        this.rows.learning_reviews.push({
          escalation_id: id,
          went_well: 'The team manager called back the same day and the meeting agreed a plan quickly.',
          went_badly: random.chance(0.5) ? 'Replies were slow and the minutes reached the school late.' : 'Nothing in particular.',
          issues_for_partnership: random.chance(0.3) ? 'Minutes of strategy discussions reach schools late.' : 'None',
          reported_to_partnership_at: random.chance(0.2) ? londonIso(reviewedAt) : null,
          reviewed_by: by.id,
          reviewed_at: londonIso(reviewedAt),
        });
        this.log(reviewedAt, by.id, 'escalation.learning', { type: 'escalation', id }, 'Recorded the learning review');
        this.count('learning reviews');
      }
    }
    return { id, open: false };
  }

  entry(
    escalationId: string,
    stageRecordId: string,
    at: number,
    recorded: number,
    agency: words.Agency,
    person: { name: string; role: string },
    last: boolean,
  ): { id: string; at: number; recorded: number } {
    const random = this.random;
    const by = this.staff();
    const id = random.uuid();
    const summary = random.pick(words.ENTRY_SUMMARIES);
    const row: Insertable<StageEntriesTable> = {
      id,
      escalation_id: escalationId,
      stage_record_id: stageRecordId,
      occurred_at: londonIso(at),
      method: random.weighted([
        ['phone', 5],
        ['meeting', 2],
        ['virtual', 2],
        ['email', 3],
        ['letter', 1],
      ] as const),
      participants: JSON.stringify([
        { name: by.name, role: by.role, agency: null },
        { name: person.name, role: person.role, agency: agency.name },
      ]),
      summary,
      decision: random.pick(words.ENTRY_DECISIONS),
      rationale: random.pick(words.ENTRY_RATIONALES),
      told_of_outcome: JSON.stringify(last ? [{ name: person.name, role: person.role, agency: agency.name }] : []),
      original_referrer_told: last && random.chance(0.7) ? 1 : 0,
      created_at: londonIso(recorded),
      created_by: by.id,
    };
    this.rows.stage_entries.push(row);
    this.log(recorded, by.id, 'escalation.entry', { type: 'escalation', id: escalationId }, 'Recorded a conversation and decision');
    this.count('stage entries');
    // Now and then a record is corrected: amended, the old text kept.
    const amendedAt = recorded + random.int(2, 200) * HOUR;
    if (random.chance(0.04) && amendedAt < this.now) {
      const corrected = `${summary} (Corrected: the call was with the duty team manager.)`;
      this.rows.amendments.push({
        id: random.uuid(),
        entity_type: 'stage-entry',
        entity_id: id,
        field: 'summary',
        old_value: JSON.stringify(summary),
        new_value: JSON.stringify(corrected),
        reason: random.pick(words.AMENDMENT_REASONS),
        amended_by: by.id,
        amended_at: londonIso(amendedAt),
      });
      row.summary = corrected;
      this.log(amendedAt, by.id, 'escalation.entry.amended', { type: 'escalation', id: escalationId }, 'Amended summary');
      this.count('amendments');
    }
    return { id, at, recorded };
  }

  action(
    escalationId: string,
    stageRecordId: string,
    entry: { id: string; at: number; recorded: number },
    stageEnd: number,
    agency: words.Agency,
    person: { name: string; role: string },
  ): Insertable<EscalationActionsTable> {
    const random = this.random;
    const by = this.staff();
    const id = random.uuid();
    const agreedOn = londonDate(entry.at);
    const dueDate = addDays(agreedOn, random.int(3, 15));
    const row: Insertable<EscalationActionsTable> = {
      id,
      escalation_id: escalationId,
      stage_record_id: stageRecordId,
      entry_id: random.chance(0.7) ? entry.id : null,
      description: random.pick(words.ACTION_DESCRIPTIONS),
      owner_name: random.chance(0.5) ? by.name : person.name,
      owner_role: random.chance(0.5) ? by.role : `${person.role}, ${agency.name}`,
      due_date: dueDate,
      agreed_on: agreedOn,
      done_at: null,
      done_note: null,
      done_by: null,
      done_backdated_reason: null,
      created_at: londonIso(entry.recorded),
      created_by: by.id,
      withdrawn_at: null,
      withdrawn_reason: null,
      withdrawn_by: null,
    };
    this.rows.escalation_actions.push(row);
    this.log(entry.recorded, by.id, 'escalation.action', { type: 'escalation', id: escalationId }, 'Agreed an action');
    this.count('actions');
    const due = londonTime(dueDate, 17);
    const doneAt = Math.max(entry.at + HOUR, due + random.int(-72, random.chance(0.75) ? -2 : 72) * HOUR);
    const doneRecorded = Math.max(doneAt, entry.recorded) + random.int(0, 20) * HOUR;
    if (random.chance(0.05) && stageEnd < this.now) {
      const withdrawnAt = this.later(entry.recorded, 24, 120);
      row.withdrawn_at = londonIso(withdrawnAt);
      row.withdrawn_reason = 'Overtaken by the core group’s plan.';
      row.withdrawn_by = by.id;
      this.log(withdrawnAt, by.id, 'escalation.action.withdrawn', { type: 'escalation', id: escalationId }, 'Withdrew an agreed action');
    } else if (doneRecorded < this.now && random.chance(0.95)) {
      row.done_at = londonIso(doneAt);
      row.done_by = by.id;
      row.done_note = random.chance(0.3) ? 'Confirmed by email.' : null;
      if (doneAt < entry.recorded) row.done_backdated_reason = 'Done at the meeting itself; recorded when the notes were typed up.';
      this.log(doneRecorded, by.id, 'escalation.action.done', { type: 'escalation', id: escalationId }, 'Recorded an action as done');
    }
    return row;
  }

  document(childId: string, escalationId: string, kind: keyof typeof formTitles, at: number): void {
    if (at >= this.now) return;
    const random = this.random;
    const by = this.staff();
    const id = random.uuid();
    const title = formTitles[kind];
    const content = standInPdf(
      [
        title,
        `Made ${londonIso(at).slice(0, 16).replace('T', ' ')} by ${by.name}`,
        'A stand-in written by the seed data set (npm run seed).',
      ],
      random.int(18_000, 45_000),
      random,
    );
    const sha256 = createHash('sha256').update(content).digest('hex');
    this.rows.documents.push({
      id,
      child_id: childId,
      entity_type: 'escalation',
      entity_id: escalationId,
      kind,
      title,
      file_name: neutralFileName(title, londonIso(at), id),
      sha256,
      content,
      created_by: by.id,
      created_at: londonIso(at),
    });
    this.log(at, by.id, 'document.made', { type: 'document', id }, `Made: ${title}`, sha256);
    this.count('documents');
  }

  /** The setting's INSET days, entered each summer for the year ahead. */
  closures(from: number, to: number): void {
    const firstYear = new Date(from).getUTCFullYear();
    const lastYear = new Date(to).getUTCFullYear();
    for (let year = firstYear; year <= lastYear; year += 1) {
      const enteredAt = londonTime(`${year}-07-10`, 16, 5);
      if (enteredAt < from || enteredAt >= this.now) continue;
      for (const [date, reason] of [
        [`${year}-09-01`, 'INSET day'],
        [`${year}-09-02`, 'INSET day'],
        [`${year}-11-02`, 'INSET day'],
        [`${year + 1}-01-05`, 'INSET day'],
        [`${year + 1}-06-01`, 'INSET day (training)'],
      ] as const) {
        if (!isWorkingDate(date) || this.rows.extra_closures.some((row) => row.date === date)) continue;
        this.rows.extra_closures.push({ date, reason, created_by: this.people.dsl, created_at: londonIso(enteredAt) });
        this.log(enteredAt, this.people.dsl, 'settings.closure.added', null, `Added closure day ${date}`);
        this.count('closure days');
      }
    }
    this.closureDates = Object.freeze(this.rows.extra_closures.map((row) => row.date).sort());
  }

  /** Writes what has been generated so far, in foreign-key order, in one transaction, and empties the buffers. */
  async flush(db: Kysely<DB>): Promise<void> {
    await db.transaction().execute(async (trx) => {
      for (const table of TABLE_ORDER) {
        await insertRows(trx, table, this.rows[table] as Insertable<DB[typeof table]>[]);
      }
    });
    Object.assign(this.rows, emptyRows());
  }
}

/** Sessions around each day's work: an unlock before the first write of a day and a lock after the last. */
function sessionsAround(entries: readonly AuditEntry[], dsl: string): AuditEntry[] {
  const byDay = new Map<string, { first: number; last: number }>();
  for (const entry of entries) {
    const ms = Date.parse(entry.at);
    const day = londonDate(ms);
    const span = byDay.get(day);
    if (!span) byDay.set(day, { first: ms, last: ms });
    else {
      span.first = Math.min(span.first, ms);
      span.last = Math.max(span.last, ms);
    }
  }
  const sessions: AuditEntry[] = [];
  for (const { first, last } of byDay.values()) {
    const base = { actorId: dsl, entityType: null, entityId: null };
    sessions.push({ ...base, at: londonIso(first - 120_000), action: 'unlock', summary: 'Unlocked with passphrase' });
    sessions.push({ ...base, at: londonIso(last + 300_000), action: 'lock', summary: 'Locked' });
  }
  return sessions;
}

/**
 * Writes the data set into an open, set-up records file (the setting, its DSL and deputy already
 * there), the audit log last, in time order. `progress` hears what is being written.
 */
export async function writeSeed(
  db: Kysely<DB>,
  people: SeedPeople,
  options: SeedOptions,
  progress: (message: string) => void = () => undefined,
): Promise<SeedSummary> {
  const random = seededRandom(options.seed);
  const now = options.now;
  const start = now - options.years * 365.2425 * DAY;
  const generator = new Generator(random, people, now);
  const perYear = { children: 15 * options.scale, referrals: 30 * options.scale, escalations: 20 * options.scale };
  const total = {
    children: Math.round(perYear.children * options.years),
    referrals: Math.round(perYear.referrals * options.years),
    escalations: Math.round(perYear.escalations * options.years),
  };

  generator.closures(start, now);

  // Children: added when their first record was made (a referral, written with them below).
  const taken = new Set<string>();
  const times: number[] = [];
  for (let i = 0; i < total.children; i += 1) times.push(schoolTime(random, start, now - 2 * HOUR));
  // The two long histories start early.
  times.sort((a, b) => a - b);
  const children = times.map((at) => generator.child(at, taken));
  for (const child of children) if (random.chance(0.1)) generator.amendChild(child);
  await generator.flush(db);
  progress(`${children.length} children`);

  const longHistory = children[0];
  const chronologyChild = children[1];
  if (!longHistory || !chronologyChild) throw new Error('The seed needs at least two children: use a larger --scale or --years.');

  /** A child already on the register at `at`: often one added recently (open cases come in clusters). */
  const childAt = (at: number): SeedChild => {
    let high = children.length;
    let low = 0;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((children[mid]?.createdAt ?? 0) <= at) low = mid + 1;
      else high = mid;
    }
    const newest = Math.max(1, low);
    const window = random.chance(0.5) ? Math.max(1, Math.round(newest * 0.02)) : newest;
    return children[newest - 1 - random.int(0, window - 1)] ?? children[0] ?? longHistory;
  };

  // Referrals: each child's first, when they were added; the rest through the years, some at the
  // awkward moments; the two long histories get theirs spread over their years at the school.
  const awkward = awkwardMoments(start, now);
  let referralsLeft = total.referrals;
  const lateDecisions: { referralId: string; child: SeedChild; at: number }[] = [];
  const referral = (child: SeedChild, at: number) => {
    const late = random.chance(0.05);
    const id = generator.referral(child, at, { lateDecision: late });
    if (late && at < now - 10 * DAY) lateDecisions.push({ referralId: id, child, at });
    referralsLeft -= 1;
  };
  const heavy = Math.max(2, Math.round(options.scale / 4));
  for (const [child, count] of [
    [longHistory, Math.min(25, heavy)],
    [chronologyChild, Math.min(15, Math.round(heavy * 0.6))],
  ] as const) {
    for (let i = 0; i < count; i += 1) referral(child, schoolTime(random, child.createdAt, Math.min(now, child.createdAt + 8 * 365 * DAY)));
  }
  for (const child of children) {
    if (referralsLeft <= 0) break;
    if (child === longHistory || child === chronologyChild) continue;
    referral(child, child.createdAt + random.int(0, 40) * 60_000);
    if (generator.rows.referrals.length >= 2000) await generator.flush(db);
  }
  while (referralsLeft > 0) {
    const at = random.chance(0.05) && awkward.length > 0 ? random.pick(awkward) : schoolTime(random, start, now - HOUR);
    referral(childAt(at), at);
    if (generator.rows.referrals.length >= 2000) await generator.flush(db);
  }
  await generator.flush(db);
  progress(`${total.referrals} referrals`);

  // Escalations: the long histories first, some from a referral's late decision, the rest at random.
  let escalationsLeft = total.escalations;
  let openEscalationId: string | null = null;
  const escalation = (
    child: SeedChild,
    at: number,
    link: { referralId: string; milestone: 'la-decision'; madeAt: number } | null = null,
    keepOpen = false,
  ) => {
    const made = generator.escalation(child, at, link, keepOpen);
    escalationsLeft -= 1;
    if (made?.open && openEscalationId === null && at > now - 20 * DAY) openEscalationId = made.id;
  };
  for (const [child, count] of [
    [longHistory, Math.min(25, heavy)],
    [chronologyChild, Math.min(13, Math.round(heavy * 0.5))],
  ] as const) {
    for (let i = 0; i < count; i += 1)
      escalation(child, schoolTime(random, child.createdAt, Math.min(now - DAY, child.createdAt + 8 * 365 * DAY)));
  }
  for (const late of lateDecisions) {
    if (escalationsLeft <= total.escalations * 0.9 || !random.chance(0.5)) continue;
    escalation(late.child, workingDaysAfter(late.at, 2) + 2 * HOUR, {
      referralId: late.referralId,
      milestone: 'la-decision',
      madeAt: late.at,
    });
  }
  while (escalationsLeft > 0) {
    const at = schoolTime(random, start, now - HOUR);
    escalation(childAt(at), at);
    if (generator.rows.escalations.length >= 1000) await generator.flush(db);
  }
  // One more opened last week, so there is always an open escalation to write to.
  if (openEscalationId === null) escalation(children[children.length - 1] ?? longHistory, now - 5 * DAY, null, true);
  await generator.flush(db);
  progress(`${total.escalations} escalations`);
  if (openEscalationId === null) throw new Error('The seed made no open escalation.');

  // The audit log: every write above, with the day's unlocks and locks, in time order.
  const entries = [...generator.audit, ...sessionsAround(generator.audit, people.dsl)].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || a.action.localeCompare(b.action),
  );
  generator.audit.length = 0;
  for (let from = 0; from < entries.length; from += 20_000) {
    await db.transaction().execute(async (trx) => {
      for (const entry of entries.slice(from, from + 20_000)) await appendAudit(trx, entry);
    });
  }
  generator.count('audit log rows', entries.length);
  progress(`${entries.length} audit log rows`);

  // The records were written straight into the file, past the services that keep the deadlines
  // table (migration 0011) in step with them: worked out now, as the app's rules give them at `now`.
  const deadlines = await db.transaction().execute((trx) => rebuildDeadlines(trx, () => new Date(now)));
  progress(`${deadlines} open deadlines`);
  return {
    counts: generator.counts,
    longHistoryChildId: longHistory.id,
    chronologyChildId: chronologyChild.id,
    openEscalationId,
  };
}
