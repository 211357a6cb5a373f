import { describe, expect, it } from 'vitest';
import { nextStage, type AgencyKind } from '../../../shared/procedures';
import { builtIn, formsByStage, schoolVsSocialCare, stageOf, trackOf } from './helpers';
import { expectKeeps, normalise, ruleInWords, stepsSaidBy, trackPolicy } from './policy-text';

// Birmingham against the school's Escalation Policy 2020–2022 itself
// (tests/fixtures/policies/birmingham.txt): five stages, one working week for the whole disagreement,
// who acts by kind of agency, and school v school (or self-employed v school) straight from Stage One
// to Stage Five.

const p = builtIn('birmingham');
const t = trackOf(p, 'risk-disagreement');
const { text, parts, preamble, partOf, stepText, wordsAdded } = trackPolicy('birmingham', t, /^Stage (One|Two|Three|Four|Five) .*$/gm);

describe('Birmingham', () => {
  it('has the policy’s five stages, in order, under its headings, the whole disagreement to be resolved within one working week', () => {
    expect(t.stages.map((s) => normalise(`${s.label} - ${s.title}`))).toEqual(parts.map((part) => normalise(part.heading[0])));
    expect(t.stages.map((s) => s.id)).toEqual(['stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5']);
    // The week opens the procedure, before the stages, and is about "disagreements": one week for the
    // whole disagreement, so every stage has the same target, counted from when it was first raised.
    const week = {
      rule: { kind: 'working-weeks', weeks: 1 } as const,
      from: 'escalation-start',
      source: 'Professionals should attempt to resolve disagreements within one working week.',
    };
    expect(t.stages.map((s) => s.target)).toEqual(Array.from({ length: 5 }, () => week));
    expect(preamble.says(week.source)).toBe(true);
    expect(
      ruleInWords(week.rule).some((words) => preamble.says(`Professionals should attempt to resolve disagreements within ${words}`)),
    ).toBe(true);
    for (const part of parts) expect(/\bweek\b/i.test(part.text.raw), part.heading[0]).toBe(false);
    expect(p.source.note).toContain('The policy’s week is for the whole disagreement, not each stage');
    expectKeeps(p.partnership, text, ['Birmingham Safeguarding Children Board']);
    expect(p.renamed).toEqual([
      expect.objectContaining({
        asWritten: 'Birmingham Safeguarding Children Board',
        now: 'the Birmingham Safeguarding Children Partnership',
      }),
    ]);
    expect(text.says('Birmingham Safeguarding Children Board')).toBe(true);
  });

  it('goes from stage 1 straight to stage 5 for school v school and self-employed v school, either way round, in the policy’s words', () => {
    const [rule] = t.routing;
    expect(t.routing).toHaveLength(1);
    expect(text.says(rule?.reason ?? '')).toBe(true);
    expect(partOf('stage-2').says(rule?.reason ?? '')).toBe(true);
    for (const [ourAgency, otherAgency] of [
      ['school', 'school'],
      ['school', 'self-employed'],
      ['self-employed', 'school'],
    ] as const) {
      expect(nextStage(t, 'stage-1', { ourAgency, otherAgency }), `${ourAgency} v ${otherAgency}`).toEqual({
        stage: stageOf(t, 'stage-5'),
        reason: rule?.reason,
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

  it('has the Head Teacher/Principal act for a school at the stages whose part of the policy says so (2–4)', () => {
    const headDeals = parts.map((part) =>
      part.text.says('If one of the agencies is a school The Head Teacher/Principal will deal with this stage'),
    );
    expect(headDeals).toEqual([false, true, true, true, false]);
    t.stages.forEach((stage, i) => {
      if (headDeals[i]) expect(stage.whoActs.school, stage.id).toBe('The Head Teacher/Principal');
    });
    expectKeeps(stageOf(t, 'stage-1').whoActs.school, partOf('stage-1'), ['manager/supervisor']);
    expectKeeps(stageOf(t, 'stage-2').whoActs['early-years'], partOf('stage-2'), [
      'named or designated safeguarding lead or service manager',
    ]);
  });

  it('has children’s social care’s officer at each stage as the policy names them: Head of Service, Assistant Director, Executive Director', () => {
    const named = parts.map(
      (part) =>
        /If one of the agencies is (?:Birmingham Children['’]s Trust|children['’]s social care), the (.+?) will deal with this stage/.exec(
          part.text.raw,
        )?.[1] ?? null,
    );
    expect(named).toEqual([null, 'Head of Service', 'Assistant Director', 'Executive Director for Children’s Services', null]);
    t.stages.forEach((stage, i) => {
      const officer = named[i];
      if (officer) expect(normalise(stage.whoActs['childrens-social-care']), stage.id).toContain(normalise(officer));
    });
    expectKeeps(stageOf(t, 'stage-1').whoActs['childrens-social-care'], partOf('stage-1'), ['manager/supervisor']);
    expectKeeps(stageOf(t, 'stage-5').whoActs['childrens-social-care'], partOf('stage-5'), [
      'Business Manager',
      'Birmingham Safeguarding Children Board',
    ]);
  });

  it('has the safeguarding lead act for a self-employed professional at stages 1–4, as the policy says', () => {
    expectKeeps(stageOf(t, 'stage-1').whoActs['self-employed'], partOf('stage-1'), ['the safeguarding lead for the relevant service']);
    for (const id of ['stage-2', 'stage-3', 'stage-4']) {
      expect(partOf(id).says('If one of the professionals is self-employed, the safeguarding lead will deal with this stage'), id).toBe(
        true,
      );
      expect(stageOf(t, id).whoActs['self-employed'], id).toContain('safeguarding lead');
    }
  });

  it('offers the written statement of the outcome at every stage, and records and shares at every stage, as the policy’s introduction says', () => {
    expect(preamble.says('At every stage of the process all conversations and decisions must be recorded in writing')).toBe(true);
    expect(formsByStage(t)).toEqual(Array.from({ length: 5 }, () => ['complete written-statement-of-outcome']));
    for (const stage of t.stages) {
      expectKeeps(stage.summary, preamble, [
        'the agencies involved must agree a written statement of the outcome, including any consequent action to be taken',
      ]);
      expectKeeps(stage.steps.at(-1)?.text, preamble, [
        'all conversations and decisions',
        'in writing',
        'with relevant personnel, including the professional who raised the initial concern',
      ]);
    }
  });

  it('takes each stage’s checklist from the policy’s sentences, put as steps', () => {
    // No step is the policy's sentence word for word ("will attempt" becomes "attempt" …): the words
    // that matter are checked one by one.
    expect(t.stages.map((s) => stepsSaidBy(s, partOf(s.id)))).toEqual([[], [], [], [], []]);
    expectKeeps(stepText('stage-1', 's1-1'), preamble, [
      'discuss the issues',
      'identify the areas of agreement and disagreement and specify the extent to which the area of disagreement is relevant to the issue of risk to the child',
    ]);
    expectKeeps(stepText('stage-1', 's1-2'), preamble, ['with reference to the Right Help Right Time threshold descriptors']);
    expectKeeps(stepText('stage-1', 's1-3'), partOf('stage-1'), [
      'manager/supervisor who will discuss the issues with the equivalent manager/supervisor in the other agency',
    ]);
    expectKeeps(stepText('stage-2', 's2-2'), partOf('stage-2'), ['The two managers', 'attempt to resolve the disagreement']);
    expectKeeps(stepText('stage-3', 's3-1'), partOf('stage-3'), ['second tier officer']);
    expectKeeps(stepText('stage-4', 's4-1'), partOf('stage-4'), ['Chief Officer']);
  });

  it('refers Stage Five to the Board’s Business Manager for a meeting chaired from an uninvolved agency', () => {
    const five = partOf('stage-5');
    expectKeeps(stepText('stage-5', 's5-1'), five, [
      'Business Manager',
      'Birmingham Safeguarding Children Board, who will notify the chair of the Board',
    ]);
    expectKeeps(stepText('stage-5', 's5-2'), five, [
      'a Board member from an uninvolved agency to chair a meeting of senior managers with operational responsibility for the case',
    ]);
    expectKeeps(stepText('stage-5', 's5-3'), five, ['a final opportunity to reach a decision']);
    expectKeeps(stepText('stage-5', 's5-4'), five, ['The chair of this meeting', 'back to the chair of the Safeguarding Children Board']);
  });

  it('uses no word the policy does not, but these', () => {
    const added: Record<string, string> = {
      goes: 'Stage Four’s summary: "it goes to each agency’s chief officer"',
      attend: 'Stage Five: "Attend the meeting", what the setting does there',
      worker: 'who acts for children’s social care at Stage One: the social worker’s manager/supervisor',
    };
    expect(wordsAdded()).toEqual(Object.keys(added).sort());
  });
});
