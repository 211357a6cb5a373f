import { describe, expect, it } from 'vitest';
import { escalationCategories, formTitles, nextStage } from '../../../shared/procedures';
import { builtIn, formsByStage, schoolVsSocialCare, stageOf, trackOf } from './helpers';
import { expectKeeps, ruleInWords, stepsSaidBy, trackPolicy } from './policy-text';

// Bromley against Ready Steady Grow Pre-School's escalation policy itself
// (tests/fixtures/policies/bromley.txt): four stages of resolution, one working week at stage 1 (where
// the policy puts it, and nowhere else), the lead manager at stage 3 and the Resolution Panel at stage 4.

const p = builtIn('bromley');
const t = trackOf(p, 'threshold-disagreement');
const { text, parts, partOf, stepText, wordsAdded } = trackPolicy('bromley', t, /^Stage \d: .*$/gm, /^Recording, Monitoring & Learning/m);

describe('Bromley', () => {
  it('has one track of the policy’s four stages, in order, under its headings', () => {
    expect(text.says('Here is a four-stage escalation process')).toBe(true);
    expect(p.tracks).toHaveLength(1);
    expect(escalationCategories.every((c) => p.categoryTracks[c] === 'stages')).toBe(true);
    expect(t.stages.map((s) => `${s.label}: ${s.title}`)).toEqual(parts.map((part) => part.heading[0].trim()));
    expect(t.stages.map((s) => s.id)).toEqual(['stage-1', 'stage-2', 'stage-3', 'stage-4']);
    expect(nextStage(t, 'stage-1', { ourAgency: 'early-years', otherAgency: 'school' })?.stage.id).toBe('stage-2');
    expect(nextStage(t, 'stage-4', schoolVsSocialCare)).toBeNull();
  });

  it('aims to resolve stage 1 within one working week, where the policy says it, and gives no other stage a target', () => {
    const target = stageOf(t, 'stage-1').target;
    expect(target).toEqual({
      rule: { kind: 'working-weeks', weeks: 1 },
      from: 'stage-start',
      source: 'They should aim to resolve within 1 working week or a shorter timescale if the child is at risk.',
    });
    expect(partOf('stage-1').says(target?.source ?? '')).toBe(true);
    expect(
      ruleInWords(target?.rule ?? { kind: 'same-day' }).some((words) => partOf('stage-1').says(`aim to resolve within ${words}`)),
    ).toBe(true);
    expect(t.stages.map((s) => s.target?.rule ?? null)).toEqual([{ kind: 'working-weeks', weeks: 1 }, null, null, null]);
    // The week is in no other stage's part of the policy.
    for (const id of ['stage-2', 'stage-3', 'stage-4']) expect(/\bweek\b/i.test(partOf(id).raw), id).toBe(false);
    expect(p.source.note).toContain('one working week is Stage 1’s');
  });

  it('takes each stage’s checklist from its part of the policy, word for word where it can', () => {
    expect(t.stages.map((s) => stepsSaidBy(s, partOf(s.id)))).toEqual([
      ['s1-1', 's1-2', 's1-5', 's1-6'],
      ['s2-2', 's2-3', 's2-5'],
      ['s3-1'],
      [],
    ]);
  });

  it('asks at stage 1 for the concern, why it is unsafe and the outcome sought, recorded on the child’s record', () => {
    const one = partOf('stage-1');
    expectKeeps(stepText('stage-1', 's1-1'), one, [
      'initiate a discussion (by phone, in person, or virtual) with the other professional as soon as possible',
    ]);
    expectKeeps(stepText('stage-1', 's1-2'), one, ['clearly explain: what the concern is']);
    expectKeeps(stepText('stage-1', 's1-3'), one, ['believe the decision/practice is unsafe or inappropriate']);
    expectKeeps(stepText('stage-1', 's1-4'), one, ['what outcome']);
    expectKeeps(stepText('stage-1', 's1-5'), one, ['within 1 working week or a shorter timescale if the child is at risk']);
    expectKeeps(stepText('stage-1', 's1-6'), one, [
      'Document the discussion, decisions made, and agreed next steps',
      'on the child’s record',
    ]);
  });

  it('records and informs the original referrer at stage 2', () => {
    const two = partOf('stage-2');
    expectKeeps(stepText('stage-2', 's2-1'), two, ['The DSL or manager', 'their counterpart in the other agency']);
    expectKeeps(stepText('stage-2', 's2-4'), two, [
      'Record the conversation, decisions, and the agreed course of action',
      'on the child’s file',
    ]);
    expectKeeps(stepText('stage-2', 's2-5'), two, ['inform the original referrer']);
  });

  it('identifies a lead manager at stage 3 and offers a Resolution Panel of at least three agencies at stage 4', () => {
    const three = partOf('stage-3');
    expectKeeps(stepText('stage-3', 's3-2'), three, [
      'Senior managers from the involved agencies',
      'convene (meeting or conference), review the disagreement, and agree a way forward',
    ]);
    expectKeeps(stepText('stage-3', 's3-3'), three, ['"lead manager"', 'to implement and monitor']);
    expectKeeps(stepText('stage-3', 's3-4'), three, ['all relevant parties, including the practitioner who raised the concern']);
    const four = partOf('stage-4');
    expectKeeps(stepText('stage-4', 's4-1'), four, ['the BSCP business manager / partnership office']);
    expectKeeps(stepText('stage-4', 's4-2'), four, [
      'Resolution Panel',
      'chaired by an independent or senior partner',
      'senior representatives from at least three different agencies',
      'hear representations, examine evidence',
      'direct liaison with agency leadership',
    ]);
    expectKeeps(stepText('stage-4', 's4-3'), four, ['process and outcome', 'a summary report', 'on the child’s record']);
    expectKeeps(stepText('stage-4', 's4-4'), four, ['systemic / learning']);
  });

  it('has who acts in the policy’s words', () => {
    expectKeeps(stageOf(t, 'stage-1').whoActs['early-years'], partOf('stage-1'), ['The staff member (or DSL) raising the concern']);
    expectKeeps(stageOf(t, 'stage-2').whoActs['early-years'], partOf('stage-2'), ['The DSL or manager']);
    expectKeeps(stageOf(t, 'stage-2').whoActs['childrens-social-care'], partOf('stage-2'), ['counterpart']);
    expectKeeps(stageOf(t, 'stage-3').whoActs['childrens-social-care'], partOf('stage-3'), ['Head of Service', 'Director']);
    expectKeeps(stageOf(t, 'stage-3').whoActs.health, partOf('stage-3'), [
      'Head of Service, Director, or equivalent senior safeguarding lead',
    ]);
    expectKeeps(stageOf(t, 'stage-4').whoActs['childrens-social-care'], partOf('stage-4'), ['BSCP business manager / partnership office']);
    expect(text.says('escalate to BSCP if needed')).toBe(true);
    expect(stageOf(t, 'stage-4').whoActs['early-years']).toContain('DSL');
  });

  it('uses no word the policy does not, but these', () => {
    const added: Record<string, string> = {
      allocated: 'the allocated social worker: who "the other professional" is in children’s social care',
      worker: 'likewise',
      starts: 'the stage 1 summary "starts a discussion" for the policy’s "initiate a discussion"',
      say: '"Say what outcome you seek", a step of its own from "explain … what outcome they seek"',
      sooner: '"or sooner if the child is at risk" for the policy’s "or a shorter timescale"',
      take: '"take part as the BSCP decides": what the setting does at stage 4',
      decides: 'likewise: the BSCP chooses a panel or direct liaison',
      note: '"note whether the BSCP will consider a systemic / learning review"',
    };
    expect(wordsAdded()).toEqual(Object.keys(added).sort());
  });

  it('calls for no form, as the policy names none, and sets no referral timescale, as the policy gives none', () => {
    for (const title of Object.values(formTitles)) expect(text.says(title), title).toBe(false);
    expect(formsByStage(t)).toEqual([[], [], [], []]);
    // The 48 hours once credited to the London procedures is in none of the five policies: gone.
    expect(p.localTimescales['written-follow-up']).toBeNull();
    expect(ruleInWords({ kind: 'hours', hours: 48 }).some((words) => text.says(words))).toBe(false);
    expect(Object.values(p.localTimescales['strategy-discussion'])).toEqual([null, null, null, null]);
    expect(p.localTimescales['strategy-minutes']).toBeNull();
    expect(p.source.note).toContain('The policy sets no time for the written follow-up of a phone referral');
  });
});
