import { categoriesTo, deepFreeze, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// A Birmingham school's Escalation Policy 2020–2022: five stages, to be resolved within one working
// week. Who deals with a stage depends on the kind of agency: Birmingham Children's Trust
// (children's social care) by seniority, a school's Head Teacher/Principal at Stages Two to Four, a
// self-employed professional's safeguarding lead at Stages One to Four. School v school, or
// self-employed v school, goes from Stage One straight to Stage Five.
//
// The policy names schools, not early-years settings, so an early-years setting is given the
// general wording ("named or designated safeguarding lead or service manager") rather than the
// head teacher's.
//
// The week: "Professionals should attempt to resolve disagreements within one working week." The
// sentence opens the procedure, before the stages, and is about the disagreement, not a stage (a week
// at each of five stages would be five weeks, not one). So the week covers the whole disagreement:
// every stage's target is the same date, one working week from when the disagreement was first
// raised. The policy sets no referral timescale of its own.

const week: Stage['target'] = {
  rule: { kind: 'working-weeks', weeks: 1 },
  from: 'escalation-start',
  source: 'Professionals should attempt to resolve disagreements within one working week.',
};

const recordAndShare =
  'Record all conversations and decisions in writing and share them with relevant personnel, including the professional who raised the initial concern.';
const onResolution =
  'When the disagreement is resolved, the agencies involved must agree a written statement of the outcome, including any consequent action to be taken, and each agency places a copy on the child’s record.';
// The outcome can be agreed at any stage, so every stage offers the statement.
const statement: Stage['forms'] = [{ form: 'written-statement-of-outcome', action: 'complete' }];

const headTeacher = 'The Head Teacher/Principal';
const selfEmployedLead = 'The safeguarding lead for the relevant service';
const businessManager = 'the Business Manager of the Birmingham Safeguarding Children Board';

const stages: Stage[] = [
  {
    id: 'stage-1',
    label: 'Stage One',
    title: 'Escalation to individual line manager',
    summary: `A child at immediate risk of significant harm is reported to the Children Advice and Support Service (or the Emergency Duty Team) immediately. The professionals who disagree discuss the issues; if that does not resolve it, each notifies their manager/supervisor, who discusses the issues with the equivalent manager/supervisor in the other agency. A self-employed professional escalates to the safeguarding lead for the relevant service. Every effort should be made to resolve the disagreement at this level. ${onResolution}`,
    whoActs: whoActs('Your line manager/supervisor', 'Their manager/supervisor', {
      'childrens-social-care': 'The social worker’s manager/supervisor',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s1', [
      'Discuss the issues with the other professional, identify the areas of agreement and disagreement, and specify the extent to which the area of disagreement is relevant to the issue of risk to the child.',
      'Where possible, define the disagreement with reference to the Right Help Right Time threshold descriptors.',
      'Notify your manager/supervisor, who will discuss the issues with the equivalent manager/supervisor in the other agency.',
      recordAndShare,
    ]),
    target: week,
    forms: statement,
  },
  {
    id: 'stage-2',
    label: 'Stage Two',
    title: 'Escalation to safeguarding lead or senior manager',
    summary: `If the problem is not resolved at Stage One, each manager/supervisor reports to their respective named or designated safeguarding lead or service manager, and the two managers attempt to resolve the disagreement. ${onResolution}`,
    whoActs: whoActs(headTeacher, 'Their named or designated safeguarding lead or service manager', {
      'early-years': 'Your named or designated safeguarding lead or service manager',
      'childrens-social-care': 'The Head of Service (Birmingham Children’s Trust)',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s2', [
      'Report to the named or designated safeguarding lead or service manager (for a school, the Head Teacher/Principal deals with this stage).',
      'The two managers attempt to resolve the disagreement.',
      recordAndShare,
    ]),
    target: week,
    forms: statement,
  },
  {
    id: 'stage-3',
    label: 'Stage Three',
    title: 'Escalation to Second Tier Officers',
    summary: `If the problem is not resolved at Stage Two, each manager/supervisor reports to their respective second tier officer. ${onResolution}`,
    whoActs: whoActs(headTeacher, 'Their second tier officer', {
      'early-years': 'Your second tier officer',
      'childrens-social-care': 'The Assistant Director (children’s social care)',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s3', [
      'Report to the second tier officer (for a school, the Head Teacher/Principal deals with this stage).',
      'The second tier officers attempt to resolve the disagreement.',
      recordAndShare,
    ]),
    target: week,
    forms: statement,
  },
  {
    // The policy's text here repeats Stage Three's "report to their respective second tier officer";
    // the heading and the officers it names (the Executive Director) make this the chief officer.
    id: 'stage-4',
    label: 'Stage Four',
    title: 'Escalation to Chief Officer',
    summary: `If the problem is not resolved at Stage Three, it goes to each agency’s chief officer. ${onResolution}`,
    whoActs: whoActs(headTeacher, 'Their chief officer', {
      'early-years': 'Your chief officer',
      'childrens-social-care': 'The Executive Director for Children’s Services',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s4', [
      'Report to the chief officer (for a school, the Head Teacher/Principal deals with this stage).',
      'The chief officers attempt to resolve the disagreement.',
      recordAndShare,
    ]),
    target: week,
    forms: statement,
  },
  {
    id: 'stage-5',
    label: 'Stage Five',
    title: 'Mediation by a Third-Party Agency',
    summary: `When resolution cannot be achieved at Stage Four, the case is referred to ${businessManager}, who notifies the chair of the Board. The chair identifies a Board member from an uninvolved agency to chair a meeting of senior managers with operational responsibility for the case: a final opportunity to reach a decision. ${onResolution}`,
    // The policy does not say who refers the case. The Head Teacher/Principal (or the self-employed
    // professional's safeguarding lead) dealt with the stages before, or, going straight from Stage
    // One, is the senior person for that side, so they refer it.
    whoActs: whoActs(
      `${headTeacher}, who refers the case to ${businessManager}`,
      'The Business Manager of the Birmingham Safeguarding Children Board',
      {
        'early-years': `Your chief officer, who refers the case to ${businessManager}`,
        'self-employed': `${selfEmployedLead}, who refers the case to ${businessManager}`,
      },
    ),
    steps: steps('s5', [
      `Refer the case to ${businessManager}, who will notify the chair of the Board.`,
      'The chair identifies a Board member from an uninvolved agency to chair a meeting of senior managers with operational responsibility for the case.',
      'Attend the meeting: it provides a final opportunity to reach a decision.',
      'The chair of this meeting reports back to the chair of the Safeguarding Children Board.',
      recordAndShare,
    ]),
    target: week,
    forms: statement,
  },
];

export const birmingham: Procedure = deepFreeze({
  id: 'birmingham',
  version: 2,
  name: 'Birmingham escalation policy',
  partnership: 'Birmingham Safeguarding Children Board (BSCB)',
  source: {
    title: 'Escalation Policy 2020–2022',
    publisher: 'A Birmingham school (agreed by its Governing Body)',
    year: '2020–2022',
    lastChecked: '2026-12-01',
    note: 'The policy’s week is for the whole disagreement, not each stage: “Professionals should attempt to resolve disagreements within one working week” opens the procedure, before the stages, so every stage shows the same target, one working week from when the disagreement was first raised. When resolved, the agencies agree a written statement of the outcome, including any consequent action, and each places a copy on the child’s record. A child at immediate risk of significant harm is reported to the Children Advice and Support Service (or the Emergency Duty Team) immediately. The policy names schools but not early-years settings: for an early-years setting the general wording is used. The policy sets no time for the written follow-up of a phone referral, a strategy discussion or its minutes.',
  },
  builtIn: true,
  renamed: [
    {
      asWritten: 'Birmingham Safeguarding Children Board',
      now: 'the Birmingham Safeguarding Children Partnership',
      note: 'Local Safeguarding Children Boards were replaced by safeguarding children partnerships in 2019.',
    },
  ],
  contacts: [],
  localTimescales: {
    'written-follow-up': null,
    'strategy-discussion': { standard: null, 'immediate-risk': null, 'penetrative-sexual-abuse': null, complex: null },
    'strategy-minutes': null,
  },
  tracks: [
    {
      id: 'stages',
      title: 'Procedure: stages of escalation',
      stages,
      routing: [
        {
          id: 'school-v-school',
          from: 'stage-1',
          to: 'stage-5',
          when: { ourAgency: ['school'], otherAgency: ['school', 'self-employed'] },
          reason:
            'If the disagreement is between two schools, or between a self-employed professional and a school, it will progress directly from Stage One to Stage Five.',
        },
      ],
    },
  ],
  categoryTracks: categoriesTo('stages'),
});
