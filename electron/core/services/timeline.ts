import { formatUkDate } from '../../../shared/deadlines';
import { contactMethodLabels } from '../../../shared/escalations/contact-methods';
import { referralCategoryLabels } from '../../../shared/referrals/categories';
import { referralEventLabels } from '../../../shared/referrals/events';
import type { Track } from '../../../shared/procedures';
import { levelOfNeedLabels, levelsOfNeed, planStatusLabels, planStatuses } from '../../../shared/schemas/children';
import type { TimelineItem } from '../../../shared/schemas/dashboard';
import { amendmentsAboutChild } from '../../../db/queries/amendments';
import { findChild } from '../../../db/queries/children';
import { documentsForChild } from '../../../db/queries/documents';
import { actionsFor } from '../../../db/queries/escalation-actions';
import { learningReviewsOf, resolutionsOf } from '../../../db/queries/escalation-outcomes';
import { stageRecordsFor, type StageRecordRow } from '../../../db/queries/escalations';
import { escalationsOfChild } from '../../../db/queries/lists';
import { withSnapshots } from './escalations/snapshots';
import { eventsByReferral, listReferralRows } from '../../../db/queries/referrals';
import { entriesOfEscalations } from '../../../db/queries/stage-entries';
import { amendedValue } from './amended-value';
import { notFound, type ReadContext } from './context';
import { referralDeadlineContext, toReferral } from './referrals';
import { escalationDeadlines } from './escalations/read';
import { actionDeadline, procedureOf, skipRuleOf, stageTarget, trackOf } from './escalations/model';

// One child's timeline: every referral and milestone, every escalation stage, conversation,
// action, outcome, amendment and document, in time order. Things not yet done sit at their due time.

const fieldLabels: Readonly<Record<string, string>> = {
  firstName: 'first name',
  lastName: 'last name',
  dateOfBirth: 'date of birth',
  classOrYear: 'class or year',
  levelOfNeed: 'level of need',
  planStatus: 'plan',
  socialWorkerName: 'social worker',
  socialWorkerContact: 'social worker’s contact details',
  summary: 'what was said',
  decision: 'decision',
  rationale: 'rationale',
};

/**
 * How a stage was reached from the one before: escalated (with the reason), routed past stages by the
 * procedure, or — where the procedure allows it — the DSL went straight there, past the stages between.
 */
function howReached(track: Track, previous: StageRecordRow, record: StageRecordRow): string {
  const from = track.stages.findIndex((stage) => stage.id === previous.stage_id);
  const to = track.stages.findIndex((stage) => stage.id === record.stage_id);
  const passed = track.stages.slice(from + 1, to).map((stage) => stage.label);
  const reason = `Reason for escalating: ${previous.outcome_reason ?? 'not recorded'}`;
  if (passed.length === 0) return `Escalated from ${track.stages[from]?.label ?? 'the stage before'}. ${reason}`;
  const skipped = passed.length === 1 ? `${passed[0]} was skipped` : `${passed.join(', ')} were skipped`;
  const rule = skipRuleOf(track, record);
  if (record.skip_rule) {
    return `Went straight here from ${track.stages[from]?.label ?? 'the stage before'}; ${skipped}. The procedure allows this: ${sentence(rule?.when ?? record.routing_reason ?? '')} ${reason}`;
  }
  return `Escalated from ${track.stages[from]?.label ?? 'the stage before'}: ${skipped}, as the procedure routes this disagreement${record.routing_reason ? ` (${record.routing_reason})` : ''}. ${reason}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** An amended value as a person reads it: a plan or level of need by its label, a date of birth as dd/mm/yyyy. */
function inWords(field: string, json: string): string {
  const value: unknown = JSON.parse(json);
  if (field === 'planStatus') {
    const plan = planStatuses.find((status) => status === value);
    if (plan) return planStatusLabels[plan];
  }
  if (field === 'levelOfNeed') {
    const level = levelsOfNeed.find((candidate) => candidate === value);
    if (level) return levelOfNeedLabels[level];
  }
  if (field === 'dateOfBirth' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatUkDate(value);
  return amendedValue(json);
}

export async function childTimeline(ctx: ReadContext, childId: string): Promise<TimelineItem[]> {
  if (!(await findChild(ctx.db, childId))) throw notFound("This child's record");
  const items: TimelineItem[] = [];
  const base = { detail: null, state: null, dueAt: null, explanation: null, link: null } as const;

  const referrals = await listReferralRows(ctx.db, { childId });
  const events = await eventsByReferral(
    ctx.db,
    referrals.map((row) => row.id),
  );
  const referralDeadlines = await referralDeadlineContext(ctx.db, ctx);
  for (const row of referrals) {
    const referral = toReferral(row, events.get(row.id) ?? [], [], referralDeadlines);
    const link = { type: 'referral', id: referral.id } as const;
    items.push({
      ...base,
      id: `referral/${referral.id}`,
      kind: 'referral',
      at: referral.madeAt,
      title: `Referral made to ${referral.referredTo}`,
      detail: `${referralCategoryLabels[referral.category]}. ${referral.summary}`,
      link,
    });
    for (const event of referral.events) {
      items.push({
        ...base,
        id: `event/${event.id}`,
        kind: 'referral',
        at: event.happenedAt,
        title: referralEventLabels[event.kind],
        detail: event.note,
        link,
      });
    }
    for (const milestone of referral.milestones) {
      items.push({
        ...base,
        id: `milestone/${referral.id}/${milestone.id}`,
        kind: 'milestone',
        at: milestone.metAt ?? milestone.dueAt,
        title: milestone.label,
        state: milestone.state,
        dueAt: milestone.dueAt,
        explanation: milestone.explanation,
        link,
      });
    }
  }

  // Without each snapshot's text: the few distinct ones are read once (a long history has dozens of escalations).
  const escalations = await withSnapshots(ctx.db, await escalationsOfChild(ctx.db, childId));
  const records = await stageRecordsFor(
    ctx.db,
    escalations.map((row) => row.id),
  );
  const deadlines = await escalationDeadlines(ctx);
  const actions = await actionsFor(
    ctx.db,
    escalations.map((row) => row.id),
  );
  // Each escalation's records, a query per kind for the whole child (not one per escalation).
  const escalationIds = escalations.map((row) => row.id);
  const entries = await entriesOfEscalations(ctx.db, escalationIds);
  const resolutions = await resolutionsOf(ctx.db, escalationIds);
  const reviews = await learningReviewsOf(ctx.db, escalationIds);
  for (const row of escalations) {
    const link = { type: 'escalation', id: row.id } as const;
    const procedure = procedureOf(row);
    const track = trackOf(procedure, row);
    items.push({
      ...base,
      id: `escalation/${row.id}`,
      kind: 'escalation',
      at: row.opened_at,
      title: `Escalation opened with ${row.other_agency_name}`,
      detail: row.concern,
      link,
    });
    const stageRecords = records.get(row.id) ?? [];
    stageRecords.forEach((record, index) => {
      const stage = track.stages.find((candidate) => candidate.id === record.stage_id);
      if (!stage) return;
      const target = stageTarget(procedure, stage, record, deadlines);
      // A stage is reached at the moment the one before it was escalated: that is where the reason for
      // escalating belongs (a stage's own outcome shows when the next is reached, or as the outcome).
      const previous = stageRecords[index - 1];
      items.push({
        ...base,
        id: `stage/${record.id}`,
        kind: 'stage',
        at: record.started_at,
        title: `${stage.label} reached: ${stage.title}`,
        detail: previous ? howReached(track, previous, record) : null,
        state: target?.state ?? null,
        dueAt: target?.dueAt ?? null,
        explanation: target?.explanation ?? null,
        link,
      });
    });
    for (const entry of entries.get(row.id) ?? []) {
      items.push({
        ...base,
        id: `entry/${entry.id}`,
        kind: 'entry',
        at: entry.occurred_at,
        title: `${contactMethodLabels[entry.method]}: ${entry.decision}`,
        detail: entry.summary,
        link,
      });
    }
    for (const action of actions.filter((candidate) => candidate.escalation_id === row.id)) {
      const deadline = actionDeadline(action, deadlines.now);
      const withdrawn = action.withdrawn_at !== null && action.done_at === null;
      items.push({
        ...base,
        id: `action/${action.id}`,
        kind: 'action',
        at: action.done_at ?? action.withdrawn_at ?? deadline.dueAt,
        title: withdrawn ? `Action withdrawn: ${action.description}` : `Action: ${action.description}`,
        detail: [
          `${action.owner_name} (${action.owner_role}), agreed ${formatUkDate(action.agreed_on)}`,
          withdrawn ? `Withdrawn because: ${action.withdrawn_reason ?? ''}` : null,
          action.done_backdated_reason ? `Recorded as done after the event: ${action.done_backdated_reason}` : null,
        ]
          .filter(Boolean)
          .join('. '),
        state: deadline.state,
        dueAt: deadline.dueAt,
        explanation: deadline.explanation,
        link,
      });
    }
    const resolution = resolutions.get(row.id);
    if (resolution)
      items.push({
        ...base,
        id: `outcome/${row.id}`,
        kind: 'outcome',
        at: resolution.resolved_at,
        title: 'Written statement of the outcome agreed',
        detail: resolution.outcome_statement,
        link,
      });
    if (row.status === 'closed-unresolved' && row.closed_at) {
      items.push({
        ...base,
        id: `closed/${row.id}`,
        kind: 'outcome',
        at: row.closed_at,
        title: 'Escalation closed without resolution',
        detail: row.closed_reason,
        link,
      });
    }
    const review = reviews.get(row.id);
    if (review)
      items.push({
        ...base,
        id: `review/${row.id}`,
        kind: 'outcome',
        at: review.reviewed_at,
        title: 'Learning review recorded',
        detail: review.issues_for_partnership,
        link,
      });
  }

  for (const amendment of await amendmentsAboutChild(ctx.db, childId)) {
    items.push({
      ...base,
      id: `amendment/${amendment.id}`,
      kind: 'amendment',
      at: amendment.amended_at,
      title: `Amended by ${amendment.amended_by_name}: ${fieldLabels[amendment.field] ?? amendment.field}`,
      detail: `Was ${inWords(amendment.field, amendment.old_value)}; now ${inWords(amendment.field, amendment.new_value)}. Reason: ${amendment.reason}`,
    });
  }

  for (const document of await documentsForChild(ctx.db, childId)) {
    items.push({
      ...base,
      id: `document/${document.id}`,
      kind: 'document',
      at: document.created_at,
      title: document.title,
      link: { type: 'document', id: document.id },
    });
  }

  // Each time read once (a long timeline has hundreds of items: parsing in the comparator was most of its cost).
  const times = new Map(items.map((item) => [item, Date.parse(item.at)]));
  return items.sort((a, b) => (times.get(a) ?? 0) - (times.get(b) ?? 0) || a.id.localeCompare(b.id));
}
