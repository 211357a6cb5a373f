import {
  deadlineState,
  dueByTimescale,
  timescales,
  type Calendar,
  type DeadlineState,
  type TimescaleId,
  type TimescaleOverrides,
} from '../deadlines';
import type { ReferralCategory, ReferralConcern, ReferralMethod } from './categories';
import type { ReferralEventKind } from './events';

// The statutory timeline of a referral, worked out from what has been recorded so far. Nothing
// here is stored: due dates follow from the referral, the events and the calendar, so a closure
// day added later moves them, and the explanation always says why.

/** The statutory milestones a referral can owe. */
export const milestoneKeys = [
  'written-follow-up',
  'la-decision',
  'strategy-discussion',
  'strategy-minutes',
  'icpc',
  'single-assessment',
  'first-core-group',
  'first-review-conference',
] as const;
export type MilestoneKey = (typeof milestoneKeys)[number];

/** One milestone of one referral: when it is due, why, and whether it was met. */
export interface Milestone {
  /** Unique within the referral (minutes milestones are numbered per strategy discussion). */
  id: string;
  key: MilestoneKey;
  label: string;
  dueAt: string;
  dueDate: string;
  explanation: string[];
  state: DeadlineState;
  metAt: string | null;
  /** The policy or guidance the timescale comes from. */
  source: string;
}

export interface MilestoneReferral {
  madeAt: string;
  method: ReferralMethod;
  concern: ReferralConcern;
  category: ReferralCategory;
  events: readonly { kind: ReferralEventKind; happenedAt: string; s47Started: boolean | null }[];
}

const strategyTimescale: Record<ReferralCategory, TimescaleId> = {
  standard: 'strategy-discussion-standard',
  'immediate-risk': 'strategy-discussion-immediate-risk',
  'penetrative-sexual-abuse': 'strategy-discussion-penetrative-sexual-abuse',
  complex: 'strategy-discussion-complex',
};

const labels: Record<MilestoneKey, string> = {
  'written-follow-up': 'Written follow-up of the phone referral',
  'la-decision': "Children's social care decision and acknowledgement",
  'strategy-discussion': 'Strategy discussion',
  'strategy-minutes': 'Strategy discussion minutes',
  icpc: 'Initial child protection conference (ICPC)',
  'single-assessment': 'Single assessment',
  'first-core-group': 'First core group meeting',
  'first-review-conference': 'First review child protection conference',
};

function byTime<T extends { happenedAt: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => Date.parse(a.happenedAt) - Date.parse(b.happenedAt));
}

export function referralMilestones(
  referral: MilestoneReferral,
  calendar: Calendar,
  overrides: TimescaleOverrides,
  now: string,
): Milestone[] {
  const events = byTime(referral.events);
  const first = (kind: ReferralEventKind) => events.find((event) => event.kind === kind) ?? null;
  const closed = first('closed-by-social-care');
  const milestones: Milestone[] = [];

  const add = (id: string, key: MilestoneKey, timescale: TimescaleId, from: string, metAt: string | null, requiredAfter?: string) => {
    const due = dueByTimescale(timescale, from, calendar, overrides);
    // Once children's social care closes the referral, milestones not yet met are no longer owed.
    const noLongerOwed =
      metAt === null && closed !== null && (requiredAfter === undefined || Date.parse(closed.happenedAt) >= Date.parse(requiredAfter));
    milestones.push({
      id,
      key,
      label: labels[key],
      dueAt: due.dueAt,
      dueDate: due.dueDate,
      explanation: due.explanation,
      state: noLongerOwed ? 'not-required' : deadlineState(due.dueAt, metAt, now),
      metAt,
      source: timescales[timescale].source.document,
    });
  };

  if (referral.method === 'phone') {
    add('written-follow-up', 'written-follow-up', 'written-follow-up', referral.madeAt, first('written-follow-up')?.happenedAt ?? null);
  }
  add('la-decision', 'la-decision', 'la-decision', referral.madeAt, first('la-decision')?.happenedAt ?? null);

  const strategyDiscussions = events.filter((event) => event.kind === 'strategy-discussion');
  if (referral.concern === 'child-protection') {
    add(
      'strategy-discussion',
      'strategy-discussion',
      strategyTimescale[referral.category],
      referral.madeAt,
      strategyDiscussions[0]?.happenedAt ?? null,
    );
  }

  // Minutes are owed after every strategy discussion: the nth minutes meet the nth discussion.
  const minutes = events.filter((event) => event.kind === 'strategy-minutes');
  strategyDiscussions.forEach((discussion, index) => {
    const met = minutes.find((received) => Date.parse(received.happenedAt) >= Date.parse(discussion.happenedAt));
    if (met) minutes.splice(minutes.indexOf(met), 1);
    add(
      `strategy-minutes-${index + 1}`,
      'strategy-minutes',
      'strategy-minutes',
      discussion.happenedAt,
      met?.happenedAt ?? null,
      discussion.happenedAt,
    );
  });

  // The ICPC clock runs from the strategy discussion at which the section 47 enquiry was started,
  // not from the latest strategy discussion.
  const s47Start = strategyDiscussions.find((discussion) => discussion.s47Started === true);
  if (s47Start) {
    const notNeeded = first('icpc-not-needed');
    const icpc = first('icpc');
    add('icpc', 'icpc', 'icpc', s47Start.happenedAt, icpc?.happenedAt ?? null, s47Start.happenedAt);
    const icpcMilestone = milestones[milestones.length - 1];
    if (icpcMilestone && notNeeded && !icpc) icpcMilestone.state = 'not-required';
    if (icpc) {
      add(
        'first-core-group',
        'first-core-group',
        'first-core-group',
        icpc.happenedAt,
        first('first-core-group')?.happenedAt ?? null,
        icpc.happenedAt,
      );
      add(
        'first-review-conference',
        'first-review-conference',
        'first-review-conference',
        icpc.happenedAt,
        first('first-review-conference')?.happenedAt ?? null,
        icpc.happenedAt,
      );
    }
  }

  // A single assessment follows a child in need referral, or strategy discussions that did not start
  // a section 47 enquiry: within 45 working days of the referral.
  const noS47 = strategyDiscussions.length > 0 && !s47Start;
  if (referral.concern === 'child-in-need' || noS47) {
    add('single-assessment', 'single-assessment', 'single-assessment', referral.madeAt, first('single-assessment')?.happenedAt ?? null);
  }

  return milestones;
}

/** Milestones the setting itself owes (nothing to escalate to another agency: do it). */
export function owedBySetting(key: MilestoneKey): boolean {
  return key === 'written-follow-up';
}
