import type { z } from 'zod';
import { dueByTimescale, formatUkDateTime, formatUkDueBy } from '../../../../shared/deadlines';
import { getBuiltInProcedure, trackFor, type Procedure } from '../../../../shared/procedures';
import type { escalationDraftInput } from '../../../../shared/schemas/referrals';
import type { EscalationDraft, openEscalationInput } from '../../../../shared/schemas/escalations';
import { ApiFailure, fieldFailure } from '../../../../shared/result';
import type { Executor } from '../../../../db/queries/executor';
import { nowIso, type ServiceContext } from '../context';
import { getReferral } from '../referrals';
import { owedBySetting } from '../../../../shared/referrals/milestones';
import { settingProcedure } from '../procedures';
import { settingCalendar } from '../deadline-context';
import { openEscalation } from './lifecycle';

// Opening an escalation, including from a missed statutory milestone of a referral. Missed
// strategy-meeting timescales follow Berkshire West's three escalation steps (seed 000), the one
// policy written for exactly that, unless the setting follows Berkshire West (or its own edited
// copy of it), in which case that version is used.

const MISSED_TIMESCALE_CATEGORY = 'statutory-timescale-missed';
const BERKSHIRE_WEST = 'berkshire-west';

async function procedureForMissedMilestone(db: Executor): Promise<Procedure> {
  const chosen = await settingProcedure(db);
  if (chosen && (chosen.id === BERKSHIRE_WEST || chosen.source.seed === '000')) return chosen;
  const builtIn = getBuiltInProcedure(BERKSHIRE_WEST);
  if (!builtIn) throw new Error('The Berkshire West procedure is missing.');
  return builtIn;
}

export async function openEscalationFromInput(ctx: ServiceContext, input: z.output<typeof openEscalationInput>): Promise<string> {
  if (!input.fromMissed) return openEscalation(ctx, input);
  const referral = await getReferral(ctx, input.fromMissed.referralId);
  if (referral.childId !== input.childId) throw fieldFailure(['fromMissed'], 'That referral is about another child.');
  const milestone = referral.milestones.find((candidate) => candidate.key === input.fromMissed?.milestone);
  if (!milestone || owedBySetting(milestone.key) || (milestone.state !== 'overdue' && milestone.state !== 'met-late')) {
    throw fieldFailure(['fromMissed'], 'That milestone has not been missed.');
  }
  return openEscalation(ctx, input, {
    referralId: referral.id,
    missedMilestone: milestone.key,
    procedure: await procedureForMissedMilestone(ctx.db),
  });
}

/** The open-escalation form, filled in from the missed milestone, with each step's time worked out. */
export async function escalationDraft(ctx: ServiceContext, input: z.output<typeof escalationDraftInput>): Promise<EscalationDraft> {
  const referral = await getReferral(ctx, input.referralId);
  const milestone = referral.milestones.find((candidate) => candidate.key === input.milestone);
  if (!milestone) throw fieldFailure(['milestone'], 'That milestone does not apply to this referral.');
  if (owedBySetting(milestone.key))
    throw new ApiFailure('conflict', `${milestone.label} is for your setting to do: send it now and record it on the referral.`);
  if (milestone.state !== 'overdue')
    throw new ApiFailure('conflict', `${milestone.label} is not overdue, so there is nothing to escalate yet.`);
  const procedure = await procedureForMissedMilestone(ctx.db);
  const track = trackFor(procedure, MISSED_TIMESCALE_CATEGORY);
  if (!track) throw new Error(`${procedure.name} has no route for missed timescales.`);
  const now = nowIso(ctx.clock);
  const calendar = await settingCalendar(ctx.db);

  // Step times run on from each other: step 1 now; each stage's target is when, if nothing has
  // changed, the next step falls due.
  let previous: string | null = now;
  const steps = track.stages.map((stage, index) => {
    if (index === 0)
      return { label: stage.label, title: stage.title, dueAt: now, explanation: ['Take this step now: the timescale has been missed.'] };
    const before = track.stages[index - 1];
    if (previous === null || !before?.target) {
      previous = null;
      return { label: stage.label, title: stage.title, dueAt: null, explanation: [] };
    }
    const due = dueByTimescale(before.target.timescale, previous, calendar, procedure.timescaleOverrides);
    previous = due.dueAt;
    return { label: stage.label, title: stage.title, dueAt: due.dueAt, explanation: due.explanation };
  });

  return {
    procedureName: procedure.name,
    steps,
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
      outcomeSought: `The ${milestone.label.toLowerCase()} to take place without further delay, and the school to be told what the safety plan is in the meantime.`,
      openedAt: now,
      fromMissed: { referralId: referral.id, milestone: milestone.key },
    },
  };
}
