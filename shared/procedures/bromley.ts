import { categoriesTo, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// Ready Steady Grow Pre-School, Bromley (BSCP) escalation policy (seed 002): four stages of
// resolution, each aimed at within one working week ("always as soon as possible, and within a week
// unless risk demands faster action"), following the London Child Protection Procedures.

const stages: Stage[] = [
  {
    id: 'stage-1',
    label: 'Stage 1',
    title: 'Front-line Professional to Professional',
    summary:
      'The staff member (or DSL) raising the concern discusses it with the other professional as soon as possible, by phone, in person or virtually, aiming to resolve it within 1 working week or sooner if the child is at risk.',
    whoActs: whoActs('The staff member raising the concern, or the DSL', 'The other professional', {
      'childrens-social-care': 'The allocated social worker',
    }),
    steps: steps('s1', [
      'Start a discussion with the other professional as soon as possible (by phone, in person, or virtual).',
      'Explain clearly what the concern is.',
      'Explain why you believe the decision or practice is unsafe or inappropriate.',
      'Say what outcome you seek.',
      'Aim to resolve within 1 working week, or a shorter timescale if the child is at risk.',
      'Document the discussion, decisions made and agreed next steps, and place this on the child’s record.',
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
  {
    id: 'stage-2',
    label: 'Stage 2',
    title: 'Manager to Manager / DSL to DSL',
    summary:
      'If Stage 1 does not resolve the issue, it is escalated through each agency’s line management: the DSL or manager contacts their counterpart in the other agency.',
    whoActs: whoActs('The DSL or manager', 'Their manager or DSL (your counterpart)', {
      'childrens-social-care': 'The social worker’s manager (your counterpart)',
    }),
    steps: steps('s2', [
      'Contact your counterpart in the other agency (DSL to DSL, or manager to manager).',
      'Review the case together, including any risk, the safeguarding context and the professional rationale.',
      'Propose and agree a course of action, clearly defined with timescales.',
      'Record the conversation, decisions, and the agreed course of action, and place this on the child’s file.',
      'Inform the original referrer.',
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
  {
    id: 'stage-3',
    label: 'Stage 3',
    title: 'Senior Manager / Agency Safeguarding Lead',
    summary:
      'If Stage 2 fails, the issue escalates to senior-level management (e.g. Head of Service, Director, or equivalent senior safeguarding lead). Senior managers convene, agree a way forward, and a lead manager is identified to implement and monitor the action plan.',
    whoActs: whoActs(
      'Senior leadership of the setting (e.g. the manager or head teacher)',
      'Their senior manager (e.g. Head of Service, Director, or equivalent senior safeguarding lead)',
      { 'childrens-social-care': 'The Head of Service or Director of children’s social care' },
    ),
    steps: steps('s3', [
      'Escalate to senior-level management in each agency.',
      'Senior managers convene (meeting or conference), review the disagreement and agree a way forward.',
      'Document the action plan and identify a lead manager to implement and monitor it.',
      'Communicate the outcome to all relevant parties, including the practitioner who raised the concern.',
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
  {
    id: 'stage-4',
    label: 'Stage 4',
    title: 'Escalation to Bromley Safeguarding Children Partnership (BSCP) / Chair',
    summary:
      'If senior managers cannot resolve it, or there is still a serious risk to the child, the matter is referred to the BSCP through its business manager / partnership office. The BSCP may convene a Resolution Panel (senior representatives from at least three agencies) or facilitate resolution through direct liaison with agency leadership.',
    whoActs: whoActs('The DSL, with the setting’s senior leadership', 'The BSCP business manager / partnership office'),
    steps: steps('s4', [
      'Refer the matter to the BSCP via the BSCP business manager / partnership office.',
      'Take part in a Resolution Panel (chaired by an independent or senior partner, with senior representatives from at least three agencies) or in direct liaison with agency leadership, as the BSCP decides.',
      'Formally record the process and outcome, and place a summary report on the child’s record.',
      'Note whether the BSCP will consider a systemic or learning review.',
    ]),
    target: { timescale: 'escalation-stage' },
    forms: [],
  },
];

export const bromley: Procedure = {
  id: 'bromley',
  version: 1,
  name: 'Bromley (BSCP) escalation policy',
  partnership: 'Bromley Safeguarding Children Partnership (BSCP)',
  source: {
    seed: '002',
    document: 'Ready Steady Grow Pre-School, Bromley: Safeguarding and Welfare Requirement: Child Protection — Escalation',
    note: 'Follows the London Child Protection Procedures, Part B1 (Professional Conflict Resolution). Written follow-up of a phone referral: 48 hours, as in the London procedures.',
  },
  builtIn: true,
  timescaleOverrides: { 'written-follow-up': { kind: 'hours', hours: 48 } },
  tracks: [{ id: 'stages', title: 'Stages of resolution', stages, routing: [] }],
  categoryTracks: categoriesTo('stages'),
};
