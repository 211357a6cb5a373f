import { categoriesTo, deepFreeze, steps, whoActs } from './build';
import type { EscalationCategory } from './categories';
import type { Procedure, SkipRule, Stage, Track } from './schema';

// Northway Primary & Nursery School, Liverpool: Escalation Guidance Policy 2018, a summary of the
// Liverpool Safeguarding Children Board (LSCB) procedure with School Improvement Liverpool's
// guidance, and the Liverpool Schools' Safeguarding Flow Chart 2018.
//
// How the ladders continue: situations 5, 6 and 7 have step ladders (a, b, c …) whose last step
// says "If there is no agreement you will be supported to escalate your concerns further following
// the LSCB policy". A track cannot route into another track, so each situation track is its ladder
// followed by the four LSCB stages: escalating from the last step goes on to LSCB Stage 1 in the
// same track, and the services need nothing special. The LSCB stages keep the same ids
// ('stage-1' … 'stage-4') in every track, so "reached LSCB stage 3" means the same in all of them.
// Situation 8, the situations whose text the policy as we have it cuts (2–4, 9, 10), the kinds of
// disagreement the policy does not list, and a missed statutory timescale follow the four LSCB
// stages alone. Situation 1 (staff disagree within the school about referring) is not a
// multi-agency disagreement: it follows the flow chart's internal route (discuss, press for
// re-consideration, and if required make the referral yourself), never the LSCB stages.
//
// The policy sets no timescale for a stage, so no stage has a target. Its one local timescale is the
// flow chart's written follow-up of a phone referral (24 hours); it sets none for the strategy
// discussion or its minutes. The adviser's email and the referral phone lines are local contacts,
// kept in one place (a setting's copy updates them there), not written into the steps.

/** The LSCB levels of need, as the policy places children on them: shown beside a child's level where Liverpool's procedure is chosen. */
export const liverpoolLevelsOfNeed = [
  { level: 1, title: 'Universal services', description: 'Level 1 is universal services for all children' },
  // The policy's line lost its number ("Early Help sits at Level of the LSCB levels of need"); its
  // flow chart puts Early Help Assessments at "Levels 2 and 3", and Complex Early Help is level 3.
  { level: 2, title: 'Early Help', description: 'Early Help sits at Level 2 of the LSCB levels of need' },
  { level: 3, title: 'Complex Early Help', description: 'Complex Early Help sits at level 3 of the LSCB levels of need' },
  {
    level: 4,
    title: 'Child in Need and Child Protection',
    description: 'Child in Need sits at Level 4 of the LSCB levels of need; Child Protection sits at Level 4 of the LSCB levels of need',
  },
] as const;

/** The policy's ten "examples of when an escalation of concerns may be required", in its words. */
export const liverpoolSituations: readonly { situation: number; category: EscalationCategory; text: string }[] = [
  {
    situation: 1,
    category: 'internal-referral-disagreement',
    text: 'Disagreement internally between school staff as to whether a referral to Children’s Services is required',
  },
  {
    situation: 2,
    category: 'cp-referral-not-accepted',
    text: 'Disagreement about Children’s Services’ decision not to accept a child protection referral',
  },
  {
    situation: 3,
    category: 'cin-referral-not-accepted',
    text: 'Disagreement about Children’s Services’ decision not to accept a child in need referral',
  },
  {
    situation: 4,
    category: 'cin-now-significant-harm',
    text: 'Concerns that a child subject to a child in need plan is now at risk of significant harm',
  },
  { situation: 5, category: 'cin-plan-not-progressing', text: 'Concerns about the progress of a child in need plan' },
  { situation: 6, category: 'cp-plan-not-progressing', text: 'Concerns about the progress of a child protection plan' },
  {
    situation: 7,
    category: 'case-conference-no-cp-plan',
    text: 'Disagreement at a child protection case conference not to make the child subject to a child protection plan',
  },
  { situation: 8, category: 'cin-plan-discontinued', text: 'Disagreement about the decision to discontinue a child in need plan' },
  { situation: 9, category: 'cp-plan-discontinued', text: 'Disagreement about the decision to discontinue a child protection plan' },
  {
    situation: 10,
    category: 'early-help-requested-instead',
    text: 'Disagreement about the decision by Social Services to request that an early help assessment should be initiated',
  },
];

const reportToLscb = 'Appendix 2 Report to LSCB: Multi-Agency Resolution Levels 3 and 4';

/** The four LSCB stages. `label` is 'Stage' on their own, 'LSCB Stage' after a ladder's steps. */
function lscbStages(label: 'Stage' | 'LSCB Stage'): Stage[] {
  return [
    {
      id: 'stage-1',
      label: `${label} 1`,
      title: 'Attempt Resolution; Escalate to Line Manager',
      summary:
        'Initial attempts should be made between the workers to resolve the issues. If unresolved, escalate to the line manager to agree action: the line manager discusses the concerns or matters unresolved with their counterpart in the other agency (line managers should consider a professionals meeting if necessary). Record the outcome. If unresolved, record and escalate to Stage 2.',
      whoActs: whoActs(
        'The worker with the concern, then their line manager',
        'The worker involved, then their line manager (your line manager’s counterpart)',
        {
          'childrens-social-care': 'The social worker, then the social worker’s line manager',
        },
      ),
      steps: steps('stage-1', [
        'Initial attempts should be made between the workers to resolve the issues. Record Outcome.',
        'If unresolved escalate to Line Manager to agree action.',
        'Line manager discusses concerns or matters unresolved with their counterpart in the other agency (Line Managers should consider professionals meeting if necessary). Record Outcome.',
      ]),
      target: null,
      forms: [],
    },
    {
      id: 'stage-2',
      label: `${label} 2`,
      title: 'Escalation to Organisation Safeguarding Representative',
      summary:
        'The organisation safeguarding representative provides advice and guidance for the line manager escalation, or discusses the unresolved concerns directly with their counterpart in the other agency. Agree action and record the outcome. The organisation safeguarding representative collates details of cases escalated to them for referral to the LSCB for monitoring. If unresolved at stage 2, record and escalate to Stage 3.',
      whoActs: whoActs('Your organisation safeguarding representative', 'Their organisation safeguarding representative'),
      steps: steps('stage-2', [
        'Organisation safeguarding representative should provide advice and guidance, for line manager escalation, or discuss directly concerns unresolved with their counterpart in the other agency.',
        'Agree Action / Record Outcome.',
        'Organisation safeguarding representative collates detail of cases escalated to them for referral to LSCB for monitoring.',
      ]),
      target: null,
      forms: [],
    },
    {
      id: 'stage-3',
      label: `${label} 3`,
      title: 'Escalation to LSCB Safeguarding Representative',
      summary: `A meeting is convened between LSCB agency representatives. The ${reportToLscb} is completed and submitted to the LSCB Team. If unresolved at stage 3, record and escalate to Stage 4.`,
      whoActs: whoActs('Your agency’s LSCB safeguarding representative', 'Their agency’s LSCB safeguarding representative'),
      steps: steps('stage-3', [
        'Meeting is convened between LSCB agency representatives.',
        `${reportToLscb} is completed and submitted to LSCB Team.`,
        'Record Outcome.',
      ]),
      target: null,
      forms: [{ form: 'liverpool-report-to-lscb', action: 'complete' }],
    },
    {
      // The policy gives this stage's heading only. The report covers "Levels 3 and 4", so the one
      // completed at Stage 3 is updated here rather than a second one started.
      id: 'stage-4',
      label: `${label} 4`,
      title: 'Escalation to LSCB Chair',
      summary:
        'If unresolved at stage 3, the disagreement is escalated to the LSCB Chair. (The policy gives no more detail for this stage.) The Report to LSCB covers levels 3 and 4: update it with what happens at this stage.',
      whoActs: whoActs('Your agency’s LSCB safeguarding representative', 'The LSCB Chair'),
      steps: steps('stage-4', [
        'Escalate to the LSCB Chair.',
        'Update the Report to LSCB: Multi-Agency Resolution Levels 3 and 4.',
        'Record Outcome.',
      ]),
      target: null,
      forms: [{ form: 'liverpool-report-to-lscb', action: 'update' }],
    },
  ];
}

const dsl = 'The Designated Safeguarding Lead';
const adviser = 'The School Improvement Liverpool adviser, for advice (see the contact details below)';
const adviserContact = 'school-improvement-liverpool-adviser';
/** The policy names the adviser by email address; the address is a local contact, so the step names the adviser. */
const seekAdvice = 'Seek advice from the School Improvement Liverpool adviser';
const writtenConcern: Stage['forms'] = [{ form: 'written-concern', action: 'complete' }];

/** The policy's line as a checklist sentence. */
function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/**
 * One ladder step as a stage. The title is the policy's line exactly (what the DSL compares with the
 * policy on the wall); the checklist step is the same line as a sentence.
 */
function ladderStep(letter: string, text: string, contact: string, forms: Stage['forms'] = [], contacts?: string[]): Stage {
  return {
    id: `step-${letter}`,
    label: `Step ${letter}`,
    title: text,
    summary: `${sentence(text)} Always follow the Local Safeguarding Children Board’s escalation policy.`,
    whoActs: whoActs(dsl, contact),
    steps: [{ id: `step-${letter}-1`, text: sentence(text) }],
    target: null,
    forms,
    ...(contacts ? { contacts } : {}),
  };
}

function adviceStep(letter: string): Stage {
  return ladderStep(letter, seekAdvice, adviser, [], [adviserContact]);
}

/** The ladder's last step, which hands over to the LSCB policy: the LSCB stages follow it in the track. */
function handOverStep(letter: string): Stage {
  const text = 'If there is no agreement you will be supported to escalate your concerns further following the LSCB policy';
  return {
    ...ladderStep(letter, text, 'The LSCB escalation policy: next, LSCB Stage 1'),
    summary: `${sentence(text)} Escalating from this step goes on to the LSCB stages that follow it here, starting with LSCB Stage 1 (Attempt Resolution; Escalate to Line Manager).`,
  };
}

/**
 * The policy calls the ladders "the typical steps that can be taken to support colleagues thinking":
 * guidance, not a sequence every disagreement must climb in full. So from any step the DSL may go
 * straight to a later step, or on to LSCB Stage 1, saying why. The LSCB stages themselves are climbed
 * in order ("If unresolved at stage 2 record and Escalate to Stage 3").
 */
function typicalSteps(ladder: Stage[]): SkipRule {
  return {
    id: 'typical-steps',
    from: ladder.slice(0, -1).map((stage) => stage.id),
    to: [...ladder.slice(2).map((stage) => stage.id), 'stage-1'],
    when: 'The steps are the guidance’s typical steps, not a sequence to follow in full: go to a later step, or on to the LSCB stages, when the steps between would not help resolve the disagreement for the child.',
    source:
      'The additional School Improvement Liverpool guidance below sets out in detail the situations that may require escalation and the typical steps that can be taken to support colleagues thinking.',
  };
}

function situationTrack(situation: 5 | 6 | 7, heading: string, ladder: Stage[]): Track {
  return {
    id: `situation-${situation}`,
    title: `${situation}. ${heading}`,
    stages: [...ladder, ...lscbStages('LSCB Stage')],
    routing: [],
    skips: [typicalSteps(ladder)],
  };
}

const situation5 = situationTrack(5, 'Concerns about the progress of a child in need plan', [
  ladderStep('a', 'Speak to the social worker to discuss your concerns', 'The allocated social worker'),
  ladderStep('b', 'Speak to the social worker’s line manager', 'The social worker’s line manager'),
  ladderStep(
    'c',
    'Put your concerns in writing to the social worker and their line manager',
    'The social worker and their line manager',
    writtenConcern,
  ),
  ladderStep(
    'd',
    'Consider requesting a child in need meeting is convened at the earliest opportunity to discuss your concerns with other professionals',
    'The social worker (to convene a child in need meeting)',
  ),
  ladderStep('e', 'Speak to the Team Leader and then the Service Manager', 'The Team Leader, then the Service Manager'),
  adviceStep('f'),
  handOverStep('g'),
]);

const situation6 = situationTrack(6, 'Concerns about the progress of a child protection plan', [
  ladderStep('a', 'Speak to the social worker to discuss your concerns', 'The allocated social worker'),
  ladderStep('b', 'Speak to the social worker’s line manager', 'The social worker’s line manager'),
  ladderStep(
    'c',
    'Put your concerns in writing to the social worker and their manager',
    'The social worker and their manager',
    writtenConcern,
  ),
  ladderStep(
    'd',
    'Consider requesting a core meeting is convened at the earliest opportunity to discuss your concerns with other professionals',
    'The social worker (to convene a core meeting)',
  ),
  ladderStep('e', 'Speak to a Social Worker Team Leader', 'A Social Worker Team Leader'),
  ladderStep('f', 'Contact the Independent Reviewing Officer to discuss your concerns', 'The Independent Reviewing Officer'),
  ladderStep('g', 'If there is no agreement ask to speak to the Service Manager', 'The Service Manager'),
  adviceStep('h'),
  handOverStep('i'),
]);

const situation7 = situationTrack(
  7,
  'Disagreement at a child protection case conference not to make the child subject to child protection plan',
  [
    ladderStep('a', 'Raise your concerns during the case conference and ask for your concerns to be minuted', 'The conference chair'),
    ladderStep(
      'b',
      'Write to the Independent Conference Chair (Independent Reviewing Officer) putting your concerns in writing',
      'The Independent Conference Chair (Independent Reviewing Officer)',
      writtenConcern,
    ),
    ladderStep('c', 'Speak to the Independent Reviewing Officer’s Manager', 'The Independent Reviewing Officer’s Manager'),
    ladderStep('d', 'If there is no agreement ask to speak to a Social Worker Team Leader.', 'A Social Worker Team Leader'),
    ladderStep('e', 'If there is no agreement ask to speak to the Service Manager', 'The Service Manager'),
    adviceStep('f'),
    handOverStep('g'),
  ],
);

/**
 * Situation 1: staff disagree within the school about whether to refer to Children’s Services. The
 * policy's own paragraph for it is cut after its first sentence; the flow chart gives the route:
 * press for re-consideration, and if required make the referral yourself. Not the LSCB stages: the
 * disagreement is inside the school, and the way out of it is a referral, which anyone can make.
 */
const referralLines = [
  'childrens-services-liverpool',
  'childrens-services-knowsley',
  'childrens-services-wirral',
  'childrens-services-sefton',
  'childrens-services-st-helens',
  'childrens-services-wigan',
];
const situation1: Track = {
  id: 'situation-1',
  title: '1. Disagreement internally between school staff that a referral to Children’s Services is required',
  stages: [
    {
      id: 'discuss',
      label: 'Step 1',
      title: 'Both colleagues discuss the child’s needs',
      summary:
        'In situations where the Designated Safeguarding Lead does not believe a referral to Children’s Services is required and this decision is questioned by a member of staff, both colleagues should discuss the child’s needs alongside the Local Safeguarding Children Board’s Levels of Needs Guidance. (The policy’s paragraph is cut after these words; the flow chart names the Levels of Needs Guidance.)',
      whoActs: whoActs(
        'The member of staff who questions the decision, and the Designated Safeguarding Lead',
        'The Designated Safeguarding Lead (this disagreement is within the school)',
      ),
      steps: steps('s1-discuss', [
        'Both colleagues discuss the child’s needs alongside the Local Safeguarding Children Board’s Levels of Needs Guidance.',
        'Record the discussion and the decision.',
      ]),
      target: null,
      forms: [],
    },
    {
      id: 'reconsider',
      label: 'Step 2',
      title: 'Press for re-consideration',
      summary:
        'If the member of staff or volunteer does not agree with the decision by the Designated Safeguarding Lead not to make a referral to Children’s Services then they should press for re-consideration.',
      whoActs: whoActs('The member of staff or volunteer', 'The Designated Safeguarding Lead (this disagreement is within the school)'),
      steps: steps('s1-reconsider', [
        'The member of staff or volunteer presses for re-consideration.',
        'Record the discussion and the decision.',
      ]),
      target: null,
      forms: [],
    },
    {
      id: 'refer',
      label: 'Step 3',
      title: 'If required make the referral themselves',
      summary:
        'If the Designated Safeguarding Lead still decides not to refer, the member of staff or volunteer should, if required, make the referral themselves. Anyone can make a referral, if required, but the Designated Safeguarding Lead maintain oversight: record the referral here.',
      whoActs: whoActs('The member of staff or volunteer, who makes the referral', 'Children’s Services (see the phone numbers below)'),
      steps: steps('s1-refer', [
        'If required, the member of staff or volunteer makes the referral to Children’s Services themselves.',
        'Anyone can make a referral, if required, but the Designated Safeguarding Lead maintain oversight: record the referral on the child’s record.',
      ]),
      target: null,
      forms: [],
      contacts: referralLines,
    },
  ],
  routing: [],
};

const lscb: Track = {
  id: 'lscb',
  title: 'LSCB escalation stages (situation 8, and disagreements without a ladder of their own)',
  stages: lscbStages('Stage'),
  routing: [],
};

export const liverpool: Procedure = deepFreeze({
  id: 'liverpool',
  version: 2,
  name: 'Liverpool escalation guidance (LSCB)',
  partnership: 'Liverpool Safeguarding Children Board (LSCB)',
  source: {
    title: 'Escalation Guidance Policy 2018, with the Liverpool Schools’ Safeguarding Flow Chart 2018',
    publisher: 'Northway Primary & Nursery School, Liverpool',
    year: '2018',
    lastChecked: '2026-12-01',
    note: 'The school’s summary of the Liverpool Safeguarding Children Board’s escalation procedure, with School Improvement Liverpool’s guidance. Situations 5, 6 and 7 follow their step ladders, and the last step of each goes on to the four LSCB stages in the same track. Situation 8 follows the four LSCB stages. The policy’s text for situations 2–4, 9 and 10 is cut, so they follow the four LSCB stages too, as do disagreements the policy does not list and a missed statutory timescale. Situation 1 (staff disagree with the DSL about referring) follows the flow chart: the colleagues discuss the child’s needs, and a member of staff who still disagrees should press for re-consideration and if required make the referral themselves; anyone can make a referral. The policy gives only the heading of LSCB Stage 4, and no timescale for any stage. A phone referral is followed up in writing within 24 hours using the Multi-Agency Referral Form. The policy sets no time for a strategy discussion or its minutes: the strategy discussion is shown as an event to record, and Working Together’s national timescales apply.',
  },
  builtIn: true,
  renamed: [
    {
      asWritten: 'LSCB',
      now: 'the Liverpool Safeguarding Children Partnership',
      note: 'Local Safeguarding Children Boards were replaced by safeguarding children partnerships in 2019.',
    },
  ],
  contacts: [
    {
      id: adviserContact,
      role: 'School Improvement Liverpool adviser, for safeguarding advice before escalating further',
      email: 'phil.cooper@si.liverpool.gov.uk',
      note: 'As the policy gave it in 2018: check it is still the right person.',
    },
    { id: 'childrens-services-liverpool', role: 'Children’s Services, Liverpool (to make a referral)', phone: '0151 233 3700' },
    { id: 'childrens-services-knowsley', role: 'Children’s Services, Knowsley (to make a referral)', phone: '0151 443 2600' },
    { id: 'childrens-services-wirral', role: 'Children’s Services, Wirral (to make a referral)', phone: '0151 606 2008' },
    {
      id: 'childrens-services-sefton',
      role: 'Children’s Services, Sefton (to make a referral)',
      phone: '0345 140 0845',
      note: 'Out of hours: 0151 934 3555',
    },
    {
      id: 'childrens-services-st-helens',
      role: 'Children’s Services, St Helens (to make a referral)',
      phone: '01744 676600',
      note: 'Out of hours: 0345 050 0148',
    },
    { id: 'childrens-services-wigan', role: 'Children’s Services, Wigan (to make a referral)', phone: '01942 828300' },
  ],
  localTimescales: {
    'written-follow-up': {
      rule: { kind: 'hours', hours: 24 },
      source: 'You should then follow up your concerns in writing within 24 hours using the Multi-Agency Referral Form.',
    },
    'strategy-discussion': { standard: null, 'immediate-risk': null, 'penetrative-sexual-abuse': null, complex: null },
    'strategy-minutes': null,
  },
  levelsOfNeed: liverpoolLevelsOfNeed.map((level) => ({ ...level })),
  tracks: [lscb, situation1, situation5, situation6, situation7],
  categoryTracks: categoriesTo('lscb', {
    'internal-referral-disagreement': situation1.id,
    'cin-plan-not-progressing': situation5.id,
    'cp-plan-not-progressing': situation6.id,
    'case-conference-no-cp-plan': situation7.id,
  }),
});
