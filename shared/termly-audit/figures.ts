import { DateTime } from 'luxon';
import { formatUkDate, formatUkDateTime, plural } from '../deadlines';
import { initialsOf, looksLikeInitials, recordReference, saysNothing } from './names';
import { periodBounds, type ResolvedPeriod } from './periods';
import {
  gapKindLabels,
  gapKinds,
  type AuditChildFact,
  type AuditDeadlineFact,
  type AuditEscalationFact,
  type AuditFacts,
  type ComparisonRow,
  type CountRow,
  type DeadlineKind,
  type EscalationLine,
  type LateDeadline,
  type LearningPoint,
  type PeriodCounts,
  type QualityGap,
  type RecordRef,
  type TermlyAudit,
  type TimescaleCounts,
  type Whose,
} from './types';
import { londonDate, WorkingDayCounter } from './working-days';

// The termly audit's figures: a pure function of the records (with their deadlines already worked
// out by the deadline models) and the period. No clock and no database, so every figure can be
// checked by hand on a small set of records.
//
// Which escalations an audit covers: every one open at some time in the period, that is opened
// before its end and not ended before its start. Of those: carried in (opened before the period) +
// opened in it = resolved in it + closed unresolved in it + still open at its end.
// Which deadlines: every referral milestone, stage target and agreed action due in the period, as
// it stands now: met on time, met late, or still overdue (ones not yet due, or no longer owed, are
// left out).
// Record quality: the gaps in each escalation the audit covers, as the record stands now, each with
// a link to the record where it is fixed.

const LONDON = 'Europe/London';
const HOUR_MS = 3_600_000;

interface Span {
  startMs: number;
  endMs: number;
}

interface Prepared {
  fact: AuditEscalationFact;
  ref: RecordRef;
  openedMs: number;
  closedMs: number | null;
}

interface DeadlineItem {
  kind: DeadlineKind;
  what: string;
  record: RecordRef;
  dueAt: string;
  dueMs: number;
  state: 'met' | 'met-late' | 'overdue';
  metAt: string | null;
  whose: Whose;
  whoseLabel: string;
}

/** References for every record, numbered per child per day in the order the records were made. */
function references<T extends { id: string; child: AuditChildFact; at: string }>(
  prefix: 'E' | 'R',
  records: readonly T[],
): Map<string, RecordRef> {
  const byChildDay = new Map<string, { record: T; day: string }[]>();
  for (const record of records) {
    const day = londonDate(record.at);
    const key = `${record.child.id}/${day}`;
    const same = byChildDay.get(key);
    if (same) same.push({ record, day });
    else byChildDay.set(key, [{ record, day }]);
  }
  const refs = new Map<string, RecordRef>();
  for (const same of byChildDay.values()) {
    if (same.length > 1) same.sort((a, b) => Date.parse(a.record.at) - Date.parse(b.record.at) || a.record.id.localeCompare(b.record.id));
    same.forEach(({ record, day }, index) => {
      const initials = initialsOf(record.child.firstName, record.child.lastName);
      refs.set(record.id, {
        link: { type: prefix === 'E' ? 'escalation' : 'referral', id: record.id },
        childId: record.child.id,
        childName: `${record.child.firstName} ${record.child.lastName}`,
        childInitials: initials,
        reference: recordReference(prefix, day, initials, index + 1),
      });
    });
  }
  return refs;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

function within(ms: number | null, span: Span): boolean {
  return ms !== null && ms >= span.startMs && ms < span.endMs;
}

function inAudit(escalation: Prepared, span: Span): boolean {
  return escalation.openedMs < span.endMs && (escalation.closedMs === null || escalation.closedMs >= span.startMs);
}

function countBy(labels: readonly string[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The highest stage an escalation had reached by the end of the span. */
function highestStage(escalation: AuditEscalationFact, span: Span) {
  let best: AuditEscalationFact['stages'][number] | null = null;
  for (const stage of escalation.stages) {
    if (Date.parse(stage.startedAt) >= span.endMs) continue;
    if (!best || stage.position > best.position) best = stage;
  }
  return best ?? escalation.stages[0] ?? null;
}

function counts(escalations: readonly Prepared[], span: Span): PeriodCounts {
  const covered = escalations.filter((escalation) => inAudit(escalation, span));
  const endedIn = (status: 'resolved' | 'closed-unresolved') =>
    covered.filter((escalation) => escalation.fact.status === status && within(escalation.closedMs, span)).length;
  return {
    inAudit: covered.length,
    carriedIn: covered.filter((escalation) => escalation.openedMs < span.startMs).length,
    opened: covered.filter((escalation) => within(escalation.openedMs, span)).length,
    resolved: endedIn('resolved'),
    closedUnresolved: endedIn('closed-unresolved'),
    stillOpen: covered.filter((escalation) => escalation.closedMs === null || escalation.closedMs >= span.endMs).length,
  };
}

function timescaleCounts(items: readonly DeadlineItem[]): TimescaleCounts {
  return {
    metOnTime: items.filter((item) => item.state === 'met').length,
    metLate: items.filter((item) => item.state === 'met-late').length,
    overdue: items.filter((item) => item.state === 'overdue').length,
  };
}

const deadlineKindLabels: Record<DeadlineKind, string> = {
  milestone: 'Referral milestones',
  'stage-target': 'Escalation stage targets',
  action: 'Agreed actions',
};

const whoseLabels: Record<Whose, string> = {
  setting: 'The setting’s own',
  'other-agency': 'Another agency’s',
  shared: 'Shared by both agencies',
  'named-person': 'A named person’s (agency not recorded)',
};

const resolutionBuckets: { label: string; upTo: number }[] = [
  { label: 'Up to 5 working days', upTo: 5 },
  { label: '6 to 10 working days', upTo: 10 },
  { label: '11 to 20 working days', upTo: 20 },
  { label: '21 to 40 working days', upTo: 40 },
  { label: 'More than 40 working days', upTo: Number.POSITIVE_INFINITY },
];

function owed(deadline: AuditDeadlineFact): deadline is AuditDeadlineFact & { state: 'met' | 'met-late' | 'overdue' } {
  return deadline.state === 'met' || deadline.state === 'met-late' || deadline.state === 'overdue';
}

/** A name as compared with another: the same person whatever the case or the spaces around it. */
function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en-GB');
}

/** The names an escalation's agreed actions are compared with, each made comparable once rather than for every action. */
interface OwnerNames {
  /** The setting's staff who use the app. */
  staff: ReadonlySet<string>;
  setting: string;
}

/** Whose an agreed action is, as far as the record shows: its owner, on the setting's side or the other agency's. */
function actionOwner(escalation: AuditEscalationFact, owner: string, names: OwnerNames): Exclude<Whose, 'shared'> {
  const ownerKey = nameKey(owner);
  if (names.staff.has(ownerKey)) return 'setting';
  const people = escalation.entries
    .flatMap((entry) => [...entry.participants, ...entry.toldOfOutcome])
    .filter((person) => nameKey(person.name) === ownerKey);
  if (people.some((person) => person.agency !== null && nameKey(person.agency) === names.setting)) return 'setting';
  if (nameKey(escalation.otherProfessional.name) === ownerKey) return 'other-agency';
  if (people.some((person) => person.agency !== null && nameKey(person.agency) !== names.setting)) return 'other-agency';
  return 'named-person';
}

function deadlineItems(facts: AuditFacts, escalations: readonly Prepared[], referralRefs: Map<string, RecordRef>): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  const names: OwnerNames = { staff: new Set(facts.staffNames.map(nameKey)), setting: nameKey(facts.settingName) };
  for (const referral of facts.referrals) {
    const record = referralRefs.get(referral.id);
    if (!record) continue;
    for (const milestone of referral.milestones) {
      if (!owed(milestone)) continue;
      items.push({
        kind: 'milestone',
        what: milestone.label,
        record,
        dueAt: milestone.dueAt,
        dueMs: Date.parse(milestone.dueAt),
        state: milestone.state,
        metAt: milestone.metAt,
        whose: milestone.owedBySetting ? 'setting' : 'other-agency',
        whoseLabel: milestone.owedBySetting ? `The setting (${facts.settingName})` : `Children’s social care (${referral.referredTo})`,
      });
    }
  }
  for (const { fact, ref } of escalations) {
    for (const stage of fact.stages) {
      if (!stage.target || !owed(stage.target)) continue;
      items.push({
        kind: 'stage-target',
        what: `${stage.label} target: ${stage.title}`,
        record: ref,
        dueAt: stage.target.dueAt,
        dueMs: Date.parse(stage.target.dueAt),
        state: stage.target.state,
        metAt: stage.target.metAt,
        whose: 'shared',
        whoseLabel: `Both agencies: ${facts.settingName} and ${fact.otherAgencyName}`,
      });
    }
    for (const action of fact.actions) {
      if (!owed(action.deadline)) continue;
      const side = actionOwner(fact, action.ownerName, names);
      const sideWords = side === 'setting' ? ', the setting' : side === 'other-agency' ? `, ${fact.otherAgencyName}` : '';
      items.push({
        kind: 'action',
        what: `Agreed action: ${action.description}`,
        record: ref,
        dueAt: action.deadline.dueAt,
        dueMs: Date.parse(action.deadline.dueAt),
        state: action.deadline.state,
        metAt: action.deadline.metAt,
        whose: side,
        whoseLabel: `${action.ownerName} (${action.ownerRole})${sideWords}`,
      });
    }
  }
  return items;
}

function lateness(
  item: DeadlineItem,
  facts: AuditFacts,
  counters: { setting: WorkingDayCounter; agencies: WorkingDayCounter },
): LateDeadline | null {
  if (item.state === 'met') return null;
  const until = item.state === 'met-late' && item.metAt ? item.metAt : facts.now;
  // Whose working days: the setting's closure days count only against the setting's own deadlines.
  const counter = item.whose === 'setting' ? counters.setting : counters.agencies;
  const workingDays = counter.between(item.dueAt, until);
  const hours = Math.max(0, Math.floor((Date.parse(until) - item.dueMs) / HOUR_MS));
  // Under a day late (an hours-based deadline met the next morning), or late only over a weekend: in hours.
  const amount =
    hours >= 24 && workingDays > 0 ? plural(workingDays, 'working day') : hours > 0 ? plural(hours, 'hour') : 'less than an hour';
  return {
    kind: item.kind,
    what: item.what,
    record: item.record,
    dueAt: item.dueAt,
    metAt: item.state === 'met-late' ? item.metAt : null,
    state: item.state,
    lateBy: item.state === 'met-late' ? `${amount} late` : `Overdue by ${amount}`,
    lateWorkingDays: workingDays,
    lateHours: hours,
    whose: item.whose,
    whoseLabel: item.whoseLabel,
  };
}

function qualityGaps(escalation: Prepared): QualityGap[] {
  const { fact, ref } = escalation;
  const gaps: QualityGap[] = [];
  const add = (kind: QualityGap['kind'], key: string, what: string, fix: string, record: RecordRef = ref) =>
    gaps.push({ key: `${fact.id}/${kind}/${key}`, kind, record, what, fix });
  const ended = fact.status !== 'open';
  const stageOf = new Map(fact.stages.map((stage) => [stage.recordId, stage]));
  const current = fact.status === 'open' ? fact.stages[fact.stages.length - 1] : undefined;

  for (const stage of fact.stages) {
    if (fact.entries.some((entry) => entry.stageRecordId === stage.recordId)) continue;
    add(
      'stage-not-recorded',
      stage.recordId,
      `${stage.label} (${stage.title}): no conversation or decision recorded.`,
      stage === current
        ? `Record the conversation and decision at ${stage.label}.`
        : 'This stage has ended, so nothing more can be recorded at it: say why in the learning review.',
    );
  }
  for (const entry of fact.entries) {
    if (!saysNothing(entry.rationale)) continue;
    const stage = stageOf.get(entry.stageRecordId);
    add(
      'entry-without-rationale',
      entry.id,
      `The conversation of ${formatUkDateTime(entry.occurredAt)}${stage ? ` at ${stage.label}` : ''} gives no rationale for its decision.`,
      'Amend the record to give the rationale for the decision.',
    );
  }
  if (ended && !fact.entries.some((entry) => entry.originalReferrerTold)) {
    add(
      'referrer-not-told',
      'referrer',
      'No record says the original referrer was told of the outcome.',
      'Tell the original referrer of the outcome, and say when in the learning review.',
    );
  }
  if (fact.status === 'resolved') {
    if (!fact.resolution || saysNothing(fact.resolution.outcomeStatement)) {
      add(
        'no-outcome-statement',
        'statement',
        'Resolved, but no written statement of the outcome is recorded.',
        'Record the written statement of the outcome.',
      );
    } else if (!fact.documents.some((document) => document.kind === 'written-statement-of-outcome')) {
      add(
        'no-outcome-statement',
        'document',
        'Resolved, but the written statement of the outcome was never made as a document for the agencies.',
        'Make the written statement of the outcome (Documents on the escalation).',
      );
    }
  }
  if (ended && !fact.learningReview) {
    add(
      'no-learning-review',
      'review',
      `${fact.status === 'resolved' ? 'Resolved' : 'Closed'}, but no learning review is recorded.`,
      'Record the learning review.',
    );
  }
  for (const action of fact.actions) {
    if (action.doneAt !== null || action.deadline.state !== 'overdue') continue;
    add(
      'action-past-date',
      action.id,
      `Agreed action past its date: “${action.description}” (${action.ownerName}, ${action.ownerRole}; due ${formatUkDate(action.dueDate)}).`,
      `Record it as done, or follow it up with ${action.ownerName}.`,
    );
  }
  for (const stage of fact.stages) {
    for (const form of stage.forms) {
      const made = fact.documents.some(
        (document) =>
          document.kind === form.kind && (form.action === 'complete' || Date.parse(document.createdAt) >= Date.parse(stage.startedAt)),
      );
      if (made) continue;
      add(
        'form-not-made',
        `${stage.recordId}/${form.kind}`,
        form.action === 'complete'
          ? `${stage.label}: the procedure asks for the ${form.title}; none was made.`
          : `${stage.label}: the procedure asks for the ${form.title} to be ${form.action === 'update' ? 'updated' : 'submitted'}; no copy was made at this stage.`,
        `Make the ${form.title} (Documents on the escalation).`,
      );
    }
  }
  const childName = `${fact.child.firstName} ${fact.child.lastName}`;
  if (looksLikeInitials(childName)) {
    add('name-initials', 'child', `The child’s name is recorded as “${childName}”.`, 'Amend the child’s record to give their full name.', {
      ...ref,
      link: { type: 'child', id: fact.child.id },
    });
  }
  const people = new Map<string, string>();
  const note = (name: string, where: string) => {
    if (looksLikeInitials(name) && !people.has(name)) people.set(name, where);
  };
  note(fact.otherProfessional.name, 'the other professional');
  for (const entry of fact.entries) {
    for (const person of entry.participants) note(person.name, `took part on ${formatUkDate(entry.occurredAt)}`);
    for (const person of entry.toldOfOutcome) note(person.name, `told of the outcome on ${formatUkDate(entry.occurredAt)}`);
  }
  for (const action of fact.actions) note(action.ownerName, 'owner of an agreed action');
  for (const [name, where] of people) {
    add(
      'name-initials',
      `person/${name}`,
      `“${name}” (${where}) is not written in full (first and last name).`,
      'Amend the record to give the person’s full name and role.',
    );
  }
  return gaps;
}

function byMonth(escalations: readonly Prepared[], period: ResolvedPeriod, span: Span): TermlyAudit['byMonth'] {
  const months: TermlyAudit['byMonth'] = [];
  const index = new Map<string, TermlyAudit['byMonth'][number]>();
  let month = DateTime.fromISO(period.from, { zone: LONDON }).startOf('month');
  const last = DateTime.fromISO(period.to, { zone: LONDON });
  while (month <= last) {
    const row = { month: month.toFormat('yyyy-MM'), label: month.toFormat('LLL yyyy'), opened: 0, resolved: 0, closedUnresolved: 0 };
    months.push(row);
    index.set(row.month, row);
    month = month.plus({ months: 1 });
  }
  const monthOf = (iso: string) => index.get(londonDate(iso).slice(0, 7));
  for (const escalation of escalations) {
    if (within(escalation.openedMs, span)) {
      const row = monthOf(escalation.fact.openedAt);
      if (row) row.opened += 1;
    }
    if (escalation.fact.closedAt !== null && within(escalation.closedMs, span)) {
      const row = monthOf(escalation.fact.closedAt);
      if (row && escalation.fact.status === 'resolved') row.resolved += 1;
      if (row && escalation.fact.status === 'closed-unresolved') row.closedUnresolved += 1;
    }
  }
  return months;
}

export function termlyAudit(facts: AuditFacts, period: ResolvedPeriod, comparisons: readonly ResolvedPeriod[]): TermlyAudit {
  const span = periodBounds(period);
  const escalationRefs = references(
    'E',
    facts.escalations.map((escalation) => ({ id: escalation.id, child: escalation.child, at: escalation.openedAt })),
  );
  const referralRefs = references(
    'R',
    facts.referrals.map((referral) => ({ id: referral.id, child: referral.child, at: referral.madeAt })),
  );
  const prepared: Prepared[] = facts.escalations.flatMap((fact) => {
    const ref = escalationRefs.get(fact.id);
    if (!ref) return [];
    return [{ fact, ref, openedMs: Date.parse(fact.openedAt), closedMs: fact.closedAt === null ? null : Date.parse(fact.closedAt) }];
  });
  const counters = { setting: new WorkingDayCounter(facts.region, facts.closures), agencies: new WorkingDayCounter(facts.region) };
  const toResolution = (escalation: Prepared) =>
    escalation.fact.status === 'resolved' && escalation.fact.closedAt !== null
      ? counters.agencies.between(escalation.fact.openedAt, escalation.fact.closedAt)
      : null;
  const items = deadlineItems(facts, prepared, referralRefs);
  const dueIn = (range: Span) => items.filter((item) => within(item.dueMs, range));

  const covered = prepared
    .filter((escalation) => inAudit(escalation, span))
    .sort((a, b) => a.openedMs - b.openedMs || a.fact.id.localeCompare(b.fact.id));
  const resolvedHere = covered.filter((escalation) => escalation.fact.status === 'resolved' && within(escalation.closedMs, span));
  const durations = resolvedHere.map((escalation) => ({ escalation, days: toResolution(escalation) ?? 0 }));
  const longest = durations.reduce<(typeof durations)[number] | null>((best, next) => (!best || next.days > best.days ? next : best), null);

  const gapsByEscalation = new Map(covered.map((escalation) => [escalation.fact.id, qualityGaps(escalation)]));
  const gaps = [...gapsByEscalation.values()].flat();
  const due = dueIn(span);
  const late = due
    .map((item) => lateness(item, facts, counters))
    .filter((item): item is LateDeadline => item !== null)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.what.localeCompare(b.what));

  const escalations: EscalationLine[] = covered.map((escalation) => {
    const stage = highestStage(escalation.fact, span);
    const endedBy = escalation.closedMs !== null && escalation.closedMs < span.endMs;
    return {
      record: escalation.ref,
      categoryLabel: escalation.fact.categoryLabel,
      agencyKindLabel: escalation.fact.otherAgencyKindLabel,
      agencyName: escalation.fact.otherAgencyName,
      procedureName: escalation.fact.procedureName,
      openedAt: escalation.fact.openedAt,
      statusAtEnd: endedBy ? escalation.fact.status : 'open',
      closedAt: endedBy ? escalation.fact.closedAt : null,
      highestStage: stage ? `${stage.label}: ${stage.title}` : '',
      workingDaysToResolution: endedBy ? toResolution(escalation) : null,
      gaps: gapsByEscalation.get(escalation.fact.id)?.length ?? 0,
    };
  });

  const stageOrder = new Map<string, number>();
  for (const escalation of covered) {
    const stage = highestStage(escalation.fact, span);
    if (stage) stageOrder.set(stage.label, Math.min(stageOrder.get(stage.label) ?? stage.position, stage.position));
  }
  const byHighestStage = countBy(
    covered.flatMap((escalation) => {
      const stage = highestStage(escalation.fact, span);
      return stage ? [stage.label] : [];
    }),
  ).sort((a, b) => (stageOrder.get(a.label) ?? 0) - (stageOrder.get(b.label) ?? 0) || a.label.localeCompare(b.label));

  const agencyKinds = new Map(covered.map((escalation) => [escalation.fact.otherAgencyName, escalation.fact.otherAgencyKindLabel]));

  const learning: LearningPoint[] = prepared
    .flatMap((escalation) => {
      const review = escalation.fact.learningReview;
      if (!review || !within(Date.parse(review.reviewedAt), span)) return [];
      return [
        {
          record: escalation.ref,
          reviewedAt: review.reviewedAt,
          reviewedBy: review.reviewedBy,
          wentWell: review.wentWell,
          wentBadly: review.wentBadly,
          issuesForPartnership: review.issuesForPartnership,
          hasIssues: !saysNothing(review.issuesForPartnership),
          reportedToPartnershipAt: review.reportedToPartnershipAt,
        },
      ];
    })
    .sort((a, b) => Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt));

  const comparisonRow = (row: ResolvedPeriod, current: boolean): ComparisonRow => {
    const rowSpan = periodBounds(row);
    const resolved = prepared.filter((escalation) => escalation.fact.status === 'resolved' && within(escalation.closedMs, rowSpan));
    return {
      label: row.label,
      from: row.from,
      to: row.to,
      current,
      ...counts(prepared, rowSpan),
      ...timescaleCounts(dueIn(rowSpan)),
      medianWorkingDaysToResolution: median(resolved.map((escalation) => toResolution(escalation) ?? 0)),
    };
  };

  return {
    period,
    generatedAt: facts.now,
    settingName: facts.settingName,
    workingDaysNote: `Working days are Monday to Friday, except bank holidays in ${facts.regionLabel}. How late a deadline was is counted in the working days of whoever owed it: the setting’s own closure days are skipped only for the setting’s deadlines.`,
    procedures: [...new Set(covered.map((escalation) => escalation.fact.procedureName))].sort(),
    counts: counts(prepared, span),
    resolution: {
      resolvedCount: resolvedHere.length,
      medianWorkingDays: median(durations.map((duration) => duration.days)),
      longestWorkingDays: longest ? longest.days : null,
      longest: longest ? longest.escalation.ref : null,
      buckets: resolutionBuckets.map((bucket) => ({
        label: bucket.label,
        count: durations.filter((duration) => resolutionBuckets.find((candidate) => duration.days <= candidate.upTo) === bucket).length,
      })),
    },
    byMonth: byMonth(prepared, period, span),
    byCategory: countBy(covered.map((escalation) => escalation.fact.categoryLabel)),
    byAgencyKind: countBy(covered.map((escalation) => escalation.fact.otherAgencyKindLabel)),
    byAgency: countBy(covered.map((escalation) => escalation.fact.otherAgencyName)).map((row) => ({
      ...row,
      kindLabel: agencyKinds.get(row.label) ?? '',
    })),
    byHighestStage,
    comparison: [...comparisons.map((row) => comparisonRow(row, false)), comparisonRow(period, true)],
    timescales: {
      total: timescaleCounts(due),
      byKind: (['milestone', 'stage-target', 'action'] as const).map((kind) => ({
        kind,
        label: deadlineKindLabels[kind],
        ...timescaleCounts(due.filter((item) => item.kind === kind)),
      })),
      byWhose: (['setting', 'other-agency', 'shared', 'named-person'] as const)
        .map((whose) => ({ whose, label: whoseLabels[whose], ...timescaleCounts(due.filter((item) => item.whose === whose)) }))
        .filter((row) => row.whose !== 'named-person' || row.metOnTime + row.metLate + row.overdue > 0),
      late,
    },
    escalations,
    gaps,
    gapCounts: gapKinds.map((kind) => ({ kind, label: gapKindLabels[kind], count: gaps.filter((gap) => gap.kind === kind).length })),
    learning,
  };
}
