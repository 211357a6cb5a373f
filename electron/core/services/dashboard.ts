import { dueWindowBounds, dueWindowFrom, formatUkDate, type DueWindow } from '../../../shared/deadlines';
import { owedBySetting } from '../../../shared/referrals/milestones';
import { childFullName } from '../../../shared/schemas/children';
import type { Dashboard, DashboardEscalation, DashboardItem } from '../../../shared/schemas/dashboard';
import { countChildren } from '../../../db/queries/children';
import type { ActionRow } from '../../../db/queries/escalation-actions';
import { stageRecordsFor } from '../../../db/queries/escalations';
import { eventsByReferral } from '../../../db/queries/referrals';
import {
  actionsByIds,
  countReferralsWithDeadlines,
  deadlinesDueBefore,
  escalationsAboutMissed,
  openEscalationItems,
  openEscalationKeys,
  referralsByIds,
  type DeadlineRow,
} from '../../../db/queries/deadlines';
import { nowIso, type ReadContext } from './context';
import type { DeadlineContext } from './deadline-context';
import { referralRules, toReferral, type ReferralDeadlineContext } from './referrals';
import { actionDeadline } from './escalations/model';
import { toEscalationSummary } from './escalations/view';
import { withSnapshots } from './escalations/snapshots';
import { settingProcedure } from './procedures';

// The home screen: everything overdue, due today and due in the next seven days, across all
// children, each with its explanation and a link to its record; and every open escalation with the
// soonest date it still owes. Read from the deadlines kept as data (migration 0011,
// services/deadlines/upkeep.ts), so its cost follows what is due, not how much history is stored:
// - one range of deadlines_due: every item due before the end of the window (overdue ones
//   included); the referrals among them are read and their milestones worked out again;
// - the open escalations (from the covering index by status) with their items (deadlines_by_escalation:
//   a stage's target whenever it falls, or none, and the actions still owed): the window needs their
//   targets and actions, the list of open escalations the soonest of each, however far off.
// Only whether an item is owed and when is stored: its words, its explanation and whether it is
// overdue are worked out here by shared/deadlines, as the record's own page works them out, so what
// is shown is never stale. The items, their order and their words are those the dashboard gave when
// it worked every milestone out from the whole history (tests/unit/deadlines-data compares them).

type Items = Record<DueWindow, DashboardItem[]>;

/** Names compared as String.prototype.localeCompare compares them (the same collator), made once rather than at every comparison. */
const names = new Intl.Collator();

/** Soonest first, then by the child's name; each due instant parsed once, not at every comparison. */
function soonestFirst(items: DashboardItem[]): DashboardItem[] {
  const due = new Map(items.map((item) => [item, Date.parse(item.dueAt)]));
  return items.sort((a, b) => (due.get(a) ?? 0) - (due.get(b) ?? 0) || names.compare(a.childName, b.childName));
}

/** SQLite's order of stored text (the records' own order: stored times sort as text, as the lists sort them). */
function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Place = (item: Omit<DashboardItem, 'window'>) => void;

/** The milestones owed within the window of the referrals that have one, newest referral first (ties: id). */
async function placeMilestones(
  ctx: ReadContext,
  rows: readonly DeadlineRow[],
  context: ReferralDeadlineContext,
  place: Place,
): Promise<void> {
  const referralIds = [...new Set(rows.flatMap((row) => (row.kind === 'milestone' && row.referral_id !== null ? [row.referral_id] : [])))];
  if (referralIds.length === 0) return;
  const referralRows = (await referralsByIds(ctx.db, referralIds)).sort((a, b) => textOrder(b.made_at, a.made_at) || textOrder(b.id, a.id));
  const events = await eventsByReferral(ctx.db, referralIds);
  const referrals = referralRows.map((row) => toReferral(row, events.get(row.id) ?? [], [], context));
  // An overdue milestone owed by another agency links to the escalation opened about it: the oldest,
  // if several (the rows come newest first, and the last one set is kept).
  const missedIds = referrals.flatMap((referral) =>
    referral.milestones.some((milestone) => milestone.state === 'overdue' && !owedBySetting(milestone.key)) ? [referral.id] : [],
  );
  const escalationByMissed = new Map(
    (await escalationsAboutMissed(ctx.db, missedIds)).map((row) => [`${row.referral_id ?? ''}/${row.missed_milestone ?? ''}`, row.id]),
  );
  for (const referral of referrals) {
    for (const milestone of referral.milestones) {
      if (milestone.state !== 'due' && milestone.state !== 'overdue') continue;
      place({
        id: `${referral.id}/${milestone.id}`,
        kind: 'milestone',
        childId: referral.childId,
        childName: referral.childName,
        title: milestone.label,
        context: `Referral made ${formatUkDate(referral.madeAt)} to ${referral.referredTo}`,
        dueAt: milestone.dueAt,
        dueDate: milestone.dueDate,
        explanation: milestone.explanation,
        link: { type: 'referral', id: referral.id },
        ...(milestone.state === 'overdue' && !owedBySetting(milestone.key)
          ? {
              missed: {
                referralId: referral.id,
                milestone: milestone.key,
                escalationId: escalationByMissed.get(`${referral.id}/${milestone.key}`) ?? null,
              },
            }
          : {}),
      });
    }
  }
}

/** Agreed actions in the order the escalation's page lists them: by agreed date, then when agreed. */
function byAgreedDate(a: ActionRow, b: ActionRow): number {
  return textOrder(a.due_date, b.due_date) || textOrder(a.created_at, b.created_at);
}

/**
 * The open escalations: their stage targets and owed actions placed in the windows, and each with
 * the soonest date it still owes (its stage's target or an agreed action's) for the list.
 */
async function openEscalations(
  ctx: ReadContext,
  rows: readonly DeadlineRow[],
  deadlines: DeadlineContext,
  place: Place,
): Promise<DashboardEscalation[]> {
  const now = deadlines.now;
  const open = await withSnapshots(ctx.db, await openEscalationKeys(ctx.db));
  const records = await stageRecordsFor(
    ctx.db,
    open.map((row) => row.id),
  );
  const summaries = new Map(open.map((row) => [row.id, toEscalationSummary(row, records.get(row.id) ?? [], deadlines)]));
  const actions = (
    await actionsByIds(
      ctx.db,
      rows.flatMap((row) => (row.kind === 'action' ? [row.record_id] : [])),
    )
  ).sort(byAgreedDate);
  const actionsOf = new Map<string, ActionRow[]>();
  for (const action of actions) actionsOf.set(action.escalation_id, [...(actionsOf.get(action.escalation_id) ?? []), action]);

  for (const row of open) {
    const summary = summaries.get(row.id);
    if (!summary?.target) continue;
    place({
      id: `${row.id}/stage`,
      kind: 'stage-target',
      childId: row.child_id,
      childName: summary.childName,
      title: `${summary.stageLabel}: ${summary.stageTitle}`,
      context: `Escalation with ${summary.otherAgencyName} (${summary.categoryLabel})`,
      dueAt: summary.target.dueAt,
      dueDate: summary.target.dueDate,
      explanation: summary.target.explanation,
      link: { type: 'escalation', id: row.id },
    });
  }
  const openById = new Map(open.map((row) => [row.id, row]));
  for (const action of actions) {
    const row = openById.get(action.escalation_id);
    if (!row) continue;
    const deadline = actionDeadline(action, now);
    if (deadline.state !== 'due' && deadline.state !== 'overdue') continue;
    place({
      id: action.id,
      kind: 'action',
      childId: row.child_id,
      childName: childFullName({ firstName: row.child_first_name, lastName: row.child_last_name }),
      title: `Action: ${action.description}`,
      context: `${action.owner_name} (${action.owner_role}), escalation with ${row.other_agency_name}`,
      dueAt: deadline.dueAt,
      dueDate: deadline.dueDate,
      explanation: deadline.explanation,
      link: { type: 'escalation', id: row.id },
    });
  }

  const list = open.flatMap((row): DashboardEscalation[] => {
    const summary = summaries.get(row.id);
    if (!summary) return [];
    const owed: NonNullable<DashboardEscalation['nextTarget']>[] = [];
    const target = summary.target;
    if (target && (target.state === 'due' || target.state === 'overdue')) {
      owed.push({
        what: `${summary.stageLabel} target`,
        dueAt: target.dueAt,
        dueDate: target.dueDate,
        explanation: target.explanation,
        state: target.state,
      });
    }
    for (const action of actionsOf.get(row.id) ?? []) {
      const deadline = actionDeadline(action, now);
      if (deadline.state !== 'due' && deadline.state !== 'overdue') continue;
      owed.push({
        what: `Action: ${action.description}`,
        dueAt: deadline.dueAt,
        dueDate: deadline.dueDate,
        explanation: deadline.explanation,
        state: deadline.state,
      });
    }
    owed.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    return [
      {
        id: row.id,
        childId: row.child_id,
        childName: summary.childName,
        otherAgencyName: summary.otherAgencyName,
        categoryLabel: summary.categoryLabel,
        stageLabel: summary.stageLabel,
        stageTitle: summary.stageTitle,
        nextTarget: owed[0] ?? null,
      },
    ];
  });
  // The soonest date still owed first (those with none last), then by the child's name.
  const next = new Map(list.map((row) => [row, row.nextTarget ? Date.parse(row.nextTarget.dueAt) : Number.POSITIVE_INFINITY]));
  return list.sort(
    (a, b) =>
      (next.get(a) ?? Number.POSITIVE_INFINITY) - (next.get(b) ?? Number.POSITIVE_INFINITY) || names.compare(a.childName, b.childName),
  );
}

export async function getDashboard(ctx: ReadContext): Promise<Dashboard> {
  const now = nowIso(ctx.clock);
  const bounds = dueWindowBounds(now);
  const windowOf = dueWindowFrom(now);
  const items: Items = { overdue: [], today: [], 'this-week': [] };
  const place: Place = (item) => {
    const window = windowOf(item.dueAt);
    if (window !== null) items[window].push({ ...item, window });
  };
  // The calendar and the setting's procedure, read once for every date shown.
  const deadlines: DeadlineContext = { calendar: await ctx.calendar(), now };
  const rules = referralRules(await settingProcedure(ctx.db));

  await placeMilestones(ctx, await deadlinesDueBefore(ctx.db, bounds.endOfWeekMs), { ...deadlines, rules }, place);
  const escalations = await openEscalations(ctx, await openEscalationItems(ctx.db), deadlines, place);

  return {
    generatedAt: now,
    procedureChosen: rules !== null,
    overdue: soonestFirst(items.overdue),
    today: soonestFirst(items.today),
    thisWeek: soonestFirst(items['this-week']),
    openEscalations: escalations,
    counts: {
      openEscalations: escalations.length,
      openReferrals: await countReferralsWithDeadlines(ctx.db),
      children: await countChildren(ctx.db),
    },
  };
}
