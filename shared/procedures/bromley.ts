import { categoriesTo, deepFreeze, steps, whoActs } from './build';
import type { Procedure, Stage } from './schema';

// Ready Steady Grow Pre-School, Bromley (BSCP): escalation policy, which operates with the London
// Child Protection Procedures, Part B1 (Professional Conflict Resolution). Four stages of resolution.
// The policy's one working week is Stage 1's ("They should aim to resolve within 1 working week or a
// shorter timescale if the child is at risk"): it is applied there and no further. Stage 2's managers
// agree "a course of action, clearly defined with timescales" — those are agreed actions, with the
// dates they agree. The policy sets no referral timescale of its own (no written follow-up, no
// strategy-discussion time): the national ones apply, and the strategy discussion is an event to record.

const stages: Stage[] = [
  {
    id: 'stage-1',
    label: 'Stage 1',
    title: 'Front-line Professional to Professional',
    summary:
      'The staff member (or DSL) raising the concern starts a discussion with the other professional as soon as possible (by phone, in person, or virtual), explains the concern, why they believe the decision or practice is unsafe or inappropriate, and what outcome they seek, and aims to resolve it within 1 working week, or sooner if the child is at risk.',
    whoActs: whoActs('The staff member (or DSL) raising the concern', 'The other professional', {
      'childrens-social-care': 'The allocated social worker',
    }),
    steps: steps('s1', [
      'Initiate a discussion (by phone, in person, or virtual) with the other professional as soon as possible.',
      'Clearly explain what the concern is.',
      'Explain why you believe the decision/practice is unsafe or inappropriate.',
      'Say what outcome you seek.',
      'Aim to resolve within 1 working week or a shorter timescale if the child is at risk.',
      'Document the discussion, decisions made, and agreed next steps, and place this on the child’s record.',
    ]),
    target: {
      rule: { kind: 'working-weeks', weeks: 1 },
      from: 'stage-start',
      source: 'They should aim to resolve within 1 working week or a shorter timescale if the child is at risk.',
    },
    forms: [],
  },
  {
    id: 'stage-2',
    label: 'Stage 2',
    title: 'Manager to Manager / DSL to DSL',
    summary:
      'If Stage 1 does not resolve the issue, escalate the concern through each agency’s line management: the DSL or manager contacts their counterpart in the other agency. The managers review the case and agree a course of action with timescales.',
    whoActs: whoActs('The DSL or manager', 'Their DSL or manager (your counterpart)', {
      'childrens-social-care': 'The social worker’s manager (your counterpart)',
    }),
    steps: steps('s2', [
      'The DSL or manager contacts their counterpart in the other agency.',
      'Review the case, including any risk, safeguarding context, and professional rationale.',
      'Propose and agree a course of action, clearly defined with timescales.',
      'Record the conversation, decisions, and the agreed course of action, and place this on the child’s file.',
      'Inform the original referrer.',
    ]),
    target: null,
    forms: [],
  },
  {
    id: 'stage-3',
    label: 'Stage 3',
    title: 'Senior Manager / Agency Safeguarding Lead',
    summary:
      'If Stage 2 fails to reach resolution, the issue escalates to senior-level management (e.g. Head of Service, Director, or equivalent senior safeguarding lead). Senior managers from the involved agencies convene, review the disagreement and agree a way forward; the action plan is documented and a "lead manager" identified to implement and monitor it.',
    whoActs: whoActs(
      'Your senior leadership or senior safeguarding lead',
      'Their senior manager (e.g. Head of Service, Director, or equivalent senior safeguarding lead)',
      { 'childrens-social-care': 'The Head of Service or Director (children’s social care)' },
    ),
    steps: steps('s3', [
      'Escalate to senior-level management (e.g. Head of Service, Director, or equivalent senior safeguarding lead).',
      'Senior managers from the involved agencies convene (meeting or conference), review the disagreement, and agree a way forward.',
      'Document the action plan, and identify a "lead manager" to implement and monitor it.',
      'Communicate the outcome back to all relevant parties, including the practitioner who raised the concern.',
    ]),
    target: null,
    forms: [],
  },
  {
    id: 'stage-4',
    label: 'Stage 4',
    title: 'Escalation to Bromley Safeguarding Children Partnership (BSCP) / Chair',
    summary:
      'If senior managers cannot resolve the concern, or there continues to be a serious risk to the child, the matter is referred to the BSCP via the BSCP business manager / partnership office. The BSCP may convene a Resolution Panel (senior representatives from at least three different agencies), or facilitate resolution through direct liaison with agency leadership.',
    whoActs: whoActs('The DSL (who escalates to the BSCP)', 'The BSCP business manager / partnership office'),
    steps: steps('s4', [
      'Refer the matter to the BSCP via the BSCP business manager / partnership office.',
      'Take part as the BSCP decides: a Resolution Panel, chaired by an independent or senior partner, with senior representatives from at least three different agencies, to hear representations, examine evidence and issue recommendations; or direct liaison with agency leadership.',
      'Formally record the process and outcome, and place a summary report on the child’s record.',
      'Note whether the BSCP will consider a systemic / learning review.',
    ]),
    target: null,
    forms: [],
  },
];

export const bromley: Procedure = deepFreeze({
  id: 'bromley',
  version: 2,
  name: 'Bromley (BSCP) escalation policy',
  partnership: 'Bromley Safeguarding Children Partnership (BSCP)',
  source: {
    title: 'Safeguarding and Welfare Requirement: Child Protection — Escalation policy',
    publisher: 'Ready Steady Grow Pre-School, Bromley',
    year: 'Not dated',
    lastChecked: '2026-12-01',
    note: 'Operates with the London Child Protection Procedures, Part B1 (Professional Conflict Resolution). The policy’s one working week is Stage 1’s (“They should aim to resolve within 1 working week or a shorter timescale if the child is at risk”); the later stages have no target of their own: agree the dates as actions. The policy sets no time for the written follow-up of a phone referral, a strategy discussion or its minutes: set them in a copy if your partnership’s procedures give them. If staff feel unsafe raising concerns within their own agency, they may escalate directly to external managers, or request escalation via the BSCP. Involve the LADO where the concern is about the behaviour of a professional or staff member.',
  },
  builtIn: true,
  renamed: [],
  contacts: [],
  localTimescales: {
    'written-follow-up': null,
    'strategy-discussion': { standard: null, 'immediate-risk': null, 'penetrative-sexual-abuse': null, complex: null },
    'strategy-minutes': null,
  },
  tracks: [
    {
      id: 'stages',
      title: 'Escalation Process - Stages of Resolution',
      stages,
      routing: [],
      // Where the policy sends a disagreement to the BSCP without waiting for the stages between.
      skips: [
        {
          id: 'serious-risk-to-bscp',
          from: ['stage-1', 'stage-2'],
          to: ['stage-4'],
          when: 'There continues to be a serious risk to the child: the matter is referred to the BSCP now, without waiting for the stages between.',
          source:
            'If senior managers cannot resolve the concern, or if there continues to be a serious risk to the child, the matter should be referred to the BSCP.',
        },
        {
          id: 'unsafe-within-own-agency',
          from: ['stage-1', 'stage-2'],
          to: ['stage-3', 'stage-4'],
          when: 'The member of staff feels unsafe raising the concern within their own agency: they escalate directly to external managers, or ask for escalation via the BSCP.',
          source:
            'If staff feel unsafe raising concerns within their own agency, they may escalate directly to external managers, or request escalation via BSCP.',
        },
      ],
    },
  ],
  categoryTracks: categoriesTo('stages'),
});
