import { dueBy } from './due-by';
import { DeadlineInputError } from './errors';
import type { Calendar, DueByResult, Rule } from './types';

// The national timescales: what Working Together to Safeguard Children 2023 sets for children's
// social care after a referral, the same for every partnership. Nothing local is here: a
// partnership's own timescales (when a strategy discussion is held, its minutes, the written
// follow-up of a phone referral, how long a stage of an escalation has) belong to its procedure
// (shared/procedures), so a setting in one partnership is never given another's.
//
// We do not hold the published text of Working Together 2023, so each timescale is given in our own
// words and marked as a paraphrase; where a policy we do hold quotes the guidance (Liverpool's flow
// chart quotes Working Together 2015 on the decision), that quotation is given beside it.

/** Every national timescale id, as a list: the type below comes from it. */
export const timescaleIds = [
  'la-decision',
  'single-assessment',
  'icpc',
  'first-core-group',
  'first-review-conference',
  'later-review-conference',
] as const;

export type TimescaleId = (typeof timescaleIds)[number];

export const WORKING_TOGETHER_2023 = 'Working Together to Safeguard Children 2023';

interface Timescale {
  id: TimescaleId;
  /** Plain English, e.g. 'Initial child protection conference'. */
  label: string;
  rule: Rule;
  /** What starts the clock, e.g. 'the referral being received'. */
  runsFrom: string;
  /** The first line of the explanation, e.g. 'Referral received'. */
  eventLabel: string;
  /** Whose deadline it is: whose working days it is counted in. */
  owedBy: "Children's social care";
  source: {
    document: typeof WORKING_TOGETHER_2023;
    /** Our paraphrase of the guidance (we do not hold its published text). */
    paraphrase: string;
    /** A policy we hold that quotes the guidance on this timescale, word for word. */
    quotedIn?: { document: string; quote: string };
  };
}

const catalogue: Record<TimescaleId, Timescale> = {
  'la-decision': {
    id: 'la-decision',
    label: 'Local authority decision on the response, and acknowledgement to the referrer',
    rule: { kind: 'working-days', days: 1 },
    runsFrom: 'the referral being received',
    eventLabel: 'Referral received',
    owedBy: "Children's social care",
    source: {
      document: WORKING_TOGETHER_2023,
      paraphrase:
        'Within one working day of receiving a referral, a local authority social worker decides what response it needs and acknowledges it to the referrer.',
      quotedIn: {
        document: 'Working Together to Safeguard Children 2015, as quoted in Liverpool Schools’ Safeguarding Flow Chart 2018',
        quote:
          'Within one working day of a referral being received, a local authority social worker should make a decision about the type of response that is required and acknowledge receipt to the referrer.',
      },
    },
  },
  'single-assessment': {
    id: 'single-assessment',
    label: 'Assessment completed',
    rule: { kind: 'working-days', days: 45 },
    runsFrom: 'the referral being received',
    eventLabel: 'Referral received',
    owedBy: "Children's social care",
    source: {
      document: WORKING_TOGETHER_2023,
      paraphrase:
        'An assessment is completed within 45 working days of the referral at most, whatever else follows it, including a section 47 enquiry.',
    },
  },
  icpc: {
    id: 'icpc',
    label: 'Initial child protection conference',
    rule: { kind: 'working-days', days: 15 },
    // The clock runs from the discussion that started the s47 enquiry; a later strategy discussion
    // does not restart it.
    runsFrom: 'the strategy discussion at which the section 47 enquiry was started (not any later strategy discussion)',
    eventLabel: 'Strategy discussion that started the section 47 enquiry',
    owedBy: "Children's social care",
    source: {
      document: WORKING_TOGETHER_2023,
      paraphrase:
        'The initial child protection conference is held within 15 working days of the strategy discussion at which the section 47 enquiry was started (the first of them, if there was more than one).',
    },
  },
  'first-core-group': {
    id: 'first-core-group',
    label: 'First core group meeting',
    rule: { kind: 'working-days', days: 10 },
    runsFrom: 'the initial child protection conference that made a child protection plan',
    eventLabel: 'Initial child protection conference held (a child protection plan made)',
    owedBy: "Children's social care",
    source: {
      document: WORKING_TOGETHER_2023,
      paraphrase:
        'When the initial conference makes a child protection plan, the core group first meets within 10 working days of that conference.',
    },
  },
  'first-review-conference': {
    id: 'first-review-conference',
    label: 'First review child protection conference',
    rule: { kind: 'months', months: 3 },
    runsFrom: 'the initial child protection conference that made a child protection plan',
    eventLabel: 'Initial child protection conference held (a child protection plan made)',
    owedBy: "Children's social care",
    source: {
      document: WORKING_TOGETHER_2023,
      paraphrase: 'The first review conference is held within 3 months of the initial conference that made the child protection plan.',
    },
  },
  'later-review-conference': {
    id: 'later-review-conference',
    label: 'Review child protection conference',
    rule: { kind: 'months', months: 6 },
    runsFrom: 'the previous review conference',
    eventLabel: 'Previous review conference held',
    owedBy: "Children's social care",
    source: {
      document: WORKING_TOGETHER_2023,
      paraphrase:
        'Further review conferences are held at intervals of no more than 6 months for as long as the child has a child protection plan.',
    },
  },
};

// Frozen all the way down: a caller that changed a rule in place would change every deadline.
for (const timescale of Object.values(catalogue)) {
  Object.freeze(timescale.rule);
  if (timescale.source.quotedIn) Object.freeze(timescale.source.quotedIn);
  Object.freeze(timescale.source);
  Object.freeze(timescale);
}

export const timescales: Readonly<Record<TimescaleId, Timescale>> = Object.freeze(catalogue);

function lookUp(id: TimescaleId): Timescale {
  if (!Object.hasOwn(timescales, id)) {
    throw new DeadlineInputError('id', `is not a known timescale (got ${String(id)})`);
  }
  return timescales[id];
}

/** The rule of a national timescale: the same for every partnership. */
export function timescaleRule(id: TimescaleId): Rule {
  return lookUp(id).rule;
}

/** Where a national timescale comes from, as a screen or a document names it, saying it is a paraphrase. */
export function timescaleSource(id: TimescaleId): string {
  return `${lookUp(id).source.document} (paraphrased)`;
}

/** The guidance in words: our paraphrase, and the quotation a policy we hold gives, where it gives one. */
export function timescaleSourceWords(id: TimescaleId): string {
  const { source } = lookUp(id);
  const quoted = source.quotedIn ? ` ${source.quotedIn.document}: ‘${source.quotedIn.quote}’` : '';
  return `In our words (not quoted): ${source.paraphrase}${quoted}`;
}

/** dueBy with the timescale's rule and its event label, on the calendar of whoever owes it. */
export function dueByTimescale(id: TimescaleId, eventAt: string, calendar: Calendar, calendarLabel?: string): DueByResult {
  const timescale = lookUp(id);
  return dueBy(eventAt, timescale.rule, calendar, {
    eventLabel: timescale.eventLabel,
    ...(calendarLabel === undefined ? {} : { calendarLabel }),
  });
}
