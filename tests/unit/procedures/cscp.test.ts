import { describe, expect, it } from 'vitest';
import { escalationCategories } from '../../../shared/procedures';
import { builtIn, formsByStage, stageOf, trackOf } from './helpers';
import { expectKeeps, stepsSaidBy, trackPolicy } from './policy-text';

// CSCP  against the partnership's stages of escalation themselves
// (tests/fixtures/policies/cscp.txt): five stages, the Escalation Notification Form from stage 3,
// feedback to all parties where the policy says so, and no stage timescale.

const p = builtIn('cscp');
const t = trackOf(p, 'other');
// Each stage starts with its number alone on a line, then its title.
const { text, parts, partOf, stepText, wordsAdded } = trackPolicy('cscp', t, /^\d$/gm);

describe('CSCP', () => {
  it('has one track of the policy’s five stages, in order, with its titles', () => {
    expect(text.says('STAGES OF ESCALATION')).toBe(true);
    expect(escalationCategories.every((c) => p.categoryTracks[c] === 'stages')).toBe(true);
    const headings = parts.map((part) => {
      const [number, title] = part.text.raw.split('\n').filter((line) => line.trim() !== '');
      return [`Stage ${number}`, title];
    });
    expect(t.stages.map((s) => [s.label, s.title])).toEqual(headings);
    expect(t.stages.map((s) => s.id)).toEqual(['stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5']);
  });

  it('has the Escalation Notification Form where the policy names it: completed at stage 3, updated after', () => {
    const fromPolicy = parts.map((part) =>
      part.text.says('Escalation Notification Form')
        ? [`${part.text.says('update the Escalation Notification Form') ? 'update' : 'complete'} cscp-escalation-notification`]
        : [],
    );
    expect(formsByStage(t)).toEqual(fromPolicy);
    expect(fromPolicy.map((forms) => forms.length)).toEqual([0, 0, 1, 1, 1]);
    expectKeeps(stepText('stage-3', 's3-3'), partOf('stage-3'), [
      'Whether resolved or not',
      'lead agency manager',
      'the CSCP of identified policy/practice issues',
      'Escalation Notification Form',
    ]);
    expectKeeps(stepText('stage-4', 's4-3'), partOf('stage-4'), ['Escalation Notification Form of remaining issues or outcome']);
    expectKeeps(stepText('stage-5', 's5-4'), partOf('stage-5'), ['The lead agency', 'the Escalation Notification Form']);
  });

  it('gives feedback to all parties at the stages whose part of the policy says so', () => {
    const feedback = 'Feedback should be given to all parties.';
    expect(t.stages.map((s) => s.steps.some((step) => step.text === feedback))).toEqual(parts.map((part) => part.text.says(feedback)));
    expect(parts.map((part) => part.text.says(feedback))).toEqual([false, true, true, true, true]);
  });

  it('takes each stage’s checklist from its part of the policy, word for word where it can', () => {
    expect(t.stages.map((s) => stepsSaidBy(s, partOf(s.id)))).toEqual([
      ['s1-1'],
      ['s2-2', 's2-3'],
      ['s3-1', 's3-4'],
      ['s4-1', 's4-2', 's4-4'],
      ['s5-1', 's5-5'],
    ]);
    expectKeeps(stepText('stage-1', 's1-2'), partOf('stage-1'), [
      'misunderstanding of agency policy or lack of communication',
      'quickly and informally',
    ]);
    expectKeeps(stepText('stage-2', 's2-1'), partOf('stage-2'), [
      'agency team/operational manager',
      'concerns and evidence',
      'what outcome they would like to achieve',
    ]);
    expectKeeps(stepText('stage-2', 's2-2'), partOf('stage-2'), [
      'negotiate a resolution',
      'The aim should be to reach agreed action for the child',
    ]);
  });

  it('holds a reflective group consultation or case meeting at 3, reaches at least Head of Service at 4, and the Executive notifies the Independent Scrutineer at 5', () => {
    expectKeeps(stepText('stage-3', 's3-2'), partOf('stage-3'), [
      'multiagency reflective group consultation',
      'at minimum a case meeting',
      'involving relevant staff to find an agreed resolution',
    ]);
    expect(partOf('stage-4').says('(minimum HoS)')).toBe(true);
    expectKeeps(stageOf(t, 'stage-4').whoActs['childrens-social-care'], partOf('stage-4'), ['Senior management']);
    expect(stageOf(t, 'stage-4').whoActs['childrens-social-care']).toContain('(minimum Head of Service)');
    expectKeeps(stepText('stage-4', 's4-1'), partOf('stage-4'), [
      'the relevant senior management (minimum HoS) or Designated Safeguarding Lead for review and discussion',
    ]);
    expectKeeps(stepText('stage-5', 's5-1'), partOf('stage-5'), ['Escalate to the CSCP Executive who will determine a way forward']);
    expectKeeps(stepText('stage-5', 's5-3'), partOf('stage-5'), ['The Executive', 'the CSCP Independent Scrutineer']);
    expectKeeps(stageOf(t, 'stage-5').whoActs.health, partOf('stage-5'), ['the CSCP Executive']);
  });

  it('uses no word the policy does not, but these', () => {
    const added: Record<string, string> = {
      children: 'who acts for children’s social care is named as such (the social worker, the social work manager)',
      social: 'likewise',
      care: 'likewise',
      work: 'likewise',
      head: '"minimum Head of Service" for the policy’s "(minimum HoS)"',
      check: 'stage 1 "check whether the difference is based on misunderstanding …"',
      hold: 'stage 3 "hold a multiagency reflective group consultation" for "should be held"',
      make: 'stage 5 "make sure the outcomes for the child are clear" for "should be clear"',
      sure: 'likewise',
    };
    expect(wordsAdded()).toEqual(Object.keys(added).sort());
  });

  it('sets no stage target, as the policy gives no timescale, and says so', () => {
    expect(/\b(days?|weeks?|hours?|months?)\b/i.test(text.raw)).toBe(false);
    expect(t.stages.map((s) => s.target)).toEqual([null, null, null, null, null]);
    expect(p.source.note).toContain('no timescale for any stage');
    expect(p.localTimescales['written-follow-up']).toBeNull();
    expect(Object.values(p.localTimescales['strategy-discussion'])).toEqual([null, null, null, null]);
    expect(p.localTimescales['strategy-minutes']).toBeNull();
  });
});
