import { describe, expect, it } from 'vitest';
import { nextStage, type AgencyKind } from '../../../shared/procedures';
import { builtIn, formsByStage, schoolVsSocialCare, stageOf, trackOf } from './helpers';

// Birmingham (seed 003): five stages in one working week each, who acts by kind of agency, and school
// v school (or self-employed v school) straight from Stage One to Stage Five.

const p = builtIn('birmingham');
const t = trackOf(p, 'risk-disagreement');
const straightToFive =
  'If the disagreement is between two schools, or between a self-employed professional and a school, it will progress directly from Stage One to Stage Five.';

describe('Birmingham (seed 003)', () => {
  it('has five stages, in order, with the policy’s titles, each to be resolved within one working week', () => {
    expect(t.stages.map((s) => [s.id, s.label, s.title])).toEqual([
      ['stage-1', 'Stage One', 'Escalation to individual line manager'],
      ['stage-2', 'Stage Two', 'Escalation to safeguarding lead or senior manager'],
      ['stage-3', 'Stage Three', 'Escalation to Second Tier Officers'],
      ['stage-4', 'Stage Four', 'Escalation to Chief Officer'],
      ['stage-5', 'Stage Five', 'Mediation by a Third-Party Agency'],
    ]);
    expect(t.stages.map((s) => s.target?.timescale)).toEqual(Array.from({ length: 5 }, () => 'escalation-stage'));
    expect(p.partnership).toBe('Birmingham Safeguarding Children Board (BSCB)');
  });

  it('goes from stage 1 straight to stage 5 for school v school and self-employed v school, either way round', () => {
    for (const [ourAgency, otherAgency] of [
      ['school', 'school'],
      ['school', 'self-employed'],
      ['self-employed', 'school'],
    ] as const) {
      expect(nextStage(t, 'stage-1', { ourAgency, otherAgency }), `${ourAgency} v ${otherAgency}`).toEqual({
        stage: stageOf(t, 'stage-5'),
        reason: straightToFive,
      });
    }
  });

  it('goes up in order for everyone else, and from every later stage', () => {
    expect(nextStage(t, 'stage-1', schoolVsSocialCare)).toEqual({ stage: stageOf(t, 'stage-2'), reason: null });
    const others: [AgencyKind, AgencyKind][] = [
      ['school', 'health'],
      ['school', 'police'],
      ['school', 'other'],
      ['early-years', 'school'],
      ['early-years', 'self-employed'],
      ['self-employed', 'self-employed'],
    ];
    for (const [ourAgency, otherAgency] of others) {
      expect(nextStage(t, 'stage-1', { ourAgency, otherAgency })?.stage.id, `${ourAgency} v ${otherAgency}`).toBe('stage-2');
    }
    expect(
      ['stage-2', 'stage-3', 'stage-4'].map((id) => nextStage(t, id, { ourAgency: 'school', otherAgency: 'school' })?.stage.id),
    ).toEqual(['stage-3', 'stage-4', 'stage-5']);
  });

  it('has the Head Teacher/Principal act for a school at stages 2–4', () => {
    expect(t.stages.map((s) => s.whoActs.school)).toEqual([
      'Your line manager/supervisor',
      'The Head Teacher/Principal',
      'The Head Teacher/Principal',
      'The Head Teacher/Principal',
      'The Head Teacher/Principal, who refers the case to the Business Manager of the Birmingham Safeguarding Children Board',
    ]);
    expect(stageOf(t, 'stage-2').whoActs['early-years']).toBe('Your named or designated safeguarding lead or service manager');
  });

  it('has the Trust’s Head of Service, Assistant Director and Executive Director act at stages 2–4', () => {
    expect(t.stages.map((s) => s.whoActs['childrens-social-care'])).toEqual([
      'The social worker’s manager/supervisor',
      'The Head of Service (Birmingham Children’s Trust)',
      'The Assistant Director (children’s social care)',
      'The Executive Director for Children’s Services',
      'The Business Manager of the Birmingham Safeguarding Children Board',
    ]);
  });

  it('has the safeguarding lead for the relevant service act for a self-employed professional at stages 1–4', () => {
    expect(t.stages.slice(0, 4).map((s) => s.whoActs['self-employed'])).toEqual(
      Array.from({ length: 4 }, () => 'The safeguarding lead for the relevant service'),
    );
  });

  it('offers the written statement of the outcome at every stage, and records and shares at every stage', () => {
    expect(formsByStage(t)).toEqual(Array.from({ length: 5 }, () => ['complete written-statement-of-outcome']));
    for (const stage of t.stages) {
      expect(stage.summary, stage.id).toContain('agree a written statement of the outcome');
      expect(stage.steps.at(-1)?.text, stage.id).toBe(
        'Record all conversations and decisions in writing and share them with relevant personnel, including the professional who raised the initial concern.',
      );
    }
  });

  it('refers Stage Five to the Board’s Business Manager for a meeting chaired from an uninvolved agency', () => {
    expect(
      stageOf(t, 'stage-5')
        .steps.map((s) => s.text)
        .slice(0, 2),
    ).toEqual([
      'Refer the case to the Business Manager of the Birmingham Safeguarding Children Board, who will notify the chair of the Board.',
      'The chair identifies a Board member from an uninvolved agency to chair a meeting of senior managers with operational responsibility for the case.',
    ]);
  });
});
