import { describe, expect, it } from 'vitest';
import { escalationCategories } from '../../../shared/procedures';
import { builtIn, formsByStage, stageOf, trackOf } from './helpers';

// CSCP (seed 004): five stages, the Escalation Notification Form completed at stage 3 and updated at
// 4 and 5, feedback to all parties where the policy says so, and no stage timescale.

const p = builtIn('cscp');
const t = trackOf(p, 'other');

describe('CSCP (seed 004)', () => {
  it('has one track of five stages, in order, with the policy’s titles', () => {
    expect(escalationCategories.every((c) => p.categoryTracks[c] === 'stages')).toBe(true);
    expect(t.stages.map((s) => [s.id, s.label, s.title])).toEqual([
      ['stage-1', 'Stage 1', 'Discussion between front line workers'],
      ['stage-2', 'Stage 2', 'Discussion between team or managers'],
      ['stage-3', 'Stage 3', 'Escalate to Service Managers or Named Safeguarding Leads'],
      ['stage-4', 'Stage 4', 'Escalate to Senior Managers or Designated Safeguarding Leads'],
      ['stage-5', 'Stage 5', 'Escalate to Safeguarding Partner Executive'],
    ]);
  });

  it('has the Escalation Notification Form completed at stage 3, updated at 4 and 5, not at 1–2', () => {
    expect(formsByStage(t)).toEqual([
      [],
      [],
      ['complete cscp-escalation-notification'],
      ['update cscp-escalation-notification'],
      ['update cscp-escalation-notification'],
    ]);
    expect(stageOf(t, 'stage-3').steps.map((s) => s.text)).toContain(
      'Whether resolved or not, the lead agency manager notifies the CSCP of identified policy/practice issues using the Escalation Notification Form.',
    );
  });

  it('gives feedback to all parties at stages 2 to 5, as the policy says, and not at stage 1', () => {
    expect(t.stages.map((s) => s.steps.some((step) => step.text === 'Feedback should be given to all parties.'))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('holds a reflective group consultation or case meeting at 3, reaches at least Head of Service at 4, and the Executive notifies the Independent Scrutineer at 5', () => {
    expect(stageOf(t, 'stage-3').steps[1]?.text).toBe(
      'Hold a multiagency reflective group consultation, or at minimum a case meeting, involving relevant staff to find an agreed resolution.',
    );
    expect(stageOf(t, 'stage-4').whoActs['childrens-social-care']).toBe(
      'Senior management in children’s social care (minimum Head of Service)',
    );
    expect(stageOf(t, 'stage-5').steps.map((s) => s.text)).toContain('The Executive notifies the CSCP Independent Scrutineer.');
    expect(stageOf(t, 'stage-5').whoActs.health).toBe('The CSCP Executive');
  });

  it('sets no stage target, and says so', () => {
    expect(t.stages.map((s) => s.target)).toEqual([null, null, null, null, null]);
    expect(p.source.note).toContain('no timescale for any stage');
    expect(p.timescaleOverrides).toEqual({});
  });
});
