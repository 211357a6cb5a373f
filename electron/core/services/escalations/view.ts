import {
  categoryLabel,
  formActionLabels,
  formTitles,
  nextStage,
  skipTargets,
  sourceName,
  withCurrentNames,
  type Contact,
  type Procedure,
  type Stage,
  type Track,
} from '../../../../shared/procedures';
import { childFullName } from '../../../../shared/schemas/children';
import {
  partnershipFormKinds,
  type ActionView,
  type AmendmentView,
  type CurrentStageView,
  type EscalationDetail,
  type EscalationSummary,
  type LadderRung,
  type StageEntryView,
} from '../../../../shared/schemas/escalations';
import type { NotificationRow, PartnershipRow } from '../../../../db/queries/escalation-partnership';
import type { AmendmentRow } from '../../../../db/queries/amendments';
import type { ActionRow } from '../../../../db/queries/escalation-actions';
import type { LearningReviewRow, ResolutionRow } from '../../../../db/queries/escalation-outcomes';
import type { EscalationRow, StageRecordRow } from '../../../../db/queries/escalations';
import type { StageEntryRow } from '../../../../db/queries/stage-entries';
import type { DeadlineContext } from '../deadline-context';
import { amendedValue } from '../amended-value';
import {
  actionDeadline,
  availableDocuments,
  currentRecord,
  parseAgreedBy,
  parsePeople,
  parseStepsDone,
  partiesOf,
  partnershipFormsOf,
  procedureOf,
  skipRuleOf,
  stageOf,
  stageTarget,
  trackOf,
} from './model';

// The presenter: stored rows, read through the escalation model, turned into what the screens show —
// the stage ladder with target dates, the current stage's contacts and checklist, entries with their
// amendment history, and actions with their deadlines. Pure: no queries, no rules of its own.

function buildLadder(
  procedure: Procedure,
  track: Track,
  records: StageRecordRow[],
  deadlines: DeadlineContext,
  ended: boolean,
): LadderRung[] {
  const reached = new Map(records.map((record) => [record.stage_id, record]));
  const indexOf = (stageId: string) => track.stages.findIndex((stage) => stage.id === stageId);
  const current = records[records.length - 1];
  const currentIndex = current ? indexOf(current.stage_id) : -1;
  /** The record reached next after stage `index`, and the one before it: where a passed-over stage was jumped from and to. */
  const jumpOver = (index: number) => {
    const to = records.findIndex((record) => indexOf(record.stage_id) > index);
    return to > 0 ? { from: records[to - 1], to: records[to] } : null;
  };
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
    let skippedBecause: string | null = null;
    if (state === 'skipped') {
      const jump = jumpOver(index);
      const from = jump?.from ? stageOf(track, jump.from.stage_id) : null;
      const to = jump?.to ? stageOf(track, jump.to.stage_id) : null;
      if (jump?.to && from && to) {
        // Short, on each stage passed over: the stage gone to carries the procedure's words.
        skippedBecause = jump.to.skip_rule
          ? `Skipped: went straight from ${from.label} to ${to.label}, as the procedure allows.`
          : `Skipped: the procedure routes this disagreement from ${from.label} to ${to.label}.`;
      }
    }
    const previous = record ? records[records.indexOf(record) - 1] : undefined;
    const rule = record ? skipRuleOf(track, record) : null;
    return {
      stageId: stage.id,
      label: stage.label,
      title: stage.title,
      state,
      skippedBecause,
      wentStraightHere:
        record && rule && previous
          ? {
              fromLabel: stageOf(track, previous.stage_id).label,
              when: rule.when,
              source: rule.source,
              reason: previous.outcome_reason ?? '',
            }
          : null,
      recordId: record?.id ?? null,
      startedAt: record?.started_at ?? null,
      target: record ? stageTarget(procedure, stage, record, deadlines) : null,
      outcome: record?.outcome ?? null,
      outcomeAt: record?.outcome_at ?? null,
      outcomeReason: record?.outcome_reason ?? null,
      // A skip's words are in wentStraightHere; routing's here.
      routingReason: record && !rule ? record.routing_reason : null,
    };
  });
}

/** The renamed names a stage's words use, each with its current name: 'LSCB is now the Liverpool Safeguarding Children Partnership. …'. */
function currentNamesIn(procedure: Procedure, stage: Stage, others: readonly string[]): string[] {
  const words = [
    stage.label,
    stage.title,
    stage.summary,
    ...Object.values(stage.whoActs),
    ...stage.steps.map((step) => step.text),
    ...others,
  ].join(' ');
  return procedure.renamed
    .filter((renamed) => words.includes(renamed.asWritten))
    .map((renamed) => `${renamed.asWritten} is now ${renamed.now}.${renamed.note ? ` ${renamed.note}` : ''}`);
}

/**
 * A stage's contacts: by the ids its snapshot gives, as the setting's procedure now has them (a
 * contact is kept up to date in one place, the procedure's list), else as the snapshot had them.
 */
function stageContacts(procedure: Procedure, stage: Stage, current: readonly Contact[]): CurrentStageView['contacts'] {
  return (stage.contacts ?? []).flatMap((id) => {
    const contact = current.find((candidate) => candidate.id === id) ?? procedure.contacts.find((candidate) => candidate.id === id);
    if (!contact) return [];
    const { id: _id, ...shown } = contact;
    return [shown];
  });
}

function currentStageView(
  row: EscalationRow,
  procedure: Procedure,
  track: Track,
  record: StageRecordRow | null,
  deadlines: DeadlineContext,
  contacts: readonly Contact[],
): CurrentStageView | null {
  if (!record || row.status !== 'open') return null;
  const stage = stageOf(track, record.stage_id);
  const done = new Set(parseStepsDone(record.steps_done));
  const parties = partiesOf(row);
  const next = nextStage(track, stage.id, parties);
  return {
    recordId: record.id,
    stageId: stage.id,
    label: stage.label,
    title: stage.title,
    summary: stage.summary,
    startedAt: record.started_at,
    target: stageTarget(procedure, stage, record, deadlines),
    whoToContact: stage.whoActs[parties.otherAgency],
    whoActsForUs: stage.whoActs[parties.ourAgency],
    contacts: stageContacts(procedure, stage, contacts),
    currentNames: currentNamesIn(
      procedure,
      stage,
      stage.forms.map((form) => formTitles[form.form]),
    ),
    steps: stage.steps.map((step) => ({ id: step.id, text: step.text, done: done.has(step.id) })),
    forms: stage.forms.map((form) => ({
      form: form.form,
      title: formTitles[form.form],
      instruction: `${formActionLabels[form.action]} the ${withCurrentNames(procedure, formTitles[form.form])}`,
    })),
    next: next ? { label: next.stage.label, title: next.stage.title, reason: next.reason } : null,
    skipTo: skipTargets(track, stage.id, parties).map((target) => ({
      stageId: target.stage.id,
      label: target.stage.label,
      title: target.stage.title,
      rules: target.rules.map((rule) => ({ id: rule.id, when: rule.when, source: rule.source })),
    })),
  };
}

function amendmentViews(rows: AmendmentRow[], names: Map<string, string>): AmendmentView[] {
  return rows.map((row) => ({
    field: row.field,
    oldValue: amendedValue(row.old_value),
    newValue: amendedValue(row.new_value),
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
  /** The local contacts as the setting's procedure (this escalation's, at its latest version) now has them. */
  contacts: readonly Contact[];
  partnership: PartnershipRow | undefined;
  partnershipAmendments: AmendmentRow[];
  notifications: NotificationRow[];
}

/** A stored form id in words (one not known is shown as stored rather than failing the page). */
function partnershipFormTitle(form: string): string {
  const kind = partnershipFormKinds.find((candidate) => candidate === form);
  return kind ? formTitles[kind] : form;
}

/** The partnership forms the track calls for, named as the procedure now names them, from the first stage that does. */
function partnershipForms(procedure: Procedure, track: Track, records: readonly StageRecordRow[]): EscalationDetail['partnershipForms'] {
  return partnershipFormsOf(track, records).map(({ form, firstStage, reached }) => ({
    form,
    title: withCurrentNames(procedure, formTitles[form]),
    fromStage: firstStage.label,
    reached,
  }));
}

export function toEscalationDetail(parts: EscalationParts, deadlines: DeadlineContext): EscalationDetail {
  const { row, records } = parts;
  const procedure = procedureOf(row);
  const track = trackOf(procedure, row);
  const parties = partiesOf(row);
  const labelOf = new Map(records.map((record) => [record.id, stageOf(track, record.stage_id).label]));
  const entries: StageEntryView[] = parts.entries.map((entry) => ({
    id: entry.id,
    stageRecordId: entry.stage_record_id,
    stageLabel: labelOf.get(entry.stage_record_id) ?? '',
    occurredAt: entry.occurred_at,
    method: entry.method,
    participants: parsePeople(entry.participants, 'participants'),
    summary: entry.summary,
    decision: entry.decision,
    rationale: entry.rationale,
    toldOfOutcome: parsePeople(entry.told_of_outcome, 'people told of the outcome'),
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
    agreedOn: action.agreed_on,
    dueDate: action.due_date,
    deadline: actionDeadline(action, deadlines.now),
    doneAt: action.done_at,
    doneNote: action.done_note,
    doneBackdatedReason: action.done_backdated_reason,
    recordedAt: action.created_at,
    withdrawn:
      action.withdrawn_at !== null
        ? {
            at: action.withdrawn_at,
            reason: action.withdrawn_reason ?? '',
            by: (action.withdrawn_by !== null ? parts.userNames.get(action.withdrawn_by) : undefined) ?? 'Unknown user',
          }
        : null,
  }));
  return {
    id: row.id,
    childId: row.child_id,
    childName: childFullName({ firstName: row.child_first_name, lastName: row.child_last_name }),
    category: row.category,
    categoryLabel: categoryLabel(row.category),
    status: row.status,
    procedure: {
      id: procedure.id,
      version: procedure.version,
      name: procedure.name,
      partnership: withCurrentNames(procedure, procedure.partnership),
      source: sourceName(procedure),
      lastChecked: procedure.source.lastChecked,
      renamed: procedure.renamed.map(({ asWritten, now }) => ({ asWritten, now })),
    },
    formTitles: {
      'written-concern': withCurrentNames(procedure, formTitles['written-concern']),
      'written-statement-of-outcome': withCurrentNames(procedure, formTitles['written-statement-of-outcome']),
      'liverpool-report-to-lscb': withCurrentNames(procedure, formTitles['liverpool-report-to-lscb']),
      'cscp-escalation-notification': withCurrentNames(procedure, formTitles['cscp-escalation-notification']),
    },
    track: { id: track.id, title: track.title },
    ourAgency: parties.ourAgency,
    otherAgency: { kind: parties.otherAgency, name: row.other_agency_name },
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
    current: currentStageView(row, procedure, track, currentRecord(records), deadlines, parts.contacts),
    entries,
    actions,
    resolution: parts.resolution
      ? {
          resolvedAt: parts.resolution.resolved_at,
          outcomeStatement: parts.resolution.outcome_statement,
          consequentActions: parts.resolution.consequent_actions,
          agreedBy: parseAgreedBy(parts.resolution.agreed_by),
          recordedBy: parts.resolution.recorded_by_name,
        }
      : null,
    partnership: parts.partnership
      ? {
          leadAgency: parts.partnership.lead_agency,
          policyPracticeIssues: parts.partnership.policy_practice_issues,
          currentPosition: parts.partnership.current_position,
          remainingIssues: parts.partnership.remaining_issues,
          updatedAt: parts.partnership.updated_at,
          updatedBy: parts.userNames.get(parts.partnership.updated_by) ?? 'Unknown user',
          amendments: amendmentViews(parts.partnershipAmendments, parts.userNames),
        }
      : null,
    partnershipForms: partnershipForms(procedure, track, records),
    sentToPartnership: parts.notifications.map((notification) => ({
      id: notification.id,
      form: notification.form,
      formTitle: partnershipFormTitle(notification.form),
      sentAt: notification.sent_at,
      note: notification.note,
      recordedBy: notification.recorded_by_name,
    })),
    documents: parts.documents,
    availableDocuments: availableDocuments(row, track, records).map((document) => ({
      ...document,
      title: withCurrentNames(procedure, document.title),
    })),
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

/** What a summary reads of an escalation: a list reads these from its covering index and the snapshot once per procedure version. */
type SummaryRow = Pick<
  EscalationRow,
  | 'id'
  | 'child_id'
  | 'child_first_name'
  | 'child_last_name'
  | 'category'
  | 'status'
  | 'other_agency_name'
  | 'opened_at'
  | 'procedure_snapshot'
  | 'track_id'
>;

export function toEscalationSummary(row: SummaryRow, records: StageRecordRow[], deadlines: DeadlineContext): EscalationSummary {
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
