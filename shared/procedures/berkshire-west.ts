import { categoriesTo, deepFreeze, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// Berkshire West (BWSCP): escalation for schools and early years settings when strategy-meeting
// timescales are missed (seed 000). Three steps, 48 hours apart.
//
// A stage's target is how long the stage has, counted from when it starts (that is how the services
// date it, and how 'escalation-stage' works for Bromley and Birmingham). Here that is the time after
// which the *next* step falls due if there is still no strategy discussion:
//   Step 1 is taken at once, when the timescale is missed; its target is 'bw-escalation-step-2'
//          (48 hours: "after 48 hours of no strategy discussion", step 2);
//   Step 2's target is 'bw-escalation-step-3' (48 hours more: "if not resolved after 48 hours", step 3);
//   Step 3 is the last step, and the policy sets no time for it.
// The catalogue dates both timescales from the step before ('bw-escalation-step-2' runs from "step 1
// of the escalation"), which is what this gives.

const dsl = 'The Designated Safeguarding Lead';
const mailbox = 'BSO.TogetherForFamilies@brighterfuturesforchildren.org';

const stages: Stage[] = [
  {
    id: 'step-1',
    label: 'Step 1',
    title: `Contact the named social worker, team manager and ${mailbox} to state escalation`,
    summary: `Take this step as soon as the timescale is missed. Contact the named social worker, team manager and ${mailbox} to state escalation. If a strategy meeting has not taken place within one working day, there should be a safety plan in place: schools and EY providers need to know what the safety plan entails. If there is still no strategy discussion after 48 hours, Step 2 is due.`,
    whoActs: whoActs(dsl, `The named social worker, their team manager, and ${mailbox}`),
    steps: steps('s1', [
      'Contact the named social worker to state escalation.',
      'Contact the team manager to state escalation.',
      `Contact ${mailbox} to state escalation.`,
      'Ask what the safety plan entails: if a strategy meeting has not taken place within one working day, there should be a safety plan in place.',
    ]),
    target: { timescale: 'bw-escalation-step-2' },
    forms: [{ form: 'written-concern', action: 'complete' }],
  },
  {
    id: 'step-2',
    label: 'Step 2',
    title: 'Email the service manager/head of service to state escalation',
    summary:
      'Email the service manager/head of service to state escalation after 48 hours of no strategy discussion. If not resolved after 48 hours, Step 3 is due.',
    whoActs: whoActs(dsl, 'The service manager/head of service'),
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

export const berkshireWest: Procedure = deepFreeze({
  id: 'berkshire-west',
  version: 1,
  name: 'Berkshire West: missed strategy-meeting timescales',
  partnership: 'Berkshire West Safeguarding Children Partnership (BWSCP)',
  source: {
    seed: '000',
    document: 'BWSCP escalation procedure for use in schools/early years settings (strategy-meeting timescales)',
    note: 'The seed is the escalation for strategy-meeting timescales not being adhered to. Berkshire West’s general escalation procedure for professional disagreements is not in the seed, so every other kind of disagreement follows these three steps too. Step 1 is taken at once; its target is when Step 2 falls due (48 hours), and Step 2’s is when Step 3 falls due (48 hours more).',
  },
  builtIn: true,
  timescaleOverrides: {},
  tracks: [{ id: 'missed-timescales', title: 'Escalation when strategy-meeting timescales are missed', stages, routing: [] }],
  categoryTracks: categoriesTo('missed-timescales'),
});
