import { categoriesTo, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// A Birmingham school's escalation policy 2020–2022 (seed 003): five stages, resolve within one
// working week; who acts depends on the kind of agency (Birmingham Children's Trust, a school, a
// self-employed professional); school v school, or self-employed v school, goes from Stage One
// straight to Stage Five.

const recordAndShare =
  'Record all conversations and decisions in writing and share them with relevant personnel, including the professional who raised the initial concern.';
const selfEmployedLead = 'The safeguarding lead for the relevant service';
const headTeacher = 'The Head Teacher/Principal';

const stages: Stage[] = [
  {
    id: 'stage-1',
    label: 'Stage One',
    title: 'Escalation to individual line manager',
    summary:
      'The two professionals each notify their manager/supervisor, who discusses the issues with the equivalent manager/supervisor in the other agency. A self-employed professional escalates to the safeguarding lead for the relevant service. Every effort should be made to resolve the disagreement at this level.',
    whoActs: whoActs('Your line manager/supervisor', 'Their manager/supervisor', {
      'childrens-social-care': 'The social worker’s manager/supervisor',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s1', [
      'Discuss the issues with the other professional.',
      'Identify the areas of agreement and disagreement.',
      'Specify the extent to which the disagreement is relevant to the risk to the child (with reference to the Right Help Right Time threshold descriptors).',
      'Each professional notifies their manager/supervisor, who discusses the issues with the equivalent manager/supervisor in the other agency.',
      recordAndShare,
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
  {
    id: 'stage-2',
    label: 'Stage Two',
    title: 'Escalation to safeguarding lead or senior manager',
    summary:
      'Each manager/supervisor reports to their named or designated safeguarding lead or service manager, and the two attempt to resolve the disagreement.',
    whoActs: whoActs(headTeacher, 'Their named or designated safeguarding lead or service manager', {
      'childrens-social-care': 'The Head of Service (Birmingham Children’s Trust)',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s2', [
      'Report to the named or designated safeguarding lead or service manager (for a school, the Head Teacher/Principal deals with this stage).',
      'The two managers attempt to resolve the disagreement.',
      recordAndShare,
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
  {
    id: 'stage-3',
    label: 'Stage Three',
    title: 'Escalation to second tier officers',
    summary: 'Each manager/supervisor reports to their respective second tier officer.',
    whoActs: whoActs(headTeacher, 'Their second tier officer', {
      'childrens-social-care': 'The Assistant Director (children’s social care)',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s3', [
      'Report to the second tier officer (for a school, the Head Teacher/Principal).',
      'The second tier officers attempt to resolve the disagreement.',
      recordAndShare,
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
  {
    id: 'stage-4',
    label: 'Stage Four',
    title: 'Escalation to chief officer',
    summary: 'The disagreement goes to each agency’s chief officer.',
    whoActs: whoActs(headTeacher, 'Their chief officer', {
      'childrens-social-care': 'The Executive Director for Children’s Services',
      'self-employed': selfEmployedLead,
    }),
    steps: steps('s4', [
      'Report to the chief officer (for a school, the Head Teacher/Principal).',
      'The chief officers attempt to resolve the disagreement.',
      recordAndShare,
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
  {
    id: 'stage-5',
    label: 'Stage Five',
    title: 'Mediation by a third-party agency',
    summary:
      'The case is referred to the Business Manager of the Birmingham Safeguarding Children Board, who notifies the chair. The chair identifies a Board member from an uninvolved agency to chair a meeting of senior managers with operational responsibility for the case: the final opportunity to reach a decision.',
    // Every agency's case goes to the Board's Business Manager at this stage; for a school (either
    // school, in a school v school disagreement) it is the Head Teacher/Principal who refers it.
    whoActs: whoActs(
      `${headTeacher}, who refers the case to the Business Manager of the Birmingham Safeguarding Children Board`,
      'The Business Manager of the Birmingham Safeguarding Children Board',
      {
        'self-employed': `${selfEmployedLead}, who refers the case to the Business Manager of the Birmingham Safeguarding Children Board`,
      },
    ),
    steps: steps('s5', [
      'Refer the case to the Business Manager of the Birmingham Safeguarding Children Board, who will notify the chair.',
      'The chair identifies a Board member from an uninvolved agency to chair a meeting of senior managers with operational responsibility for the case.',
      'Attend the meeting: it provides a final opportunity to reach a decision.',
      'The chair of the meeting reports back to the chair of the Safeguarding Children Board.',
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
];

export const birmingham: Procedure = {
  id: 'birmingham',
  version: 1,
  name: 'Birmingham escalation policy',
  partnership: 'Birmingham Safeguarding Children Partnership (Board)',
  source: {
    seed: '003',
    document: 'A Birmingham school’s Escalation Policy 2020–2022 (agreed by the Governing Body)',
    note: 'When resolved, the agencies agree a written statement of the outcome, including consequent actions, and each places a copy on the child’s record. A child at immediate risk is reported to the Children Advice and Support Service (or the Emergency Duty Team) at once.',
  },
  builtIn: true,
  timescaleOverrides: {},
  tracks: [
    {
      id: 'stages',
      title: 'Stages of escalation',
      stages,
      routing: [
        {
          id: 'school-v-school',
          from: 'stage-1',
          to: 'stage-5',
          between: [['school'], ['school', 'self-employed']],
          reason:
            'If the disagreement is between two schools, or between a self-employed professional and a school, it will progress directly from Stage One to Stage Five.',
        },
      ],
    },
  ],
  categoryTracks: categoriesTo('stages'),
};
