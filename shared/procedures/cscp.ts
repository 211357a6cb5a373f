import { categoriesTo, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// A safeguarding partnership's (CSCP) five stages of escalation (seed 004). The Escalation
// Notification Form is completed at stage 3 whether or not the disagreement is resolved, and
// updated at stages 4 and 5. The seed sets no timescale for a stage.

const feedback = 'Give feedback to all parties.';

const stages: Stage[] = [
  {
    id: 'stage-1',
    label: 'Stage 1',
    title: 'Discussion between front line workers',
    summary:
      'Any professional concerned about a decision or action contacts the professional who made it. Differences are often based on misunderstanding of agency policy or lack of communication, and can be resolved quickly and informally.',
    whoActs: whoActs('The professional with the concern (or the DSL)', 'The professional who made the decision or took the action', {
      'childrens-social-care': 'The allocated social worker who made the decision',
    }),
    steps: steps('s1', [
      'Contact the professional who made the decision or took the action.',
      'Check for misunderstanding of agency policy or lack of communication.',
      'If the matter cannot be resolved, discuss the concerns between the team or managers of each agency.',
    ]),
    target: null,
    forms: [],
  },
  {
    id: 'stage-2',
    label: 'Stage 2',
    title: 'Discussion between team or managers',
    summary:
      'Each agency’s team/operational manager discusses the concerns and evidence and what outcome they would like, and negotiates a resolution, aiming for agreed action for the child.',
    whoActs: whoActs('Your team or operational manager (or the DSL)', 'Their team or operational manager', {
      'childrens-social-care': 'The social work team manager',
    }),
    steps: steps('s2', [
      'Discuss the concerns and evidence, and the outcome you would like, manager to manager.',
      'Negotiate a resolution: aim for agreed action for the child.',
      'If the matter cannot be resolved, discuss between the service managers or named safeguarding leads.',
      feedback,
    ]),
    target: null,
    forms: [],
  },
  {
    id: 'stage-3',
    label: 'Stage 3',
    title: 'Escalate to Service Managers or Named Safeguarding Leads',
    summary:
      'The relevant Service Managers / Named Safeguarding Leads agree a way forward; a multi-agency reflective group consultation, or at minimum a case meeting, is held. Whether resolved or not, the lead agency manager notifies the CSCP of identified policy or practice issues using the Escalation Notification Form.',
    whoActs: whoActs('The setting’s named safeguarding lead (DSL) or service manager', 'Their service manager or named safeguarding lead', {
      'childrens-social-care': 'The children’s social care service manager',
    }),
    steps: steps('s3', [
      'Escalate to the relevant Service Managers / Named Safeguarding Leads to agree a way forward.',
      'Hold a multi-agency reflective group consultation, or at minimum a case meeting, involving relevant staff.',
      'Whether resolved or not, the lead agency manager notifies the CSCP of identified policy/practice issues using the Escalation Notification Form.',
      'If unresolved, escalate to senior managers.',
      feedback,
    ]),
    target: null,
    forms: [{ form: 'cscp-escalation-notification', action: 'complete' }],
  },
  {
    id: 'stage-4',
    label: 'Stage 4',
    title: 'Escalate to Senior Managers or Designated Safeguarding Leads',
    summary:
      'The relevant senior management (minimum Head of Service) or Designated Safeguarding Lead reviews and discusses the case to achieve a resolution and address known barriers. The lead agency updates the Escalation Notification Form with remaining issues or the outcome.',
    whoActs: whoActs(
      'The Designated Safeguarding Lead, with the head teacher or manager',
      'Their senior management (minimum Head of Service) or Designated Safeguarding Lead',
      {
        'childrens-social-care': 'The Head of Service (minimum) in children’s social care',
      },
    ),
    steps: steps('s4', [
      'Escalate to the relevant senior management (minimum Head of Service) or Designated Safeguarding Lead for review and discussion.',
      'Work to achieve a resolution and address known barriers.',
      'The lead agency updates the Escalation Notification Form with the remaining issues or the outcome.',
      'If unresolved, escalate to the CSCP Executive for a final decision.',
      feedback,
    ]),
    target: null,
    forms: [{ form: 'cscp-escalation-notification', action: 'update' }],
  },
  {
    id: 'stage-5',
    label: 'Stage 5',
    title: 'Escalate to Safeguarding Partner Executive',
    summary:
      'The CSCP Executive determines a way forward (this may include conflict resolution, further legal advice or independent review). The outcomes for the child should be clear and policy and practice issues taken forward. The Executive notifies the CSCP Independent Scrutineer.',
    whoActs: whoActs('The Designated Safeguarding Lead, with the head teacher or manager', 'The CSCP Executive'),
    steps: steps('s5', [
      'Escalate to the CSCP Executive, who will determine a way forward.',
      'Make sure the outcomes for the child are clear and policy and practice issues are taken forward.',
      'The Executive notifies the CSCP Independent Scrutineer.',
      'The lead agency updates the Escalation Notification Form.',
      feedback,
    ]),
    target: null,
    forms: [{ form: 'cscp-escalation-notification', action: 'update' }],
  },
];

export const cscp: Procedure = {
  id: 'cscp',
  version: 1,
  name: 'CSCP five stages of escalation',
  partnership: 'CSCP (safeguarding children partnership)',
  source: {
    seed: '004',
    document: 'A partnership’s (CSCP) five stages of escalation, with the Escalation Notification Form from stage 3',
    note: 'The seed gives no timescale for a stage, so stages have no target date; record the dates you agree in each stage’s actions.',
  },
  builtIn: true,
  timescaleOverrides: {},
  tracks: [{ id: 'stages', title: 'Stages of escalation', stages, routing: [] }],
  categoryTracks: categoriesTo('stages'),
};
