import { dueBy } from './due-by';
import { DeadlineInputError } from './errors';
import type { Calendar, Rule } from './types';

// Every timescale the policies name, as data, with the policy's own words. The referral and
// escalation features read their deadlines from here (through dueByTimescale), so a timescale is
// written down once, next to its source, and nowhere else.

/** Every timescale id, as a list: the type below, and the procedure schema's check of a stage target, come from it. */
export const timescaleIds = [
  'strategy-discussion-immediate-risk',
  'strategy-discussion-penetrative-sexual-abuse',
  'strategy-discussion-complex',
  'strategy-discussion-standard',
  'strategy-minutes',
  'icpc',
  'single-assessment',
  'la-decision',
  'written-follow-up',
  'escalation-stage',
  'bw-escalation-step-2',
  'bw-escalation-step-3',
  'first-review-conference',
  'later-review-conference',
  'first-core-group',
] as const;

export type TimescaleId = (typeof timescaleIds)[number];

interface Timescale {
  id: TimescaleId;
  /** Plain English, e.g. 'Strategy discussion (immediate risk)'. */
  label: string;
  rule: Rule;
  /** What starts the clock, e.g. 'the referral being received'. */
  runsFrom: string;
  /** The first line of the explanation, e.g. 'Referral received'. */
  eventLabel: string;
  source: { document: string; quote: string };
  /** True where partnerships set different values, so a setting may override the rule. */
  variesByPartnership: boolean;
}

const berkshireWest = 'Berkshire West SCP escalation procedure for schools and early years (seed 000)';
const liverpool = 'Northway Primary & Nursery School, Liverpool, Escalation Guidance Policy 2018 (seed 001)';
const workingTogether2023 = 'Working Together to Safeguard Children 2023';

const catalogue: Record<TimescaleId, Timescale> = {
  'strategy-discussion-immediate-risk': {
    id: 'strategy-discussion-immediate-risk',
    label: 'Strategy discussion (immediate risk)',
    rule: { kind: 'same-day' },
    runsFrom: 'the referral being received',
    eventLabel: 'Referral received',
    source: {
      document: berkshireWest,
      quote:
        'Allegations/concerns indicating immediate risk of harm to the child (e.g. serious physical injury or serious neglect) - On the same day as the receipt of the referral',
    },
    variesByPartnership: true,
  },
  'strategy-discussion-penetrative-sexual-abuse': {
    id: 'strategy-discussion-penetrative-sexual-abuse',
    label: 'Strategy discussion (penetrative sexual abuse, to secure forensic evidence)',
    rule: { kind: 'same-day' },
    runsFrom: 'the referral being received',
    eventLabel: 'Referral received',
    source: {
      document: berkshireWest,
      quote:
        'Allegations of penetrative sexual abuse, if it is required to ensure forensic evidence - On the same day as the receipt of the referral',
    },
    variesByPartnership: true,
  },
  'strategy-discussion-complex': {
    id: 'strategy-discussion-complex',
    label: 'Strategy discussion (complex concerns: FII, organised abuse, CSE)',
    rule: { kind: 'working-days', days: 5 },
    runsFrom: 'the referral being received',
    eventLabel: 'Referral received',
    source: {
      document: berkshireWest,
      quote:
        'Where concerns are particularly complex (e.g. fabricated/induced illness/organised abuse/child sexual exploitation). … - Within five working days of receipt of the referral',
    },
    variesByPartnership: true,
  },
  'strategy-discussion-standard': {
    id: 'strategy-discussion-standard',
    label: 'Strategy discussion',
    rule: { kind: 'working-days', days: 1 },
    runsFrom: 'child protection concerns being identified',
    eventLabel: 'Child protection concerns identified',
    source: {
      document: berkshireWest,
      quote: 'Strategy discussions/meetings must take place within one working day of child protection concerns being identified',
    },
    variesByPartnership: true,
  },
  'strategy-minutes': {
    id: 'strategy-minutes',
    label: 'Strategy discussion minutes distributed',
    rule: { kind: 'hours', hours: 24 },
    runsFrom: 'the strategy discussion or meeting',
    eventLabel: 'Strategy discussion held',
    source: {
      document: berkshireWest,
      quote:
        'All minutes should be written up and distributed to attendees within 24 hours (an extended timescale may be agreed in exceptional circumstances).',
    },
    variesByPartnership: true,
  },
  icpc: {
    id: 'icpc',
    label: 'Initial child protection conference',
    rule: { kind: 'working-days', days: 15 },
    // Working Together 2023 counts from the discussion that started the s47 enquiry; a later
    // strategy discussion does not restart the clock.
    runsFrom: 'the strategy discussion at which the section 47 enquiry was started (not any later strategy discussion)',
    eventLabel: 'Strategy discussion that started the section 47 enquiry',
    source: {
      document: `${berkshireWest}; ${workingTogether2023}`,
      quote:
        'If a Section 47 enquiry is to be initiated, and if the outcome of this enquiry is that an ICPC is needed, this must be held within 15 working days.',
    },
    variesByPartnership: false,
  },
  'single-assessment': {
    id: 'single-assessment',
    label: 'Single assessment completed',
    rule: { kind: 'working-days', days: 45 },
    runsFrom: 'the referral being received',
    eventLabel: 'Referral received',
    source: {
      document: berkshireWest,
      quote:
        'If there is no cause to pursue the Section 47 enquiry, then a single assessment will be undertaken … This must be completed within 45 working days of the referral.',
    },
    variesByPartnership: false,
  },
  'la-decision': {
    id: 'la-decision',
    label: 'Local authority decision on the response, and acknowledgement to the referrer',
    rule: { kind: 'working-days', days: 1 },
    runsFrom: 'the referral being received',
    eventLabel: 'Referral received',
    source: {
      document: `${liverpool}, quoting Working Together to Safeguard Children 2015`,
      quote:
        'Within one working day of a referral being received, a local authority social worker should make a decision about the type of response that is required and acknowledge receipt to the referrer.',
    },
    variesByPartnership: false,
  },
  'written-follow-up': {
    id: 'written-follow-up',
    label: 'Written follow-up of a phone referral',
    // Liverpool's flow chart says 24 hours; many partnerships say 48: settings override it.
    rule: { kind: 'hours', hours: 24 },
    runsFrom: 'the phone referral',
    eventLabel: 'Phone referral made',
    source: {
      document: `${liverpool}: Liverpool Schools' Safeguarding Flow Chart 2018`,
      quote: 'You should then follow up your concerns in writing within 24 hours using the Multi-Agency Referral Form.',
    },
    variesByPartnership: true,
  },
  'escalation-stage': {
    id: 'escalation-stage',
    label: 'Escalation stage resolved',
    rule: { kind: 'working-weeks', weeks: 1 },
    runsFrom: 'the stage starting',
    eventLabel: 'Stage started',
    source: {
      document:
        'Ready Steady Grow Pre-School, Bromley (BSCP), escalation policy (seed 002); Birmingham school escalation policy 2020–2022 (seed 003)',
      quote:
        'They should aim to resolve within 1 working week or a shorter timescale if the child is at risk. / Professionals should attempt to resolve disagreements within one working week.',
    },
    variesByPartnership: false,
  },
  'bw-escalation-step-2': {
    id: 'bw-escalation-step-2',
    label: 'Berkshire West escalation step 2 (service manager / head of service)',
    rule: { kind: 'hours', hours: 48 },
    runsFrom: 'step 1 of the escalation (social worker, team manager and BSO contacted)',
    eventLabel: 'Escalation step 1 taken',
    source: {
      document: berkshireWest,
      quote: 'Step 2 - Email the service manager/head of service to state escalation after 48 hours of no strategy discussion.',
    },
    variesByPartnership: false,
  },
  'bw-escalation-step-3': {
    id: 'bw-escalation-step-3',
    label: "Berkshire West escalation step 3 (director of children's social care)",
    rule: { kind: 'hours', hours: 48 },
    runsFrom: 'step 2 of the escalation (service manager / head of service emailed)',
    eventLabel: 'Escalation step 2 taken',
    source: {
      document: berkshireWest,
      quote:
        "Step 3 - Contact the director for children's social care and executive director of children's services if not resolved after 48 hours.",
    },
    variesByPartnership: false,
  },
  'first-review-conference': {
    id: 'first-review-conference',
    label: 'First review child protection conference',
    rule: { kind: 'months', months: 3 },
    runsFrom: 'the initial child protection conference',
    eventLabel: 'Initial child protection conference held',
    source: {
      document: workingTogether2023,
      quote: 'The first child protection review conference should be held within 3 months of the initial conference.',
    },
    variesByPartnership: false,
  },
  'later-review-conference': {
    id: 'later-review-conference',
    label: 'Review child protection conference',
    rule: { kind: 'months', months: 6 },
    runsFrom: 'the previous review conference',
    eventLabel: 'Previous review conference held',
    source: {
      document: workingTogether2023,
      quote:
        'Further reviews should be held at intervals of not more than 6 months for as long as the child remains subject of a child protection plan.',
    },
    variesByPartnership: false,
  },
  'first-core-group': {
    id: 'first-core-group',
    label: 'First core group meeting',
    rule: { kind: 'working-days', days: 10 },
    runsFrom: 'the initial child protection conference',
    eventLabel: 'Initial child protection conference held',
    source: {
      document: workingTogether2023,
      quote: 'The first meeting of the core group should take place within 10 working days of the initial child protection conference.',
    },
    variesByPartnership: false,
  },
};

// Frozen all the way down: a caller that changed a rule in place would change every deadline.
for (const timescale of Object.values(catalogue)) {
  Object.freeze(timescale.rule);
  Object.freeze(timescale.source);
  Object.freeze(timescale);
}

export const timescales: Readonly<Record<TimescaleId, Timescale>> = Object.freeze(catalogue);

export type TimescaleOverrides = Partial<Record<TimescaleId, Rule>>;

function lookUp(id: TimescaleId): Timescale {
  if (!Object.hasOwn(timescales, id)) {
    throw new DeadlineInputError('id', `is not a known timescale (got ${String(id)})`);
  }
  return timescales[id];
}

/** The rule in force: the setting's override for its partnership, else the catalogue's. */
export function timescaleRule(id: TimescaleId, overrides?: TimescaleOverrides): Rule {
  const timescale = lookUp(id);
  return overrides?.[id] ?? timescale.rule;
}

/** dueBy with the timescale's rule (or its override) and its event label. */
export function dueByTimescale(
  id: TimescaleId,
  eventAt: string,
  calendar: Calendar,
  overrides?: TimescaleOverrides,
): ReturnType<typeof dueBy> {
  const timescale = lookUp(id);
  return dueBy(eventAt, timescaleRule(id, overrides), calendar, {
    eventLabel: timescale.eventLabel,
  });
}
