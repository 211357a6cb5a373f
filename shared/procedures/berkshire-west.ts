import { categoriesTo, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// Berkshire West (BWSCP) escalation for schools and early years when strategy-meeting timescales
// are missed (seed 000): three steps 48 hours apart. A stage's target is when, if there is still no
// strategy discussion, the next step is due: step 2 after 48 hours, step 3 after 48 hours more.

const dsl = 'The Designated Safeguarding Lead';

const stages: Stage[] = [
  {
    id: 'step-1',
    label: 'Step 1',
    title: 'Contact the named social worker, team manager and BSO to state escalation',
    summary:
      'Contact the named social worker, team manager and BSO.TogetherForFamilies@brighterfuturesforchildren.org to state escalation. If a strategy meeting has not taken place within one working day, there should be a safety plan in place: schools and early years providers need to know what the safety plan entails.',
    whoActs: whoActs(dsl, 'The named social worker, their team manager, and BSO.TogetherForFamilies@brighterfuturesforchildren.org'),
    steps: steps('s1', [
      'Contact the named social worker to state escalation.',
      'Contact the team manager to state escalation.',
      'Email BSO.TogetherForFamilies@brighterfuturesforchildren.org to state escalation.',
      'Ask what the safety plan is: if there has been no strategy meeting within one working day there should be one, and the school or setting needs to know what it entails.',
    ]),
    target: { timescale: 'bw-escalation-step-2' },
    forms: [{ form: 'written-concern', action: 'complete' }],
  },
  {
    id: 'step-2',
    label: 'Step 2',
    title: 'Email the service manager / head of service to state escalation',
    summary: 'Email the service manager/head of service to state escalation after 48 hours of no strategy discussion.',
    whoActs: whoActs(dsl, 'The service manager / head of service (children’s social care)'),
    steps: steps('s2', ['Email the service manager/head of service to state escalation.']),
    target: { timescale: 'bw-escalation-step-3' },
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

export const berkshireWest: Procedure = {
  id: 'berkshire-west',
  version: 1,
  name: 'Berkshire West: missed strategy-meeting timescales',
  partnership: 'Berkshire West Safeguarding Children Partnership (BWSCP)',
  source: {
    seed: '000',
    document: 'BWSCP escalation procedure for use in schools and early years settings',
    note: 'The seed covers escalation when strategy-meeting timescales are missed; Berkshire West’s general professional-disagreement procedure is not in it, so every kind of disagreement follows these three steps here.',
  },
  builtIn: true,
  timescaleOverrides: {},
  tracks: [{ id: 'missed-timescales', title: 'Escalation steps when strategy-meeting timescales are missed', stages, routing: [] }],
  categoryTracks: categoriesTo('missed-timescales'),
};
