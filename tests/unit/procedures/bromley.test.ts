import { describe, expect, it } from 'vitest';
import { timescales } from '../../../shared/deadlines';
import { escalationCategories, nextStage } from '../../../shared/procedures';
import { builtIn, formsByStage, schoolVsSocialCare, stageOf, trackOf } from './helpers';

// Bromley (seed 002) against Ready Steady Grow Pre-School's escalation policy: four stages of
// resolution, one working week each, the lead manager at stage 3 and the Resolution Panel at stage 4.

const p = builtIn('bromley');
const t = trackOf(p, 'threshold-disagreement');

describe('Bromley (seed 002)', () => {
  it('has one track of four stages, in order, with the policy’s titles', () => {
    expect(p.tracks).toHaveLength(1);
    expect(escalationCategories.every((c) => p.categoryTracks[c] === 'stages')).toBe(true);
    expect(t.stages.map((s) => `${s.label}: ${s.title}`)).toEqual([
      'Stage 1: Front-line Professional to Professional',
      'Stage 2: Manager to Manager / DSL to DSL',
      'Stage 3: Senior Manager / Agency Safeguarding Lead',
      'Stage 4: Escalation to Bromley Safeguarding Children Partnership (BSCP) / Chair',
    ]);
    expect(t.stages.map((s) => s.id)).toEqual(['stage-1', 'stage-2', 'stage-3', 'stage-4']);
    expect(nextStage(t, 'stage-1', { ourAgency: 'early-years', otherAgency: 'school' })?.stage.id).toBe('stage-2');
    expect(nextStage(t, 'stage-4', schoolVsSocialCare)).toBeNull();
  });

  it('aims to resolve each stage within one working week', () => {
    expect(t.stages.map((s) => s.target)).toEqual(Array.from({ length: 4 }, () => ({ timescale: 'escalation-stage' })));
    expect(timescales['escalation-stage'].rule).toEqual({ kind: 'working-weeks', weeks: 1 });
  });

  it('asks at stage 1 for the concern, why it is unsafe and the outcome sought, recorded on the child’s record', () => {
    expect(stageOf(t, 'stage-1').steps.map((s) => s.text)).toEqual([
      'Initiate a discussion (by phone, in person, or virtual) with the other professional as soon as possible.',
      'Clearly explain what the concern is.',
      'Explain why you believe the decision/practice is unsafe or inappropriate.',
      'Say what outcome you seek.',
      'Aim to resolve within 1 working week or a shorter timescale if the child is at risk.',
      'Document the discussion, decisions made, and agreed next steps, and place this on the child’s record.',
    ]);
  });

  it('records and informs the original referrer at stage 2', () => {
    expect(stageOf(t, 'stage-2').steps.map((s) => s.text)).toEqual([
      'The DSL or manager contacts their counterpart in the other agency.',
      'Review the case, including any risk, safeguarding context, and professional rationale.',
      'Propose and agree a course of action, clearly defined with timescales.',
      'Record the conversation, decisions, and the agreed course of action, and place this on the child’s file.',
      'Inform the original referrer.',
    ]);
  });

  it('identifies a lead manager at stage 3 and offers a Resolution Panel of at least three agencies at stage 4', () => {
    expect(stageOf(t, 'stage-3').steps.map((s) => s.text)).toContain(
      'Document the action plan, and identify a "lead manager" to implement and monitor it.',
    );
    const four = stageOf(t, 'stage-4');
    expect(four.steps[1]?.text).toContain(
      'a Resolution Panel, chaired by an independent or senior partner, with senior representatives from at least three different agencies',
    );
    expect(four.steps[1]?.text).toContain('or direct liaison with agency leadership');
    expect(four.whoActs['childrens-social-care']).toBe('The BSCP business manager / partnership office');
  });

  it('has who acts for our side and the other agency', () => {
    expect(t.stages.map((s) => [s.whoActs['early-years'], s.whoActs['childrens-social-care']])).toEqual([
      ['The staff member (or DSL) raising the concern', 'The allocated social worker'],
      ['The DSL or manager', 'The social worker’s manager (your counterpart)'],
      ['Your senior leadership or senior safeguarding lead', 'The Head of Service or Director (children’s social care)'],
      ['The DSL (who escalates to the BSCP)', 'The BSCP business manager / partnership office'],
    ]);
  });

  it('calls for no form, and follows up a phone referral within 48 hours (London)', () => {
    expect(formsByStage(t)).toEqual([[], [], [], []]);
    expect(p.timescaleOverrides).toEqual({ 'written-follow-up': { kind: 'hours', hours: 48 } });
  });
});
