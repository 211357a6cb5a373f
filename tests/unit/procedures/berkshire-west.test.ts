import { describe, expect, it } from 'vitest';
import { timescaleRule, timescales } from '../../../shared/deadlines';
import { escalationCategories, formsFor, nextStage } from '../../../shared/procedures';
import { builtIn, schoolVsSocialCare, stageOf, trackOf } from './helpers';
import { expectKeeps, ruleInWords, stepsSaidBy, trackPolicy } from './policy-text';

// Berkshire West (seed 000) against the BWSCP procedure itself (tests/fixtures/policies/
// berkshire-west.txt): three escalation steps, 48 hours apart, when strategy-meeting timescales are
// missed; and the statutory timescales the referral milestones take from it.

const p = builtIn('berkshire-west');
const t = trackOf(p, 'statutory-timescale-missed');
const { text, parts, partOf, wordsAdded } = trackPolicy('berkshire-west', t, /^Step \d - /gm);

describe('Berkshire West (seed 000)', () => {
  it('has the policy’s three steps, in order, each titled with the step’s own words', () => {
    expect(t.stages.map((s) => s.label)).toEqual(parts.map((part) => part.heading[0].replace(' - ', '')));
    for (const stage of t.stages) expect(partOf(stage.id).says(`${stage.label} - ${stage.title}`), stage.id).toBe(true);
    expect(t.stages.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(nextStage(t, 'step-1', schoolVsSocialCare)?.stage.id).toBe('step-2');
    expect(nextStage(t, 'step-3', schoolVsSocialCare)).toBeNull();
  });

  it('gives each step until the next is due: the 48 hours the next step’s part of the policy names', () => {
    expect(t.stages.map((s) => s.target?.timescale ?? null)).toEqual(['bw-escalation-step-2', 'bw-escalation-step-3', null]);
    t.stages.forEach((stage, i) => {
      const next = parts[i + 1]?.text;
      if (!stage.target || !next) return;
      const rule = timescaleRule(stage.target.timescale, p.timescaleOverrides);
      expect(rule, stage.id).toEqual({ kind: 'hours', hours: 48 });
      expect(
        ruleInWords(rule).some((words) => next.says(`after ${words}`)),
        stage.id,
      ).toBe(true);
      expect(text.says(timescales[stage.target.timescale].source.quote), stage.id).toBe(true);
    });
    expectKeeps(stageOf(t, 'step-1').summary, partOf('step-2'), ['after 48 hours']);
    expect(stageOf(t, 'step-1').summary).toContain('Take this step as soon as the timescale is missed.');
  });

  it('asks at step 1 about the safety plan, and names who is contacted at each step, in the policy’s words', () => {
    expect(t.stages.map((s) => stepsSaidBy(s, partOf(s.id)))).toEqual([[], ['s2-1'], ['s3-1']]);
    const one = partOf('step-1');
    for (const step of stageOf(t, 'step-1').steps.slice(0, 3)) expectKeeps(step.text, one, ['to state escalation']);
    expectKeeps(stageOf(t, 'step-1').steps[0]?.text, one, ['the named social worker']);
    expectKeeps(stageOf(t, 'step-1').steps[1]?.text, one, ['team manager']);
    expectKeeps(stageOf(t, 'step-1').steps[2]?.text, one, ['BSO.TogetherForFamilies@brighterfuturesforchildren.org']);
    expectKeeps(stageOf(t, 'step-1').steps[3]?.text, one, [
      'If a strategy meeting has not taken place within one working day, there should be a safety plan in place',
      'what the safety plan entails',
    ]);
    expectKeeps(stageOf(t, 'step-1').whoActs['childrens-social-care'], one, [
      'named social worker',
      'team manager',
      'BSO.TogetherForFamilies@brighterfuturesforchildren.org',
    ]);
    expectKeeps(stageOf(t, 'step-2').whoActs['childrens-social-care'], partOf('step-2'), ['the service manager/head of service']);
    expectKeeps(stageOf(t, 'step-3').whoActs['childrens-social-care'], partOf('step-3'), [
      'the director for children’s social care',
      'executive director of children’s services',
    ]);
    expectKeeps(stageOf(t, 'step-3').steps[0]?.text, partOf('step-3'), ['Contact the director for children’s social care']);
    expectKeeps(stageOf(t, 'step-3').steps[1]?.text, partOf('step-3'), ['executive director of children’s services']);
    expect(formsFor(stageOf(t, 'step-1')).map((f) => f.form)).toEqual(['written-concern']);
  });

  it('uses no word the policy does not, but these', () => {
    const added: Record<string, string> = {
      designated: 'who acts for the setting: the Designated Safeguarding Lead (the policy says "schools and EY providers")',
      safeguarding: 'likewise',
      lead: 'likewise',
      soon: 'step 1 "as soon as the timescale is missed": the policy escalates when timescales are "not being adhered to"',
      missed: 'likewise',
      still: 'step 1: "if there is still no strategy discussion after 48 hours, Step 2 is due"',
      due: 'likewise, and for Step 3',
      ask: 'step 1 "ask what the safety plan entails": schools "need to know what the safety plan entails"',
    };
    expect(wordsAdded()).toEqual(Object.keys(added).sort());
  });

  it('sends every other category to the same three steps, and says why', () => {
    expect(p.tracks).toHaveLength(1);
    expect(escalationCategories.every((c) => p.categoryTracks[c] === 'missed-timescales')).toBe(true);
    expect(p.source.note).toContain('general escalation procedure for professional disagreements is not in the seed');
  });

  it('is the source of the strategy-meeting timescales, each in the policy’s words', () => {
    const fromThisPolicy = Object.values(timescales).filter((timescale) => timescale.source.document.includes('(seed 000)'));
    expect(fromThisPolicy.map((timescale) => timescale.id).sort()).toEqual(
      [
        'bw-escalation-step-2',
        'bw-escalation-step-3',
        'icpc',
        'single-assessment',
        'strategy-discussion-complex',
        'strategy-discussion-immediate-risk',
        'strategy-discussion-penetrative-sexual-abuse',
        'strategy-discussion-standard',
        'strategy-minutes',
      ].sort(),
    );
    for (const timescale of fromThisPolicy) {
      // A quote that leaves words out marks the gap with an ellipsis: each piece is the policy's.
      for (const piece of timescale.source.quote.split('…')) expect(text.says(piece), timescale.id).toBe(true);
      expect(
        ruleInWords(timescale.rule).some((words) => text.says(`${words}`) && timescale.source.quote.toLowerCase().includes(words)),
        timescale.id,
      ).toBe(true);
    }
  });
});
