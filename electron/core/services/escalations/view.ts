import { DateTime } from 'luxon';
import { dueByTimescale } from '../../../../shared/deadlines';
import { deadlineState } from '../../../../shared/referrals/deadline-state';
import {
  categoryLabel,
  formActionLabels,
  formTitles,
  nextStage,
  parseProcedure,
  trackById,
  type AgencyKind,
  type Procedure,
  type Stage,
  type Track,
} from '../../../../shared/procedures';
import { childFullName } from '../../../../shared/schemas/children';
import {
  agencyKinds,
  contactMethods,
  type ActionView,
  type AgencyKindValue,
  type AmendmentView,
  type ContactMethod,
  type CurrentStageView,
  type Deadline,
  type EscalationDetail,
  type EscalationSummary,
  type LadderRung,
  type Person,
  type StageEntryView,
} from '../../../../shared/schemas/escalations';
import type { AmendmentRow } from '../../../../db/queries/amendments';
import type {
  ActionRow,
  EscalationRow,
  LearningReviewRow,
  ResolutionRow,
  StageEntryRow,
  StageRecordRow,
} from '../../../../db/queries/escalations';
import type { DeadlineContext } from '../deadline-context';

// Turns stored rows and the procedure snapshot into what the screens show: the stage ladder with
// target dates, the current stage's contacts and checklist, entries with their amendment history,
// and actions with their deadlines. Pure: no queries here.

export function toAgencyKind(value: string): AgencyKindValue {
  const found = agencyKinds.find((kind) => kind === value);
  if (!found) throw new Error(`Stored agency kind "${value}" is unknown.`);
  return found;
}

function toContactMethod(value: string): ContactMethod {
  const found = contactMethods.find((method) => method === value);
  if (!found) throw new Error(`Stored contact method "${value}" is unknown.`);
  return found;
}

function parsePeople(json: string): Person[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const name: unknown = Reflect.get(item, 'name');
    const role: unknown = Reflect.get(item, 'role');
    const agency: unknown = Reflect.get(item, 'agency');
    if (typeof name !== 'string' || typeof role !== 'string') return [];
    return [{ name, role, agency: typeof agency === 'string' ? agency : null }];
  });
}

export function parseStepsDone(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

// Snapshots are immutable text, and many escalations share one: parse (and validate) each distinct
// snapshot once. Keyed by the text itself, so an edited or newer procedure is never mistaken for it.
const parsedSnapshots = new Map<string, Procedure>();
const MAX_CACHED_SNAPSHOTS = 64;

export function procedureOf(row: Pick<EscalationRow, 'procedure_snapshot'>): Procedure {
  const cached = parsedSnapshots.get(row.procedure_snapshot);
  if (cached) return cached;
  const parsed = parseProcedure(JSON.parse(row.procedure_snapshot));
  if (parsedSnapshots.size >= MAX_CACHED_SNAPSHOTS) parsedSnapshots.clear();
  parsedSnapshots.set(row.procedure_snapshot, parsed);
  return parsed;
}

export function trackOf(procedure: Procedure, row: Pick<EscalationRow, 'track_id'>): Track {
  const track = trackById(procedure, row.track_id);
  if (!track) throw new Error(`Track ${row.track_id} is missing from the procedure snapshot.`);
  return track;
}

function stageOf(track: Track, stageId: string): Stage {
  const stage = track.stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new Error(`Stage ${stageId} is missing from track ${track.id}.`);
  return stage;
}

/** A stage's target: from when the stage was reached, by the stage's timescale in this procedure. */
export function stageTarget(procedure: Procedure, stage: Stage, record: StageRecordRow, deadlines: DeadlineContext): Deadline | null {
  if (!stage.target) return null;
  const due = dueByTimescale(stage.target.timescale, record.started_at, deadlines.calendar, procedure.timescaleOverrides);
  return { ...due, state: deadlineState(due.dueAt, record.outcome_at, deadlines.now) };
}

/** An action is due by the end of its due date in London. */
export function actionDeadline(action: Pick<ActionRow, 'due_date' | 'done_at'>, now: string): Deadline {
  const end = DateTime.fromISO(action.due_date, { zone: 'Europe/London' }).endOf('day');
  const dueAt = end.toISO() ?? action.due_date;
  return {
    dueAt,
    dueDate: action.due_date,
    explanation: [`Agreed to be done by the end of ${end.toFormat('ccc d LLL yyyy')}`],
    state: deadlineState(dueAt, action.done_at, now),
  };
}

function parties(row: EscalationRow): { ourAgency: AgencyKind; otherAgency: AgencyKind } {
  return { ourAgency: toAgencyKind(row.our_agency), otherAgency: toAgencyKind(row.other_agency_kind) };
}

export function buildLadder(
  procedure: Procedure,
  track: Track,
  records: StageRecordRow[],
  deadlines: DeadlineContext,
  ended: boolean,
): LadderRung[] {
  const reached = new Map(records.map((record) => [record.stage_id, record]));
  const current = records[records.length - 1];
  const currentIndex = current ? track.stages.findIndex((stage) => stage.id === current.stage_id) : -1;
  return track.stages.map((stage, index): LadderRung => {
    const record = reached.get(stage.id) ?? null;
    const isCurrent = record !== null && record === current && record.outcome === null;
    const state: LadderRung['state'] = record
      ? isCurrent
        ? 'current'
        : 'done'
      : index < currentIndex
        ? 'skipped'
        : ended
          ? 'not-reached'
          : 'to-come';
    return {
      stageId: stage.id,
      label: stage.label,
      title: stage.title,
      state,
      recordId: record?.id ?? null,
      startedAt: record?.started_at ?? null,
      target: record ? stageTarget(procedure, stage, record, deadlines) : null,
      outcome: record?.outcome ?? null,
      outcomeAt: record?.outcome_at ?? null,
      outcomeReason: record?.outcome_reason ?? null,
      routingReason: record?.routing_reason ?? null,
    };
  });
}

function currentStageView(
  row: EscalationRow,
  procedure: Procedure,
  track: Track,
  record: StageRecordRow | undefined,
  deadlines: DeadlineContext,
): CurrentStageView | null {
  if (!record || record.outcome !== null || row.status !== 'open') return null;
  const stage = stageOf(track, record.stage_id);
  const done = new Set(parseStepsDone(record.steps_done));
  const next = nextStage(track, stage.id, parties(row));
  return {
    recordId: record.id,
    stageId: stage.id,
    label: stage.label,
    title: stage.title,
    summary: stage.summary,
    startedAt: record.started_at,
    target: stageTarget(procedure, stage, record, deadlines),
    whoToContact: stage.whoActs[toAgencyKind(row.other_agency_kind)],
    whoActsForUs: stage.whoActs[toAgencyKind(row.our_agency)],
    steps: stage.steps.map((step) => ({ id: step.id, text: step.text, done: done.has(step.id) })),
    forms: stage.forms.map((form) => ({
      form: form.form,
      title: formTitles[form.form],
      instruction: `${formActionLabels[form.action]} the ${formTitles[form.form]}`,
    })),
    next: next ? { label: next.stage.label, title: next.stage.title, reason: next.reason } : null,
  };
}

function amendmentViews(rows: AmendmentRow[], names: Map<string, string>): AmendmentView[] {
  return rows.map((row) => ({
    field: row.field,
    oldValue: String(JSON.parse(row.old_value)),
    newValue: String(JSON.parse(row.new_value)),
    reason: row.reason,
    amendedBy: names.get(row.amended_by) ?? 'Unknown user',
    amendedAt: row.amended_at,
  }));
}

export interface EscalationParts {
  row: EscalationRow;
  records: StageRecordRow[];
  entries: StageEntryRow[];
  actions: ActionRow[];
  amendments: Map<string, AmendmentRow[]>;
  userNames: Map<string, string>;
  resolution: ResolutionRow | undefined;
  learningReview: LearningReviewRow | undefined;
  documents: EscalationDetail['documents'];
}

/** Which documents can be made now, by the record's state and the forms its reached stages call for. */
function availableDocuments(row: EscalationRow, track: Track, records: StageRecordRow[]): EscalationDetail['availableDocuments'] {
  const available: EscalationDetail['availableDocuments'] = [];
  if (row.status === 'open') available.push({ kind: 'written-concern', title: formTitles['written-concern'] });
  if (row.status === 'resolved')
    available.push({ kind: 'written-statement-of-outcome', title: formTitles['written-statement-of-outcome'] });
  const reached = new Set(records.map((record) => record.stage_id));
  for (const kind of ['liverpool-report-to-lscb', 'cscp-escalation-notification'] as const) {
    const called = track.stages.some((stage) => reached.has(stage.id) && stage.forms.some((form) => form.form === kind));
    if (called) available.push({ kind, title: formTitles[kind] });
  }
  return available;
}

export function toEscalationDetail(parts: EscalationParts, deadlines: DeadlineContext): EscalationDetail {
  const { row, records } = parts;
  const procedure = procedureOf(row);
  const track = trackOf(procedure, row);
  const labelOf = new Map(records.map((record) => [record.id, stageOf(track, record.stage_id).label]));
  const entries: StageEntryView[] = parts.entries.map((entry) => ({
    id: entry.id,
    stageRecordId: entry.stage_record_id,
    stageLabel: labelOf.get(entry.stage_record_id) ?? '',
    occurredAt: entry.occurred_at,
    method: toContactMethod(entry.method),
    participants: parsePeople(entry.participants),
    summary: entry.summary,
    decision: entry.decision,
    rationale: entry.rationale,
    toldOfOutcome: parsePeople(entry.told_of_outcome),
    originalReferrerTold: entry.original_referrer_told === 1,
    createdAt: entry.created_at,
    createdBy: entry.created_by_name,
    amendments: amendmentViews(parts.amendments.get(entry.id) ?? [], parts.userNames),
  }));
  const actions: ActionView[] = parts.actions.map((action) => ({
    id: action.id,
    stageRecordId: action.stage_record_id,
    stageLabel: labelOf.get(action.stage_record_id) ?? '',
    description: action.description,
    ownerName: action.owner_name,
    ownerRole: action.owner_role,
    dueDate: action.due_date,
    deadline: actionDeadline(action, deadlines.now),
    doneAt: action.done_at,
    doneNote: action.done_note,
  }));
  return {
    id: row.id,
    childId: row.child_id,
    childName: childFullName({ firstName: row.child_first_name, lastName: row.child_last_name }),
    category: row.category,
    categoryLabel: categoryLabel(row.category),
    status: row.status,
    procedure: { id: procedure.id, version: procedure.version, name: procedure.name, partnership: procedure.partnership },
    track: { id: track.id, title: track.title },
    ourAgency: toAgencyKind(row.our_agency),
    otherAgency: { kind: toAgencyKind(row.other_agency_kind), name: row.other_agency_name },
    otherProfessional: { name: row.other_professional_name, role: row.other_professional_role, contact: row.other_professional_contact },
    concern: row.concern,
    areasOfAgreement: row.areas_of_agreement,
    areasOfDisagreement: row.areas_of_disagreement,
    riskRelevance: row.risk_relevance,
    outcomeSought: row.outcome_sought,
    immediateRisk: row.immediate_risk === 1,
    immediateReferral:
      row.immediate_referral_made_at && row.immediate_referral_made_to
        ? { madeAt: row.immediate_referral_made_at, madeTo: row.immediate_referral_made_to }
        : null,
    referralId: row.referral_id,
    missedMilestone: row.missed_milestone,
    openedAt: row.opened_at,
    openedBy: row.opened_by_name,
    closedAt: row.closed_at,
    closedReason: row.closed_reason,
    ladder: buildLadder(procedure, track, records, deadlines, row.status !== 'open'),
    current: currentStageView(row, procedure, track, records[records.length - 1], deadlines),
    entries,
    actions,
    resolution: parts.resolution
      ? {
          resolvedAt: parts.resolution.resolved_at,
          outcomeStatement: parts.resolution.outcome_statement,
          consequentActions: parts.resolution.consequent_actions,
          agreedBy: parsePeopleNames(parts.resolution.agreed_by),
          recordedBy: parts.resolution.recorded_by_name,
        }
      : null,
    documents: parts.documents,
    availableDocuments: availableDocuments(row, track, records),
    learningReview: parts.learningReview
      ? {
          wentWell: parts.learningReview.went_well,
          wentBadly: parts.learningReview.went_badly,
          issuesForPartnership: parts.learningReview.issues_for_partnership,
          reportedToPartnershipAt: parts.learningReview.reported_to_partnership_at,
          reviewedBy: parts.learningReview.reviewed_by_name,
          reviewedAt: parts.learningReview.reviewed_at,
        }
      : null,
  };
}

function parsePeopleNames(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

export function toEscalationSummary(row: EscalationRow, records: StageRecordRow[], deadlines: DeadlineContext): EscalationSummary {
  const procedure = procedureOf(row);
  const track = trackOf(procedure, row);
  const record = records[records.length - 1];
  const stage = record ? stageOf(track, record.stage_id) : track.stages[0];
  return {
    id: row.id,
    childId: row.child_id,
    childName: childFullName({ firstName: row.child_first_name, lastName: row.child_last_name }),
    categoryLabel: categoryLabel(row.category),
    status: row.status,
    otherAgencyName: row.other_agency_name,
    stageLabel: stage?.label ?? '',
    stageTitle: stage?.title ?? '',
    target: record && stage && row.status === 'open' ? stageTarget(procedure, stage, record, deadlines) : null,
    openedAt: row.opened_at,
    procedureName: procedure.name,
  };
}
