import { describe, expect, it } from 'vitest';
import { timescales } from '../../../shared/deadlines';
import { escalationCategories, formsFor, nextStage } from '../../../shared/procedures';
import { builtIn, schoolVsSocialCare, stageOf, trackOf } from './helpers';

// Berkshire West (seed 000): three escalation steps, 48 hours apart, when strategy-meeting
// timescales are missed.

const p = builtIn('berkshire-west');
const t = trackOf(p, 'statutory-timescale-missed');

describe('Berkshire West (seed 000)', () => {
  it('has three steps, in order, with the policy’s words', () => {
    expect(t.stages.map((s) => [s.id, s.label, s.title])).toEqual([
      [
        'step-1',
        'Step 1',
        'Contact the named social worker, team manager and BSO.TogetherForFamilies@brighterfuturesforchildren.org to state escalation',
      ],
      ['step-2', 'Step 2', 'Email the service manager/head of service to state escalation'],
      ['step-3', 'Step 3', 'Contact the director for children’s social care and executive director of children’s services'],
    ]);
    expect(nextStage(t, 'step-1', schoolVsSocialCare)?.stage.id).toBe('step-2');
    expect(nextStage(t, 'step-3', schoolVsSocialCare)).toBeNull();
  });

  it('gives step 1 forty-eight hours before step 2 falls due, and step 2 forty-eight more before step 3', () => {
    expect(t.stages.map((s) => s.target?.timescale ?? null)).toEqual(['bw-escalation-step-2', 'bw-escalation-step-3', null]);
    expect(timescales['bw-escalation-step-2'].rule).toEqual({ kind: 'hours', hours: 48 });
    expect(timescales['bw-escalation-step-3'].rule).toEqual({ kind: 'hours', hours: 48 });
    expect(stageOf(t, 'step-1').summary).toContain('Take this step as soon as the timescale is missed.');
  });

  it('asks at step 1 about the safety plan, and names who is contacted at each step', () => {
    expect(stageOf(t, 'step-1').steps.map((s) => s.text)).toEqual([
      'Contact the named social worker to state escalation.',
      'Contact the team manager to state escalation.',
      'Contact BSO.TogetherForFamilies@brighterfuturesforchildren.org to state escalation.',
      'Ask what the safety plan entails: if a strategy meeting has not taken place within one working day, there should be a safety plan in place.',
    ]);
    expect(t.stages.map((s) => s.whoActs['childrens-social-care'])).toEqual([
      'The named social worker, their team manager, and BSO.TogetherForFamilies@brighterfuturesforchildren.org',
      'The service manager/head of service',
      'The director for children’s social care and the executive director of children’s services',
    ]);
    expect(formsFor(stageOf(t, 'step-1')).map((f) => f.form)).toEqual(['written-concern']);
  });

  it('sends every other category to the same three steps, and says why', () => {
    expect(p.tracks).toHaveLength(1);
    expect(escalationCategories.every((c) => p.categoryTracks[c] === 'missed-timescales')).toBe(true);
    expect(p.source.note).toContain('general escalation procedure for professional disagreements is not in the seed');
  });
});
