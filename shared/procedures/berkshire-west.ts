import { categoriesTo, deepFreeze, steps, whoActs } from './build';
import type { Procedure, Stage, Track } from './schema';

// Berkshire West (BWSCP): escalation for schools and early years settings when strategy-meeting
// timescales are missed. Three steps, 48 hours apart, and the partnership's own strategy-meeting
// timescales (same day, one or five working days by category; minutes in 24 hours).
//
// The steps are for a missed strategy discussion only: the policy says "If you are aware of these
// timescales of strategy meetings not being adhered to, please escalate following the BWSCP
// escalation procedure below". A missed ICPC, core group, review, assessment or decision, and every
// other kind of disagreement, follow the partnership's general procedure for professional
// disagreements, which is not in this document: that track says so and asks the DSL to follow it
// and record each conversation here (a copy can add its stages).
//
// The 48 hours run from when the strategy discussion fell due, not from when the DSL took Step 1:
// "Step 2 - Email the service manager/head of service to state escalation after 48 hours of no
// strategy discussion". So Step 1's target (when Step 2 falls due) is counted from the missed
// timescale, and Step 2's (when Step 3 falls due, "if not resolved after 48 hours") from Step 1's
// target: a step taken late never pushes the next one back.

const dsl = 'The Designated Safeguarding Lead';
const mailbox = 'bso-together-for-families';
const mailboxWords = 'the BSO Together for Families mailbox';

const missedStrategyDiscussion: Stage[] = [
  {
    id: 'step-1',
    label: 'Step 1',
    title: `Contact the named social worker, team manager and ${mailboxWords} to state escalation`,
    summary: `Take this step as soon as the timescale is missed. Contact the named social worker, team manager and ${mailboxWords} (see the contact details below) to state escalation. If a strategy meeting has not taken place within one working day, there should be a safety plan in place: schools and EY providers need to know what the safety plan entails. If there is still no strategy discussion 48 hours after it fell due, Step 2 is due.`,
    whoActs: whoActs(dsl, `The named social worker, their team manager, and ${mailboxWords}`),
    steps: steps('s1', [
      'Contact the named social worker to state escalation.',
      'Contact the team manager to state escalation.',
      `Contact ${mailboxWords} to state escalation.`,
      'Ask what the safety plan entails: if a strategy meeting has not taken place within one working day, there should be a safety plan in place.',
    ]),
    target: {
      rule: { kind: 'hours', hours: 48 },
      from: 'timescale-missed',
      source: 'Step 2 - Email the service manager/head of service to state escalation after 48 hours of no strategy discussion.',
    },
    forms: [{ form: 'written-concern', action: 'complete' }],
    contacts: [mailbox],
  },
  {
    id: 'step-2',
    label: 'Step 2',
    title: 'Email the service manager/head of service to state escalation',
    summary:
      'Email the service manager/head of service to state escalation after 48 hours of no strategy discussion. If not resolved after 48 hours, Step 3 is due.',
    whoActs: whoActs(dsl, 'The service manager/head of service'),
    steps: steps('s2', ['Email the service manager/head of service to state escalation.']),
    target: {
      rule: { kind: 'hours', hours: 48 },
      from: 'previous-target',
      source:
        'Step 3 - Contact the director for children’s social care and executive director of children’s services if not resolved after 48 hours.',
    },
    forms: [],
  },
  {
    id: 'step-3',
    label: 'Step 3',
    title: 'Contact the director for children’s social care and executive director of children’s services',
    summary:
      'Contact the director for children’s social care and executive director of children’s services if not resolved after 48 hours.',
    whoActs: whoActs(dsl, 'The director for children’s social care and the executive director of children’s services'),
    steps: steps('s3', ['Contact the director for children’s social care.', 'Contact the executive director of children’s services.']),
    target: null,
    forms: [],
  },
];

const missedStrategyDiscussionTrack: Track = {
  id: 'missed-strategy-discussion',
  title: 'Escalation when a strategy discussion has not taken place in time',
  stages: missedStrategyDiscussion,
  routing: [],
};

/** Everything but a missed strategy discussion: the general procedure, which this document does not hold. */
const professionalDisagreementTrack: Track = {
  id: 'professional-disagreement',
  title: 'Professional disagreements (the BWSCP escalation procedure for professional disagreements)',
  stages: [
    {
      id: 'follow-bwscp-procedure',
      label: 'Stage 1',
      title: 'Follow the BWSCP escalation procedure for professional disagreements',
      summary:
        'The Berkshire West document this procedure is written from covers only strategy-meeting timescales that are missed. For any other professional disagreement (including another missed timescale, such as a conference or an assessment), follow the Berkshire West Safeguarding Children Partnership’s escalation procedure for professional disagreements, which is not included here, and record every conversation, decision and agreed action on this escalation. A copy of this procedure can add that procedure’s stages.',
      whoActs: whoActs(dsl, 'As the BWSCP escalation procedure for professional disagreements says (it is not included here)'),
      steps: steps('general', [
        'Follow the BWSCP escalation procedure for professional disagreements.',
        'Record each conversation and decision here, with full names and roles.',
        'Record each agreed action here, with who will do it and by when.',
      ]),
      target: null,
      forms: [{ form: 'written-concern', action: 'complete' }],
    },
  ],
  routing: [],
};

export const berkshireWest: Procedure = deepFreeze({
  id: 'berkshire-west',
  version: 2,
  name: 'Berkshire West: missed strategy-meeting timescales',
  partnership: 'Berkshire West Safeguarding Children Partnership (BWSCP)',
  source: {
    title: 'Escalation procedure for use in schools/early years settings (timescales for escalation: strategy discussions and meetings)',
    publisher: 'Berkshire West Safeguarding Children Partnership (BWSCP)',
    year: 'Not dated',
    lastChecked: '2026-12-01',
    note: 'The document is the escalation for strategy-meeting timescales not being adhered to, with the partnership’s timescales for a strategy discussion (same day, one working day or five working days by category) and its minutes (24 hours). Its three steps are used only for a missed strategy discussion; the partnership’s general escalation procedure for professional disagreements is not in the document, so every other disagreement, and a missed conference, assessment or decision, is recorded under a single stage that asks you to follow it. The 48 hours of Step 2 run from when the strategy discussion fell due, and Step 3’s 48 hours from when Step 2 fell due. The document also gives 15 working days for an ICPC and 45 for a single assessment: these are the national timescales, applied for every partnership.',
  },
  builtIn: true,
  renamed: [],
  contacts: [
    {
      id: mailbox,
      role: 'BSO Together for Families mailbox (Brighter Futures for Children)',
      email: 'BSO.TogetherForFamilies@brighterfuturesforchildren.org',
      note: 'Step 1 of the escalation, with the named social worker and their team manager.',
    },
  ],
  localTimescales: {
    'written-follow-up': null,
    'strategy-discussion': {
      standard: {
        rule: { kind: 'working-days', days: 1 },
        source: 'Strategy discussions/meetings must take place within one working day of child protection concerns being identified',
      },
      'immediate-risk': {
        rule: { kind: 'same-day' },
        source:
          'Allegations/concerns indicating immediate risk of harm to the child (e.g. serious physical injury or serious neglect) - On the same day as the receipt of the referral',
      },
      'penetrative-sexual-abuse': {
        rule: { kind: 'same-day' },
        source:
          'Allegations of penetrative sexual abuse, if it is required to ensure forensic evidence - On the same day as the receipt of the referral',
      },
      complex: {
        rule: { kind: 'working-days', days: 5 },
        source:
          'Where concerns are particularly complex (e.g. fabricated/induced illness/organised abuse/child sexual exploitation). … - Within five working days of receipt of the referral',
      },
    },
    'strategy-minutes': {
      rule: { kind: 'hours', hours: 24 },
      source:
        'All minutes should be written up and distributed to attendees within 24 hours (an extended timescale may be agreed in exceptional circumstances).',
    },
  },
  tracks: [professionalDisagreementTrack, missedStrategyDiscussionTrack],
  categoryTracks: categoriesTo(professionalDisagreementTrack.id),
  missedTimescaleTracks: { 'strategy-discussion': missedStrategyDiscussionTrack.id },
});
