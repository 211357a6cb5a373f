import { categoriesTo, steps, whoActs } from './build';
import type { Procedure, Stage, Track } from './schema';

// Northway Primary & Nursery School, Liverpool: Escalation Guidance Policy 2018 (seed 001), with
// Liverpool Safeguarding Children Board (LSCB) procedures. Situations 5, 6 and 7 have step ladders
// (a, b, c …) whose last step hands over to the LSCB policy, so each ladder continues into the four
// LSCB stages; situation 8 and the situations whose text is cut in the seed (1–4, 9, 10) follow the
// four LSCB stages directly. The Report to LSCB: Multi-Agency Resolution Levels 3 and 4 is completed
// at LSCB stage 3 and updated at stage 4. The seed sets no timescale for a stage.

export const liverpoolLevelsOfNeed = [
  { level: 1, title: 'Universal services for all children' },
  { level: 2, title: 'Early Help' },
  { level: 3, title: 'Complex Early Help' },
  { level: 4, title: 'Child in Need and Child Protection' },
] as const;

const dsl = 'The Designated Safeguarding Lead';
const lscbAdviser = 'School Improvement Liverpool safeguarding adviser (phil.cooper@si.liverpool.gov.uk)';

function lscbStages(idPrefix: string): Stage[] {
  return [
    {
      id: `${idPrefix}1`,
      label: 'LSCB Stage 1',
      title: 'Attempt resolution; escalate to line manager',
      summary:
        'Initial attempts are made between the workers to resolve the issues. If unresolved, escalate to the line manager to agree action; the line manager discusses the unresolved matters with their counterpart in the other agency (considering a professionals meeting if necessary). Record the outcome.',
      whoActs: whoActs('Your line manager (for the DSL, the head teacher)', 'Their line manager (your counterpart)', {
        'childrens-social-care': 'The social worker’s line manager',
      }),
      steps: steps(`${idPrefix}1`, [
        'Attempt resolution between the workers.',
        'If unresolved, escalate to the line manager to agree action.',
        'The line manager discusses the concerns or matters unresolved with their counterpart in the other agency (consider a professionals meeting if necessary).',
        'Record the outcome.',
      ]),
      target: null,
      forms: [],
    },
    {
      id: `${idPrefix}2`,
      label: 'LSCB Stage 2',
      title: 'Escalation to Organisation Safeguarding Representative',
      summary:
        'The organisation safeguarding representative provides advice and guidance for the line manager escalation, or discusses the unresolved concerns directly with their counterpart in the other agency. They collate details of cases escalated to them for referral to the LSCB for monitoring.',
      whoActs: whoActs('The school’s organisation safeguarding representative', 'Their organisation safeguarding representative'),
      steps: steps(`${idPrefix}2`, [
        'The organisation safeguarding representative gives advice and guidance, or discusses the unresolved concerns with their counterpart in the other agency.',
        'Agree action and record the outcome.',
        'The organisation safeguarding representative records the case for referral to the LSCB for monitoring.',
      ]),
      target: null,
      forms: [],
    },
    {
      id: `${idPrefix}3`,
      label: 'LSCB Stage 3',
      title: 'Escalation to LSCB Safeguarding Representative',
      summary:
        'A meeting is convened between LSCB agency representatives. Appendix 2, the Report to LSCB: Multi-Agency Resolution Levels 3 and 4, is completed and submitted to the LSCB Team.',
      whoActs: whoActs('The school’s LSCB safeguarding representative', 'Their agency’s LSCB representative'),
      steps: steps(`${idPrefix}3`, [
        'Ask for a meeting between LSCB agency representatives.',
        'Complete the Report to LSCB: Multi-Agency Resolution Levels 3 and 4 and submit it to the LSCB Team.',
        'Record the outcome.',
      ]),
      target: null,
      forms: [{ form: 'liverpool-report-to-lscb', action: 'complete' }],
    },
    {
      id: `${idPrefix}4`,
      label: 'LSCB Stage 4',
      title: 'Escalation to LSCB Chair',
      summary: 'If unresolved at stage 3, the disagreement is escalated to the LSCB Chair.',
      whoActs: whoActs('The school’s LSCB safeguarding representative', 'The LSCB Chair'),
      steps: steps(`${idPrefix}4`, [
        'Escalate to the LSCB Chair.',
        'Update the Report to LSCB: Multi-Agency Resolution Levels 3 and 4.',
        'Record the outcome.',
      ]),
      target: null,
      forms: [{ form: 'liverpool-report-to-lscb', action: 'update' }],
    },
  ];
}

/** One ladder step as a stage: "Step a" with the policy's words as its title and its one step. */
function ladderStep(letter: string, text: string, contact: string, forms: Stage['forms'] = []): Stage {
  return {
    id: `step-${letter}`,
    label: `Step ${letter}`,
    title: text,
    summary: `${text} Always follow the Local Safeguarding Children Board's escalation policy.`,
    whoActs: whoActs(dsl, contact),
    steps: [{ id: `step-${letter}-1`, text }],
    target: null,
    forms,
  };
}

function ladder(id: string, title: string, rungs: Stage[]): Track {
  return { id, title, stages: [...rungs, ...lscbStages('lscb-stage-')], routing: [] };
}

const writtenConcern: Stage['forms'] = [{ form: 'written-concern', action: 'complete' }];

const situation5 = ladder('situation-5', 'Situation 5: concerns about the progress of a child in need plan', [
  ladderStep('a', 'Speak to the social worker to discuss your concerns.', 'The allocated social worker'),
  ladderStep('b', 'Speak to the social worker’s line manager.', 'The social worker’s line manager'),
  ladderStep(
    'c',
    'Put your concerns in writing to the social worker and their line manager.',
    'The social worker and their line manager',
    writtenConcern,
  ),
  ladderStep(
    'd',
    'Consider requesting a child in need meeting is convened at the earliest opportunity to discuss your concerns with other professionals.',
    'The social worker (to convene a child in need meeting)',
  ),
  ladderStep('e', 'Speak to the Team Leader and then the Service Manager.', 'The Team Leader, then the Service Manager'),
  ladderStep('f', 'Seek advice from phil.cooper@si.liverpool.gov.uk.', lscbAdviser),
  ladderStep(
    'g',
    'If there is no agreement you will be supported to escalate your concerns further following the LSCB policy.',
    'The LSCB escalation procedure (next: LSCB Stage 1)',
  ),
]);

const situation6 = ladder('situation-6', 'Situation 6: concerns about the progress of a child protection plan', [
  ladderStep('a', 'Speak to the social worker to discuss your concerns.', 'The allocated social worker'),
  ladderStep('b', 'Speak to the social worker’s line manager.', 'The social worker’s line manager'),
  ladderStep(
    'c',
    'Put your concerns in writing to the social worker and their manager.',
    'The social worker and their manager',
    writtenConcern,
  ),
  ladderStep(
    'd',
    'Consider requesting a core meeting is convened at the earliest opportunity to discuss your concerns with other professionals.',
    'The social worker (to convene a core group meeting)',
  ),
  ladderStep('e', 'Speak to a Social Worker Team Leader.', 'A Social Worker Team Leader'),
  ladderStep('f', 'Contact the Independent Reviewing Officer to discuss your concerns.', 'The Independent Reviewing Officer'),
  ladderStep('g', 'If there is no agreement ask to speak to the Service Manager.', 'The Service Manager'),
  ladderStep('h', 'Seek advice from phil.cooper@si.liverpool.gov.uk.', lscbAdviser),
  ladderStep(
    'i',
    'If there is no agreement you will be supported to escalate your concerns further following the LSCB policy.',
    'The LSCB escalation procedure (next: LSCB Stage 1)',
  ),
]);

const situation7 = ladder(
  'situation-7',
  'Situation 7: disagreement at a child protection case conference not to make the child subject to a child protection plan',
  [
    ladderStep('a', 'Raise your concerns during the case conference and ask for your concerns to be minuted.', 'The conference chair'),
    ladderStep(
      'b',
      'Write to the Independent Conference Chair (Independent Reviewing Officer) putting your concerns in writing.',
      'The Independent Conference Chair (Independent Reviewing Officer)',
      writtenConcern,
    ),
    ladderStep('c', 'Speak to the Independent Reviewing Officer’s Manager.', 'The Independent Reviewing Officer’s Manager'),
    ladderStep('d', 'If there is no agreement ask to speak to a Social Worker Team Leader.', 'A Social Worker Team Leader'),
    ladderStep('e', 'If there is no agreement ask to speak to the Service Manager.', 'The Service Manager'),
    ladderStep('f', 'Seek advice from phil.cooper@si.liverpool.gov.uk.', lscbAdviser),
    ladderStep(
      'g',
      'If there is no agreement you will be supported to escalate your concerns further following the LSCB policy.',
      'The LSCB escalation procedure (next: LSCB Stage 1)',
    ),
  ],
);

const lscb: Track = {
  id: 'lscb',
  title: 'LSCB escalation stages (situation 8 and other disagreements)',
  stages: lscbStages('stage-'),
  routing: [],
};

export const liverpool: Procedure = {
  id: 'liverpool',
  version: 1,
  name: 'Liverpool escalation guidance (LSCB)',
  partnership: 'Liverpool Safeguarding Children Board (LSCB)',
  source: {
    seed: '001',
    document:
      'Northway Primary & Nursery School, Liverpool: Escalation Guidance Policy 2018, with the Liverpool Schools’ Safeguarding Flow Chart 2018',
    note: 'The seed’s text for situations 1–4, 9 and 10 is cut, so those follow the four LSCB stages. No stage timescale is given. Phone referrals are followed up in writing within 24 hours (Multi-Agency Referral Form).',
  },
  builtIn: true,
  timescaleOverrides: { 'written-follow-up': { kind: 'hours', hours: 24 } },
  tracks: [lscb, situation5, situation6, situation7],
  categoryTracks: categoriesTo('lscb', {
    'cin-plan-not-progressing': 'situation-5',
    'cp-plan-not-progressing': 'situation-6',
    'case-conference-no-cp-plan': 'situation-7',
  }),
};
