import type { z } from 'zod';
import { dueBy, formatUkDateTime, formatUkDueBy, whoseDays } from '../../../../shared/deadlines';
import { MISSED_TIMESCALE_CATEGORY, trackFor, trackForMissed, type Track } from '../../../../shared/procedures';
import type { escalationDraftInput } from '../../../../shared/schemas/referrals';
import type { EscalationDraft, openEscalationInput } from '../../../../shared/schemas/escalations';
import { ApiFailure, fieldFailure } from '../../../../shared/result';
import { owedBySetting, type Milestone } from '../../../../shared/referrals/milestones';
import { nowIso, type ServiceContext } from '../context';
import { getReferral } from '../referrals';
import { settingCalendar } from '../deadline-context';
import { openEscalation, procedureForNewEscalation } from './lifecycle';

// Opening an escalation, including from a missed statutory milestone of a referral. A missed
// milestone is escalated under the setting's own procedure, always: the track that procedure gives
// that milestone (Berkshire West's three steps, for a missed strategy discussion in a Berkshire West
// setting), or else its track for a missed statutory timescale (its general ladder), with its stages,
// contacts and forms. No other partnership's procedure is ever put in its place.

/** The overdue (or late-met) milestone of that kind: the first, for one that repeats (a review conference). */
function missedMilestone(milestones: readonly Milestone[], key: string): Milestone | null {
  return (
    milestones.find((candidate) => candidate.key === key && (candidate.state === 'overdue' || candidate.state === 'met-late')) ??
    milestones.find((candidate) => candidate.key === key) ??
    null
  );
}

export async function openEscalationFromInput(ctx: ServiceContext, input: z.output<typeof openEscalationInput>): Promise<string> {
  if (!input.fromMissed) return openEscalation(ctx, input);
  const referral = await getReferral(ctx, input.fromMissed.referralId);
  if (referral.childId !== input.childId) throw fieldFailure(['fromMissed'], 'That referral is about another child.');
  const milestone = missedMilestone(referral.milestones, input.fromMissed.milestone);
  if (!milestone || owedBySetting(milestone.key) || (milestone.state !== 'overdue' && milestone.state !== 'met-late')) {
    throw fieldFailure(['fromMissed'], 'That milestone has not been missed.');
  }
  const procedure = await procedureForNewEscalation(ctx.db);
  // Filed as a missed timescale, it follows the track the procedure gives this milestone; a DSL who
  // chose another kind of disagreement for it gets that kind's track.
  const track =
    input.category === MISSED_TIMESCALE_CATEGORY ? trackForMissed(procedure, milestone.key) : trackFor(procedure, input.category);
  if (!track) throw fieldFailure(['category'], `${procedure.name} has no route for this kind of disagreement. Choose another.`);
  return openEscalation(ctx, input, {
    referralId: referral.id,
    missedMilestone: milestone.key,
    procedure,
    trackId: track.id,
    missedDue: { at: milestone.dueAt, label: milestone.label },
  });
}

/**
 * When each stage falls due if nothing changes: the first at once (the timescale has been missed),
 * each later one when the stage before's target falls due, counted as the procedure says (from the
 * missed timescale, from the previous target, or from the stage before starting, taken as when it
 * fell due). Where a stage sets no target, the stages after it have no date.
 */
function stageDates(track: Track, milestone: Milestone, now: string, shared: ReturnType<typeof whoseDays>): EscalationDraft['steps'] {
  let previousStart: string | null = now;
  return track.stages.map((stage, index) => {
    if (index === 0) {
      return {
        label: stage.label,
        title: stage.title,
        dueAt: now,
        explanation: [`${milestone.label} was due by ${formatUkDueBy(milestone.dueAt)}: take this step now.`],
      };
    }
    const before = track.stages[index - 1];
    if (previousStart === null || !before?.target) {
      previousStart = null;
      return { label: stage.label, title: stage.title, dueAt: null, explanation: [] };
    }
    const from =
      before.target.from === 'timescale-missed'
        ? { at: milestone.dueAt, label: `${milestone.label} fell due` }
        : before.target.from === 'escalation-start'
          ? { at: now, label: 'Disagreement first raised' }
          : before.target.from === 'previous-target' && index > 1
            ? { at: previousStart, label: `${before.label} fell due` }
            : { at: previousStart, label: `${before.label} started` };
    const due = dueBy(from.at, before.target.rule, shared.calendar, { eventLabel: from.label, calendarLabel: shared.label });
    previousStart = due.dueAt;
    return { label: stage.label, title: stage.title, dueAt: due.dueAt, explanation: due.explanation };
  });
}

/** The open-escalation form, filled in from the missed milestone, with each stage's time worked out. */
export async function escalationDraft(ctx: ServiceContext, input: z.output<typeof escalationDraftInput>): Promise<EscalationDraft> {
  const referral = await getReferral(ctx, input.referralId);
  const milestone = missedMilestone(referral.milestones, input.milestone);
  if (!milestone) throw fieldFailure(['milestone'], 'That milestone does not apply to this referral.');
  if (owedBySetting(milestone.key))
    throw new ApiFailure('conflict', `${milestone.label} is for your setting to do: send it now and record it on the referral.`);
  if (milestone.state !== 'overdue')
    throw new ApiFailure('conflict', `${milestone.label} is not overdue, so there is nothing to escalate yet.`);
  const procedure = await procedureForNewEscalation(ctx.db);
  const track = trackForMissed(procedure, milestone.key);
  if (!track) throw new Error(`${procedure.name} has no route for missed timescales.`);
  const now = nowIso(ctx.clock);
  const shared = whoseDays('shared', await settingCalendar(ctx.db));

  return {
    procedureName: procedure.name,
    trackTitle: track.title,
    steps: stageDates(track, milestone, now, shared),
    input: {
      childId: referral.childId,
      category: MISSED_TIMESCALE_CATEGORY,
      immediateRisk: false,
      otherAgencyKind: 'childrens-social-care',
      otherAgencyName: referral.referredTo,
      otherProfessional: { name: '', role: 'Named social worker' },
      concern: `${milestone.label} for the referral made ${formatUkDateTime(referral.madeAt)} was due by ${formatUkDueBy(milestone.dueAt)} and has not happened.`,
      areasOfAgreement: 'None yet.',
      areasOfDisagreement: `Whether the statutory timescale for the ${milestone.label.toLowerCase()} is being met.`,
      riskRelevance:
        'Until it happens, the risk to the child has not been assessed by the agencies together, and there may be no safety plan.',
      outcomeSought: `The ${milestone.label.toLowerCase()} to take place without further delay, and our setting to be told what is being done to keep the child safe in the meantime.`,
      openedAt: now,
      fromMissed: { referralId: referral.id, milestone: milestone.key },
    },
  };
}
