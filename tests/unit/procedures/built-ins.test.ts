import { describe, expect, it } from 'vitest';
import { timescales } from '../../../shared/deadlines';
import {
  builtInProcedures,
  copyProcedure,
  escalationCategories,
  getBuiltInProcedure,
  nextStage,
  procedureSchema,
  trackFor,
  type Procedure,
  type Track,
} from '../../../shared/procedures';

// Each built-in against its seed: stages and their order, routing, who acts, forms per stage.

function procedure(id: string): Procedure {
  const found = getBuiltInProcedure(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function track(p: Procedure, category: string): Track {
  const found = trackFor(p, category);
  if (!found) throw new Error(`no track for ${category}`);
  return found;
}

const school = { ourAgency: 'school', otherAgency: 'school' } as const;
const csc = { ourAgency: 'school', otherAgency: 'childrens-social-care' } as const;

describe('every built-in', () => {
  it('parses with the procedure schema, maps every category to a track, and names only catalogue timescales', () => {
    expect(builtInProcedures.map((p) => p.id)).toEqual(['liverpool', 'bromley', 'birmingham', 'cscp', 'berkshire-west']);
    for (const p of builtInProcedures) {
      expect(() => procedureSchema.parse(p), p.id).not.toThrow();
      for (const category of escalationCategories) expect(trackFor(p, category), `${p.id} ${category}`).not.toBeNull();
      for (const t of p.tracks) {
        for (const stage of t.stages) {
          if (stage.target) expect(Object.keys(timescales)).toContain(stage.target.timescale);
          for (const kind of ['school', 'early-years', 'childrens-social-care', 'health', 'police', 'self-employed', 'other'] as const) {
            expect(stage.whoActs[kind].length, `${p.id} ${stage.id} ${kind}`).toBeGreaterThan(3);
          }
        }
        const last = t.stages[t.stages.length - 1];
        expect(last && nextStage(t, last.id, csc)).toBeNull();
      }
    }
  });

  it('copies deeply: editing the copy leaves the built-in alone, and the copy parses', () => {
    const source = procedure('bromley');
    const copy = copyProcedure(source, 'copy-1', 'Our Bromley procedure');
    const stage = copy.tracks[0]?.stages[0];
    if (!stage) throw new Error('no stage');
    stage.title = 'Changed';
    expect(source.tracks[0]?.stages[0]?.title).toBe('Front-line Professional to Professional');
    expect(copy).toMatchObject({ id: 'copy-1', name: 'Our Bromley procedure', builtIn: false, version: 1 });
    expect(() => procedureSchema.parse(copy)).not.toThrow();
  });

  it('refuses a copy whose category points at a missing track or whose routing goes down the ladder', () => {
    const copy = copyProcedure(procedure('birmingham'), 'copy-2', 'Broken');
    expect(procedureSchema.safeParse({ ...copy, categoryTracks: { ...copy.categoryTracks, other: 'nowhere' } }).success).toBe(false);
    const t = copy.tracks[0];
    if (!t) throw new Error('no track');
    const backwards = {
      ...copy,
      tracks: [{ ...t, routing: [{ id: 'r', from: 'stage-5', to: 'stage-1', between: [['school'], ['school']], reason: 'x' }] }],
    };
    expect(procedureSchema.safeParse(backwards).success).toBe(false);
  });
});

describe('Birmingham (seed 003)', () => {
  const p = procedure('birmingham');
  const t = track(p, 'threshold-disagreement');

  it('has five stages in order, each to be resolved within one working week', () => {
    expect(t.stages.map((s) => `${s.label}: ${s.title}`)).toEqual([
      'Stage One: Escalation to individual line manager',
      'Stage Two: Escalation to safeguarding lead or senior manager',
      'Stage Three: Escalation to second tier officers',
      'Stage Four: Escalation to chief officer',
      'Stage Five: Mediation by a third-party agency',
    ]);
    expect(t.stages.every((s) => s.target?.timescale === 'escalation-stage')).toBe(true);
    expect(timescales['escalation-stage'].rule).toEqual({ kind: 'working-weeks', weeks: 1 });
  });

  it('routes school v school, and self-employed v school, from stage one straight to stage five', () => {
    expect(nextStage(t, 'stage-1', school)).toMatchObject({
      stage: { id: 'stage-5' },
      reason: expect.stringContaining('directly from Stage One to Stage Five'),
    });
    expect(nextStage(t, 'stage-1', { ourAgency: 'school', otherAgency: 'self-employed' })?.stage.id).toBe('stage-5');
    expect(nextStage(t, 'stage-1', csc)).toEqual({ stage: expect.objectContaining({ id: 'stage-2' }), reason: null });
    expect(nextStage(t, 'stage-1', { ourAgency: 'early-years', otherAgency: 'school' })?.stage.id).toBe('stage-2');
  });

  it('has the head teacher act for a school at stages two to four, and the Trust’s officers by stage', () => {
    expect(t.stages.map((s) => s.whoActs.school)).toEqual([
      'Your line manager/supervisor',
      'The Head Teacher/Principal',
      'The Head Teacher/Principal',
      'The Head Teacher/Principal',
      'The Head Teacher/Principal, who refers the case to the Business Manager of the Birmingham Safeguarding Children Board',
    ]);
    expect(t.stages.slice(1, 4).map((s) => s.whoActs['childrens-social-care'])).toEqual([
      'The Head of Service (Birmingham Children’s Trust)',
      'The Assistant Director (children’s social care)',
      'The Executive Director for Children’s Services',
    ]);
    expect(t.stages.slice(0, 4).every((s) => s.whoActs['self-employed'] === 'The safeguarding lead for the relevant service')).toBe(true);
  });
});

describe('Liverpool (seed 001)', () => {
  const p = procedure('liverpool');

  it('walks situation 6 up its a–i ladder, then the four LSCB stages', () => {
    const t = track(p, 'cp-plan-not-progressing');
    expect(t.id).toBe('situation-6');
    expect(t.stages.map((s) => s.label)).toEqual([
      'Step a',
      'Step b',
      'Step c',
      'Step d',
      'Step e',
      'Step f',
      'Step g',
      'Step h',
      'Step i',
      'LSCB Stage 1',
      'LSCB Stage 2',
      'LSCB Stage 3',
      'LSCB Stage 4',
    ]);
    expect(t.stages[5]?.title).toBe('Contact the Independent Reviewing Officer to discuss your concerns.');
    expect(t.stages[2]?.forms).toEqual([{ form: 'written-concern', action: 'complete' }]);
  });

  it('has ladders for situations 5 (a–g) and 7 (a–g)', () => {
    expect(
      track(p, 'cin-plan-not-progressing')
        .stages.filter((s) => s.label.startsWith('Step'))
        .map((s) => s.label.slice(5))
        .join(''),
    ).toBe('abcdefg');
    const seven = track(p, 'case-conference-no-cp-plan');
    expect(seven.stages[0]?.title).toBe('Raise your concerns during the case conference and ask for your concerns to be minuted.');
    expect(seven.stages.filter((s) => s.label.startsWith('Step')).length).toBe(7);
  });

  it('uses the four LSCB stages for situation 8, with the Report to LSCB at stages 3 and 4 only', () => {
    const t = track(p, 'cin-plan-discontinued');
    expect(t.stages.map((s) => s.title)).toEqual([
      'Attempt resolution; escalate to line manager',
      'Escalation to Organisation Safeguarding Representative',
      'Escalation to LSCB Safeguarding Representative',
      'Escalation to LSCB Chair',
    ]);
    expect(t.stages.map((s) => s.forms.map((f) => `${f.action} ${f.form}`))).toEqual([
      [],
      [],
      ['complete liverpool-report-to-lscb'],
      ['update liverpool-report-to-lscb'],
    ]);
  });

  it('follows up a phone referral in writing within 24 hours', () => {
    expect(p.timescaleOverrides['written-follow-up']).toEqual({ kind: 'hours', hours: 24 });
  });
});

describe('CSCP (seed 004)', () => {
  it('has five stages and the Escalation Notification Form from stage 3 (complete), updated at 4 and 5', () => {
    const t = track(procedure('cscp'), 'other');
    expect(t.stages.length).toBe(5);
    expect(t.stages.map((s) => s.forms.map((f) => `${f.action} ${f.form}`).join())).toEqual([
      '',
      '',
      'complete cscp-escalation-notification',
      'update cscp-escalation-notification',
      'update cscp-escalation-notification',
    ]);
    expect(t.stages[4]?.title).toBe('Escalate to Safeguarding Partner Executive');
    expect(t.stages.slice(1).every((s) => s.steps.some((step) => step.text === 'Give feedback to all parties.'))).toBe(true);
  });
});

describe('Bromley (seed 002)', () => {
  it('has four stages in one working week, a lead manager at stage 3 and a resolution panel at stage 4', () => {
    const t = track(procedure('bromley'), 'threshold-disagreement');
    expect(t.stages.map((s) => s.title)).toEqual([
      'Front-line Professional to Professional',
      'Manager to Manager / DSL to DSL',
      'Senior Manager / Agency Safeguarding Lead',
      'Escalation to Bromley Safeguarding Children Partnership (BSCP) / Chair',
    ]);
    expect(t.stages[2]?.steps.map((s) => s.text).join(' ')).toContain('lead manager');
    expect(t.stages[3]?.steps.map((s) => s.text).join(' ')).toContain('Resolution Panel');
    expect(t.stages[1]?.steps.map((s) => s.text)).toContain('Inform the original referrer.');
  });
});

describe('Berkshire West (seed 000)', () => {
  it('has three steps, 48 hours apart', () => {
    const t = track(procedure('berkshire-west'), 'statutory-timescale-missed');
    expect(t.stages.map((s) => s.label)).toEqual(['Step 1', 'Step 2', 'Step 3']);
    expect(t.stages.map((s) => s.target?.timescale ?? null)).toEqual(['bw-escalation-step-2', 'bw-escalation-step-3', null]);
    expect(timescales['bw-escalation-step-2'].rule).toEqual({ kind: 'hours', hours: 48 });
    expect(t.stages[0]?.whoActs['childrens-social-care']).toContain('BSO.TogetherForFamilies@brighterfuturesforchildren.org');
  });
});
