import { dueWindowFrom, formatUkDate, type DueWindow } from '../../../shared/deadlines';
import { owedBySetting } from '../../../shared/referrals/milestones';
import { childFullName } from '../../../shared/schemas/children';
import type { Dashboard, DashboardEscalation, DashboardItem } from '../../../shared/schemas/dashboard';
import { countChildren } from '../../../db/queries/children';
import { actionsFor } from '../../../db/queries/escalation-actions';
import { listEscalationRows, stageRecordsFor } from '../../../db/queries/escalations';
import { eventsByReferral, listReferralRows } from '../../../db/queries/referrals';
import { nowIso, type ReadContext } from '../../../electron/core/services/context';
import { referralDeadlineContext, toReferral } from '../../../electron/core/services/referrals';
import { escalationDeadlines } from '../../../electron/core/services/escalations/read';
import { actionDeadline } from '../../../electron/core/services/escalations/model';
import { toEscalationSummary } from '../../../electron/core/services/escalations/view';
import { settingProcedure } from '../../../electron/core/services/procedures';

// The home screen: everything overdue, due today and due in the next seven days, across all
// children, each with its explanation and a link to its record. Worked out on every read.

function place(
  items: Record<DueWindow, DashboardItem[]>,
  item: Omit<DashboardItem, 'window'>,
  windowOf: (dueAt: string) => DueWindow | null,
): void {
  const window = windowOf(item.dueAt);
  if (window !== null) items[window].push({ ...item, window });
}

export async function getDashboard(ctx: ReadContext): Promise<Dashboard> {
  const now = nowIso(ctx.clock);
  const items: Record<DueWindow, DashboardItem[]> = { overdue: [], today: [], 'this-week': [] };
  const windowOf = dueWindowFrom(now);

  const referrals = await listReferralRows(ctx.db, {});
  const events = await eventsByReferral(
    ctx.db,
    referrals.map((row) => row.id),
  );
  const referralDeadlines = await referralDeadlineContext(ctx.db, ctx);
  const escalationRows = await listEscalationRows(ctx.db, {});
  const escalationByMissed = new Map(
    escalationRows
      .filter((row) => row.referral_id && row.missed_milestone)
      .map((row) => [`${row.referral_id}/${row.missed_milestone}`, row.id]),
  );
  let openReferrals = 0;
  for (const row of referrals) {
    const referral = toReferral(row, events.get(row.id) ?? [], [], referralDeadlines);
    const open = referral.milestones.filter((milestone) => milestone.state === 'due' || milestone.state === 'overdue');
    if (open.length > 0) openReferrals += 1;
    for (const milestone of open) {
      place(
        items,
        {
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
        },
        windowOf,
      );
    }
  }

  const openEscalations = escalationRows.filter((row) => row.status === 'open');
  const records = await stageRecordsFor(
    ctx.db,
    openEscalations.map((row) => row.id),
  );
  const escalationDeadlineContext = await escalationDeadlines(ctx);
  for (const row of openEscalations) {
    const summary = toEscalationSummary(row, records.get(row.id) ?? [], escalationDeadlineContext);
    if (!summary.target) continue;
    place(
      items,
      {
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
      },
      windowOf,
    );
  }
  const escalationById = new Map(openEscalations.map((row) => [row.id, row]));
  const openActions = await actionsFor(
    ctx.db,
    openEscalations.map((row) => row.id),
  );
  for (const action of openActions) {
    if (action.done_at !== null) continue;
    const row = escalationById.get(action.escalation_id);
    if (!row) continue;
    const deadline = actionDeadline(action, now);
    // Withdrawn: no longer due.
    if (deadline.state === 'not-required') continue;
    place(
      items,
      {
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
      },
      windowOf,
    );
  }

  // Every open escalation with its stage and the soonest date still owed (its stage's target or an agreed action's).
  const escalationList: DashboardEscalation[] = openEscalations.map((row) => {
    const summary = toEscalationSummary(row, records.get(row.id) ?? [], escalationDeadlineContext);
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
    for (const action of openActions) {
      if (action.escalation_id !== row.id) continue;
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
    return {
      id: row.id,
      childId: row.child_id,
      childName: summary.childName,
      otherAgencyName: summary.otherAgencyName,
      categoryLabel: summary.categoryLabel,
      stageLabel: summary.stageLabel,
      stageTitle: summary.stageTitle,
      nextTarget: owed[0] ?? null,
    };
  });
  escalationList.sort(
    (a, b) =>
      (a.nextTarget ? Date.parse(a.nextTarget.dueAt) : Number.POSITIVE_INFINITY) -
        (b.nextTarget ? Date.parse(b.nextTarget.dueAt) : Number.POSITIVE_INFINITY) || a.childName.localeCompare(b.childName),
  );

  const byDue = (a: DashboardItem, b: DashboardItem) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.childName.localeCompare(b.childName);
  return {
    generatedAt: now,
    procedureChosen: (await settingProcedure(ctx.db)) !== null,
    overdue: items.overdue.sort(byDue),
    today: items.today.sort(byDue),
    thisWeek: items['this-week'].sort(byDue),
    openEscalations: escalationList,
    counts: { openEscalations: openEscalations.length, openReferrals, children: await countChildren(ctx.db) },
  };
}
