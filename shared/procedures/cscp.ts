import { categoriesTo, deepFreeze, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// A partnership's (CSCP) five stages of escalation. The Escalation Notification Form is
// completed at stage 3 whether or not the disagreement is resolved there, and updated at stages 4
// and 5. "Feedback should be given to all parties" is a step wherever the policy says it (stages 2
// to 5). The document sets no timescale for a stage, so no stage has a target, and none for a referral.

const feedback = 'Feedback should be given to all parties.';

const stages: Stage[] = [
  {
    id: 'stage-1',
    label: 'Stage 1',
    title: 'Discussion between front line workers',
    summary:
      'Any professional concerned about a decision/action should contact the professional who made the decision/action. Often differences are based on misunderstanding of agency policy or lack of communication and as such can be resolved quickly and informally. If the matter cannot be resolved, concerns should be discussed between the team or managers of each agency.',
    whoActs: whoActs('The professional concerned about the decision/action', 'The professional who made the decision/action', {
      'childrens-social-care': 'The social worker who made the decision/action',
    }),
    steps: steps('s1', [
      'Contact the professional who made the decision/action.',
      'Check whether the difference is based on misunderstanding of agency policy or lack of communication, and resolve it quickly and informally if so.',
    ]),
    target: null,
    forms: [],
  },
  {
    id: 'stage-2',
    label: 'Stage 2',
    title: 'Discussion between team or managers',
    summary:
      'Each agency team/operational manager discusses concerns and evidence, what outcome they would like to achieve, and negotiates a resolution. The aim should be to reach agreed action for the child. If the matter cannot be resolved, concerns should be discussed between the service managers or named safeguarding leads.',
    whoActs: whoActs('Your team/operational manager', 'Their team/operational manager', {
      'childrens-social-care': 'The social work team/operational manager',
    }),
    steps: steps('s2', [
      'Each agency team/operational manager discusses concerns and evidence, and what outcome they would like to achieve.',
      'Negotiate a resolution: the aim should be to reach agreed action for the child.',
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
      'Escalate to relevant Service Managers/Named Safeguarding Leads to agree a way forward. A multiagency reflective group consultation or at minimum a case meeting should be held involving relevant staff to find an agreed resolution. Whether resolved or not, the lead agency manager should notify the CSCP of identified policy/practice issues using the Escalation Notification Form. If unresolved, the case should be escalated to senior managers.',
    whoActs: whoActs('Your named safeguarding lead or service manager', 'Their service manager or named safeguarding lead', {
      'childrens-social-care': 'The children’s social care service manager',
    }),
    steps: steps('s3', [
      'Escalate to relevant Service Managers/Named Safeguarding Leads to agree a way forward.',
      'Hold a multiagency reflective group consultation, or at minimum a case meeting, involving relevant staff to find an agreed resolution.',
      'Whether resolved or not, the lead agency manager notifies the CSCP of identified policy/practice issues using the Escalation Notification Form.',
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
      'Escalate to the relevant senior management (minimum Head of Service) or Designated Safeguarding Lead for review and discussion to achieve a resolution and address known barriers. The lead agency should update the Escalation Notification Form of remaining issues or outcome. If unresolved, the case should be escalated to the CSCP Executive for a final decision.',
    whoActs: whoActs(
      'Your senior management or Designated Safeguarding Lead',
      'Their senior management (minimum Head of Service) or Designated Safeguarding Lead',
      {
        'childrens-social-care': 'Senior management in children’s social care (minimum Head of Service)',
      },
    ),
    steps: steps('s4', [
      'Escalate to the relevant senior management (minimum HoS) or Designated Safeguarding Lead for review and discussion.',
      'Achieve a resolution and address known barriers.',
      'The lead agency updates the Escalation Notification Form of remaining issues or outcome.',
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
      'Escalate to the CSCP Executive, who will determine a way forward: this may include conflict resolution, further legal advice, independent review etc. At this stage the outcomes for the child should be clear and issues relating to policy and practice should be taken forward. The Executive will notify the CSCP Independent Scrutineer.',
    whoActs: whoActs('Your senior management or Designated Safeguarding Lead, escalating to the CSCP Executive', 'The CSCP Executive'),
    steps: steps('s5', [
      'Escalate to the CSCP Executive, who will determine a way forward.',
      'Make sure the outcomes for the child are clear, and issues relating to policy and practice are taken forward.',
      'The Executive notifies the CSCP Independent Scrutineer.',
      'The lead agency updates the Escalation Notification Form.',
      feedback,
    ]),
    target: null,
    forms: [{ form: 'cscp-escalation-notification', action: 'update' }],
  },
];

export const cscp: Procedure = deepFreeze({
  id: 'cscp',
  version: 2,
  name: 'CSCP five stages of escalation',
  partnership: 'CSCP (safeguarding children partnership)',
  source: {
    title: 'Stages of escalation, with the Escalation Notification Form from stage 3',
    publisher: 'CSCP (a safeguarding children partnership)',
    year: 'Not dated',
    lastChecked: '2026-12-01',
    note: 'The document gives no timescale for any stage, so no stage has a target date: record the dates you agree as actions at each stage. It sets no time for the written follow-up of a phone referral, a strategy discussion or its minutes. The lead agency (which may be the other agency, not your setting) completes the Escalation Notification Form at stage 3 whether or not the disagreement is resolved, and updates it at stages 4 and 5.',
  },
  builtIn: true,
  renamed: [],
  contacts: [],
  localTimescales: {
    'written-follow-up': null,
    'strategy-discussion': { standard: null, 'immediate-risk': null, 'penetrative-sexual-abuse': null, complex: null },
    'strategy-minutes': null,
  },
  tracks: [{ id: 'stages', title: 'Stages of escalation', stages, routing: [] }],
  categoryTracks: categoriesTo('stages'),
});
