import { describe, expect, it } from 'vitest';
import { escalationCategories, formsFor, nextStage, trackForMissed } from '../../../shared/procedures';
import { milestoneKeys } from '../../../shared/referrals/milestone-keys';
import { builtIn, schoolVsSocialCare, stageOf, trackOf } from './helpers';
import { expectKeeps, ruleInWords, stepsSaidBy, trackPolicy } from './policy-text';

// Berkshire West against the BWSCP procedure itself (tests/fixtures/policies/berkshire-west.txt):
// three escalation steps, 48 hours apart, for a missed strategy discussion only, the 48 hours counted
// from when it fell due; and the partnership's own strategy-meeting timescales.

const p = builtIn('berkshire-west');
const t = trackForMissedStrategyDiscussion();

function trackForMissedStrategyDiscussion() {
  const track = trackForMissed(p, 'strategy-discussion');
  if (!track) throw new Error('no track for a missed strategy discussion');
  return track;
}
const { text, parts, partOf, wordsAdded } = trackPolicy('berkshire-west', t, /^Step \d - /gm);

describe('Berkshire West', () => {
  it('has the policy’s three steps, in order, each titled with the step’s own words', () => {
    expect(t.stages.map((s) => s.label)).toEqual(parts.map((part) => part.heading[0].replace(' - ', '')));
    // Word for word, but for the mailbox's address, which is a local contact: the step names the mailbox.
    const address = 'BSO.TogetherForFamilies@brighterfuturesforchildren.org';
    for (const stage of t.stages)
      expect(
        partOf(stage.id).says(`${stage.label} - ${stage.title.replace('the BSO Together for Families mailbox', address)}`),
        stage.id,
      ).toBe(true);
    expect(t.stages.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(nextStage(t, 'step-1', schoolVsSocialCare)?.stage.id).toBe('step-2');
    expect(nextStage(t, 'step-3', schoolVsSocialCare)).toBeNull();
  });

  it('gives each step until the next is due: the 48 hours the next step’s part of the policy names, from the missed strategy discussion', () => {
    expect(t.stages.map((s) => s.target?.from ?? null)).toEqual(['timescale-missed', 'previous-target', null]);
    t.stages.forEach((stage, i) => {
      const next = parts[i + 1]?.text;
      if (!stage.target || !next) return;
      expect(stage.target.rule, stage.id).toEqual({ kind: 'hours', hours: 48 });
      expect(
        ruleInWords(stage.target.rule).some((words) => next.says(`after ${words}`)),
        stage.id,
      ).toBe(true);
      expect(next.says(stage.target.source), stage.id).toBe(true);
    });
    // "after 48 hours of no strategy discussion": counted from when the strategy discussion fell due.
    expect(partOf('step-2').says('after 48 hours of no strategy discussion')).toBe(true);
    expect(stageOf(t, 'step-1').summary).toContain('Take this step as soon as the timescale is missed.');
    expect(stageOf(t, 'step-1').summary).toContain('48 hours after it fell due');
  });

  it('asks at step 1 about the safety plan, and names who is contacted at each step, in the policy’s words', () => {
    expect(t.stages.map((s) => stepsSaidBy(s, partOf(s.id)))).toEqual([[], ['s2-1'], ['s3-1']]);
    const one = partOf('step-1');
    for (const step of stageOf(t, 'step-1').steps.slice(0, 3)) expectKeeps(step.text, one, ['to state escalation']);
    expectKeeps(stageOf(t, 'step-1').steps[0]?.text, one, ['the named social worker']);
    expectKeeps(stageOf(t, 'step-1').steps[1]?.text, one, ['team manager']);
    // The mailbox is a local contact, kept once in the procedure's contacts, not written into the step.
    expect(stageOf(t, 'step-1').contacts).toEqual(['bso-together-for-families']);
    expect(p.contacts.find((c) => c.id === 'bso-together-for-families')?.email).toBe(
      'BSO.TogetherForFamilies@brighterfuturesforchildren.org',
    );
    expect(one.says(p.contacts[0]?.email ?? '')).toBe(true);
    expect(JSON.stringify(p.tracks)).not.toContain('@');
    expectKeeps(stageOf(t, 'step-1').steps[3]?.text, one, [
      'If a strategy meeting has not taken place within one working day, there should be a safety plan in place',
      'what the safety plan entails',
    ]);
    expectKeeps(stageOf(t, 'step-1').whoActs['childrens-social-care'], one, ['named social worker', 'team manager']);
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
      fell: 'step 1 "48 hours after it fell due"',
      together: 'the mailbox, by its name: "the BSO Together for Families mailbox" (its address is a local contact)',
      families: 'likewise',
      mailbox: 'likewise',
      details: '"see the contact details below"',
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

  it('uses its steps only for a missed strategy discussion; everything else follows its general procedure, which it says is not here', () => {
    expect(text.says('If you are aware of these timescales of strategy meetings not being adhered to, please escalate')).toBe(true);
    expect(milestoneKeys.map((key) => [key, trackForMissed(p, key)?.id])).toEqual(
      milestoneKeys.map((key) => [key, key === 'strategy-discussion' ? 'missed-strategy-discussion' : 'professional-disagreement']),
    );
    expect(escalationCategories.every((c) => p.categoryTracks[c] === 'professional-disagreement')).toBe(true);
    const general = trackOf(p, 'information-sharing');
    expect(general.stages).toHaveLength(1);
    expect(general.stages[0]?.summary).toContain('which is not included here');
    expect(JSON.stringify(general)).not.toContain('named social worker');
    expect(p.source.note).toContain('general escalation procedure for professional disagreements is not in the document');
  });

  it('sets the strategy-meeting timescales as its own, each in the policy’s words', () => {
    const local = p.localTimescales;
    const own = [
      local['strategy-discussion'].standard,
      local['strategy-discussion']['immediate-risk'],
      local['strategy-discussion']['penetrative-sexual-abuse'],
      local['strategy-discussion'].complex,
      local['strategy-minutes'],
    ];
    for (const timescale of own) {
      if (!timescale) throw new Error('missing');
      // A quote that leaves words out marks the gap with an ellipsis: each piece is the policy's.
      for (const piece of timescale.source.split('…')) expect(text.says(piece), timescale.source).toBe(true);
      expect(
        ruleInWords(timescale.rule).some((words) => text.says(`${words}`) && timescale.source.toLowerCase().includes(words)),
        timescale.source,
      ).toBe(true);
    }
    // No written follow-up: the policy gives none.
    expect(local['written-follow-up']).toBeNull();
  });
});
