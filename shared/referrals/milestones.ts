import {
  deadlineState,
  dueBy,
  dueByTimescale,
  timescaleSource,
  timescaleSourceWords,
  whoseDays,
  type Calendar,
  type DeadlineState,
  type DueByResult,
  type Rule,
  type TimescaleId,
} from '../deadlines';
import type { LocalTimescale, LocalTimescales } from '../procedures/schema';
import type { ReferralCategory, ReferralConcern, ReferralMethod } from './categories';
import type { ReferralEventKind } from './events';
import { milestoneKeys, type MilestoneKey } from './milestone-keys';

export { milestoneKeys };
export type { MilestoneKey };

// The statutory timeline of a referral, worked out from what has been recorded so far. Nothing
// here is stored: due dates follow from the referral, the events, the calendar and the setting's
// procedure, and the explanation always says why (and whose working days were counted).
//
// Two kinds of timescale, never mixed:
// - national (Working Together 2023, shared/deadlines/timescales.ts): the decision, the
//   assessment, the ICPC, the first core group and the review conferences;
// - local, from the setting's own procedure only: the written follow-up of a phone referral, when
//   the strategy discussion is held, and its minutes. A procedure that sets none for the strategy
//   discussion shows it as an event to record, with no due date.
//
// Whose working days: the written follow-up is the setting's, counted on the setting's calendar
// (its closure days skipped); every other milestone is children's social care's, counted on the
// region's bank holidays only: a school's INSET day never moves social care's deadline.

/** One milestone of one referral: when it is due, why, and whether it was met. */
export interface Milestone {
  /** Unique within the referral (minutes are numbered per strategy discussion, reviews in order). */
  id: string;
  key: MilestoneKey;
  label: string;
  dueAt: string;
  dueDate: string;
  explanation: string[];
  state: DeadlineState;
  metAt: string | null;
  /** The document the timescale comes from, by title and year ('Working Together to Safeguard Children 2023 (paraphrased)'). */
  source: string;
  /** The timescale in the document's words (quoted), or in ours, marked as a paraphrase. */
  sourceWords: string;
  /** Whose deadline it is: the setting's own, or children's social care's. */
  owedBy: 'setting' | 'childrens-social-care';
}

/** Something the DSL should record when it happens, for which no timescale applies. */
export interface ExpectedEvent {
  key: MilestoneKey;
  label: string;
  /** Why it has no due date, in words. */
  why: string;
}

export interface MilestoneEvent {
  kind: ReferralEventKind;
  happenedAt: string;
  s47Started: boolean | null;
  /** On an ICPC: whether it made a child protection plan; null when not recorded. */
  childProtectionPlan?: boolean | null;
  /** On a strategy discussion: whether the setting took part; null when not recorded. */
  settingAttended?: boolean | null;
}

export interface MilestoneReferral {
  madeAt: string;
  method: ReferralMethod;
  concern: ReferralConcern;
  category: ReferralCategory;
  events: readonly MilestoneEvent[];
}

/** The setting's procedure's own referral timescales, with the name of the document they come from. */
export interface ReferralRules {
  timescales: LocalTimescales;
  /** The procedure's source, by title and year. */
  source: string;
}

/** Each milestone's name, as screens and explanations give it. */
export const milestoneLabels: Readonly<Record<MilestoneKey, string>> = {
  'written-follow-up': 'Written follow-up of the phone referral',
  'la-decision': "Children's social care decision and acknowledgement",
  'strategy-discussion': 'Strategy discussion',
  'strategy-minutes': 'Strategy discussion minutes',
  icpc: 'Initial child protection conference (ICPC)',
  'single-assessment': 'Single assessment',
  'first-core-group': 'First core group meeting',
  'first-review-conference': 'First review child protection conference',
  'review-conference': 'Review child protection conference',
};

const ordinals = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];

/** 'Second review child protection conference', '12th review child protection conference'. */
function reviewLabel(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${ordinals[n - 1] ?? `${n}${suffix}`} review child protection conference`;
}

const REVIEW_KINDS: readonly ReferralEventKind[] = ['first-review-conference', 'review-conference'];

function byTime<T extends { happenedAt: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => Date.parse(a.happenedAt) - Date.parse(b.happenedAt));
}

/** A due date, with where its timescale comes from and whose it is. */
interface Due {
  result: DueByResult;
  source: string;
  sourceWords: string;
  owedBy: Milestone['owedBy'];
}

export function referralMilestones(referral: MilestoneReferral, calendar: Calendar, rules: ReferralRules | null, now: string): Milestone[] {
  const events = byTime(referral.events);
  const first = (kind: ReferralEventKind) => events.find((event) => event.kind === kind) ?? null;
  const closed = first('closed-by-social-care');
  const milestones: Milestone[] = [];
  const settingDays = whoseDays('setting', calendar);
  const socialCareDays = whoseDays('other-agency', calendar);

  const national = (id: TimescaleId, from: string): Due => ({
    result: dueByTimescale(id, from, socialCareDays.calendar, socialCareDays.label),
    source: timescaleSource(id),
    sourceWords: timescaleSourceWords(id),
    owedBy: 'childrens-social-care',
  });
  const local = (timescale: LocalTimescale, from: string, eventLabel: string, owedBy: Milestone['owedBy']): Due => {
    const days = owedBy === 'setting' ? settingDays : socialCareDays;
    const rule: Rule = timescale.rule;
    return {
      result: dueBy(from, rule, days.calendar, { eventLabel, calendarLabel: days.label }),
      source: rules?.source ?? '',
      sourceWords: `‘${timescale.source}’`,
      owedBy,
    };
  };

  /** `requiredAfter`: the milestone only exists from then, so closing the referral before it does not end it. */
  const add = (id: string, key: MilestoneKey, label: string, due: Due, metAt: string | null, requiredAfter?: string): Milestone => {
    // Once children's social care closes the referral, milestones not yet met are no longer owed.
    const noLongerOwed =
      metAt === null && closed !== null && (requiredAfter === undefined || Date.parse(closed.happenedAt) >= Date.parse(requiredAfter));
    const milestone: Milestone = {
      id,
      key,
      label,
      dueAt: due.result.dueAt,
      dueDate: due.result.dueDate,
      explanation: due.result.explanation,
      state: noLongerOwed ? 'not-required' : deadlineState(due.result.dueAt, metAt, now),
      metAt,
      source: due.source,
      sourceWords: due.sourceWords,
      owedBy: due.owedBy,
    };
    milestones.push(milestone);
    return milestone;
  };

  const followUp = rules?.timescales['written-follow-up'] ?? null;
  if (referral.method === 'phone' && followUp) {
    add(
      'written-follow-up',
      'written-follow-up',
      milestoneLabels['written-follow-up'],
      local(followUp, referral.madeAt, 'Phone referral made', 'setting'),
      first('written-follow-up')?.happenedAt ?? null,
    );
  }
  add(
    'la-decision',
    'la-decision',
    milestoneLabels['la-decision'],
    national('la-decision', referral.madeAt),
    first('la-decision')?.happenedAt ?? null,
  );

  const strategyDiscussions = events.filter((event) => event.kind === 'strategy-discussion');
  const strategyTimescale = rules?.timescales['strategy-discussion'][referral.category] ?? null;
  if (referral.concern === 'child-protection' && strategyTimescale) {
    add(
      'strategy-discussion',
      'strategy-discussion',
      milestoneLabels['strategy-discussion'],
      local(strategyTimescale, referral.madeAt, 'Referral received', 'childrens-social-care'),
      strategyDiscussions[0]?.happenedAt ?? null,
    );
  }

  // Minutes are owed to the setting after each strategy discussion it attended, where the procedure
  // sets a time for them: the nth minutes received meet the nth such discussion.
  const minutesTimescale = rules?.timescales['strategy-minutes'] ?? null;
  if (minutesTimescale) {
    const minutes = events.filter((event) => event.kind === 'strategy-minutes');
    strategyDiscussions.forEach((discussion, index) => {
      if (discussion.settingAttended !== true) return;
      const met = minutes.find((received) => Date.parse(received.happenedAt) >= Date.parse(discussion.happenedAt));
      if (met) minutes.splice(minutes.indexOf(met), 1);
      add(
        `strategy-minutes-${index + 1}`,
        'strategy-minutes',
        milestoneLabels['strategy-minutes'],
        local(minutesTimescale, discussion.happenedAt, 'Strategy discussion held', 'childrens-social-care'),
        met?.happenedAt ?? null,
        discussion.happenedAt,
      );
    });
  }

  // The ICPC clock runs from the strategy discussion at which the section 47 enquiry was started,
  // not from the latest strategy discussion.
  const s47Start = strategyDiscussions.find((discussion) => discussion.s47Started === true);
  if (s47Start) {
    const notNeeded = first('icpc-not-needed');
    const icpc = first('icpc');
    const icpcMilestone = add(
      'icpc',
      'icpc',
      milestoneLabels.icpc,
      national('icpc', s47Start.happenedAt),
      icpc?.happenedAt ?? null,
      s47Start.happenedAt,
    );
    if (notNeeded && !icpc) icpcMilestone.state = 'not-required';
    // Only a conference that made a child protection plan owes a core group and reviews; nothing is
    // owed while its outcome is not recorded (the referral asks for it).
    if (icpc && icpc.childProtectionPlan === true) planMilestones(icpc.happenedAt, events, national, add);
  }

  // Every referral is assessed within 45 working days, whatever follows it.
  add(
    'single-assessment',
    'single-assessment',
    milestoneLabels['single-assessment'],
    national('single-assessment', referral.madeAt),
    first('single-assessment')?.happenedAt ?? null,
  );

  return milestones;
}

/**
 * After an ICPC that made a plan: the first core group (10 working days) and the first review (3
 * months), then a review within 6 months of each review held, for as long as the plan lasts: each
 * review held meets one due date and sets the next. Once a "child protection plan ended" event is
 * recorded, what was not yet met is no longer owed (as when the referral is closed), and no further
 * review follows.
 */
function planMilestones(
  icpcAt: string,
  events: readonly MilestoneEvent[],
  national: (id: TimescaleId, from: string) => Due,
  add: (id: string, key: MilestoneKey, label: string, due: Due, metAt: string | null, requiredAfter?: string) => Milestone,
): void {
  const after = (event: MilestoneEvent) => Date.parse(event.happenedAt) >= Date.parse(icpcAt);
  const ended = events.find((event) => event.kind === 'cp-plan-ended' && after(event)) ?? null;
  const endedBefore = (milestone: Milestone) => ended !== null && milestone.metAt === null;

  const coreGroup = events.find((event) => event.kind === 'first-core-group' && after(event)) ?? null;
  const core = add(
    'first-core-group',
    'first-core-group',
    milestoneLabels['first-core-group'],
    national('first-core-group', icpcAt),
    coreGroup?.happenedAt ?? null,
    icpcAt,
  );
  if (endedBefore(core)) core.state = 'not-required';

  const reviews = events.filter((event) => REVIEW_KINDS.includes(event.kind) && after(event));
  let from = icpcAt;
  for (let n = 1; n <= reviews.length + 1; n += 1) {
    const held = reviews[n - 1] ?? null;
    const due = n === 1 ? national('first-review-conference', from) : national('later-review-conference', from);
    const review =
      n === 1
        ? add(
            'first-review-conference',
            'first-review-conference',
            milestoneLabels['first-review-conference'],
            due,
            held?.happenedAt ?? null,
            from,
          )
        : add(`review-conference-${n}`, 'review-conference', reviewLabel(n), due, held?.happenedAt ?? null, from);
    if (!held) {
      if (endedBefore(review)) review.state = 'not-required';
      break;
    }
    // The plan has ended and no later review was held: no further review is owed.
    if (ended !== null && reviews[n] === undefined) break;
    from = held.happenedAt;
  }
}

/**
 * What the DSL should record when it happens but that has no due date: the strategy discussion of a
 * child protection referral when the setting's procedure sets no time for it (Working Together 2023
 * sets no number of days either). Nothing is invented.
 */
export function expectedEvents(referral: MilestoneReferral, rules: ReferralRules | null): ExpectedEvent[] {
  const expected: ExpectedEvent[] = [];
  const held = referral.events.some((event) => event.kind === 'strategy-discussion');
  const closed = referral.events.some((event) => event.kind === 'closed-by-social-care');
  if (referral.concern === 'child-protection' && !held && !closed && !rules?.timescales['strategy-discussion'][referral.category]) {
    expected.push({
      key: 'strategy-discussion',
      label: milestoneLabels['strategy-discussion'],
      why: rules
        ? 'Your partnership’s procedure sets no time for a strategy discussion, and Working Together 2023 sets no number of days: record it when it happens.'
        : 'No procedure is chosen yet, so no local time for a strategy discussion is used: record it when it happens.',
    });
  }
  return expected;
}

/** Milestones the setting itself owes (nothing to escalate to another agency: do it). */
export function owedBySetting(key: MilestoneKey): boolean {
  return key === 'written-follow-up';
}
