import { describe, expect, it } from 'vitest';
import { timescaleIds, timescales } from '../../../shared/deadlines';
import {
  builtInProcedures,
  copyProcedure,
  escalationCategories,
  formsFor,
  getBuiltInProcedure,
  nextStage,
  procedureSchema,
  trackFor,
  whoToContact,
  type AgencyKind,
  type Track,
} from '../../../shared/procedures';
import { builtIn, schoolVsSocialCare, stageOf, trackOf } from './helpers';

// What holds for every procedure: the schema, the category map, the timescale ids, the routing
// functions, and copying.

const agencyKinds: AgencyKind[] = ['school', 'early-years', 'childrens-social-care', 'health', 'police', 'self-employed', 'other'];

describe('the built-ins', () => {
  it('are the five seeds, in order', () => {
    expect(builtInProcedures.map((p) => [p.id, p.source.seed, p.builtIn, p.version])).toEqual([
      ['liverpool', '001', true, 1],
      ['bromley', '002', true, 1],
      ['birmingham', '003', true, 1],
      ['cscp', '004', true, 1],
      ['berkshire-west', '000', true, 1],
    ]);
    expect(getBuiltInProcedure('nowhere')).toBeNull();
  });

  it.each(builtInProcedures.map((p) => [p.id, p] as const))('%s parses with the procedure schema, unchanged', (_id, p) => {
    const parsed = procedureSchema.safeParse(p);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(p);
  });

  it.each(builtInProcedures.map((p) => [p.id, p] as const))('%s maps every category to one of its tracks', (_id, p) => {
    const trackIds = p.tracks.map((t) => t.id);
    expect(Object.keys(p.categoryTracks).sort()).toEqual([...escalationCategories].sort());
    for (const category of escalationCategories) {
      expect(trackIds, `${p.id} ${category}`).toContain(p.categoryTracks[category]);
      expect(trackFor(p, category)?.id).toBe(p.categoryTracks[category]);
    }
  });

  it.each(builtInProcedures.map((p) => [p.id, p] as const))(
    '%s names only catalogue timescales, and answers who acts for every kind',
    (_id, p) => {
      for (const t of p.tracks) {
        for (const stage of t.stages) {
          if (stage.target) expect(Object.keys(timescales), `${p.id} ${stage.id}`).toContain(stage.target.timescale);
          for (const kind of agencyKinds)
            expect(whoToContact(stage, kind).length, `${p.id} ${t.id} ${stage.id} ${kind}`).toBeGreaterThan(10);
          expect(stage.steps.length, `${p.id} ${t.id} ${stage.id}`).toBeGreaterThan(0);
        }
      }
      for (const id of Object.keys(p.timescaleOverrides)) expect(Object.keys(timescales)).toContain(id);
    },
  );

  it.each(builtInProcedures.map((p) => [p.id, p] as const))('%s: nextStage is null at the last stage of every track', (_id, p) => {
    for (const t of p.tracks) {
      const last = t.stages.at(-1);
      if (!last) throw new Error('empty track');
      for (const ourAgency of ['school', 'early-years'] as const) {
        for (const otherAgency of agencyKinds) expect(nextStage(t, last.id, { ourAgency, otherAgency })).toBeNull();
      }
    }
  });

  it('are frozen: a caller cannot change a built-in in place', () => {
    const stage = stageOf(trackOf(builtIn('bromley'), 'other'), 'stage-1');
    expect(() => {
      stage.title = 'Changed';
    }).toThrow(TypeError);
    expect(() => stage.steps.push({ id: 'x', text: 'x' })).toThrow(TypeError);
    expect(stage.title).toBe('Front-line Professional to Professional');
  });
});

describe('the timescale ids', () => {
  it('are exactly the catalogue’s', () => {
    expect([...timescaleIds].sort()).toEqual(Object.keys(timescales).sort());
  });
});

describe('nextStage', () => {
  const t = trackOf(builtIn('bromley'), 'other');

  it('goes to the next stage in order with no reason when no rule applies', () => {
    expect(nextStage(t, 'stage-1', schoolVsSocialCare)).toEqual({ stage: stageOf(t, 'stage-2'), reason: null });
    expect(nextStage(t, 'stage-3', schoolVsSocialCare)?.stage.id).toBe('stage-4');
  });

  it('refuses a stage that is not in the track rather than call it the last', () => {
    expect(() => nextStage(t, 'stage-9', schoolVsSocialCare)).toThrow('Stage stage-9 is not in track stages.');
  });

  const ladder: Track = {
    id: 't',
    title: 'Test ladder',
    stages: ['a', 'b', 'c', 'd'].map((id) => ({ ...stageOf(t, 'stage-1'), id, label: id })),
    routing: [
      { id: 'health-side', from: 'a', to: 'c', when: { otherAgency: ['health'] }, reason: 'Health goes to c.' },
      { id: 'first-wins', from: 'a', to: 'd', when: { ourAgency: ['early-years'], otherAgency: ['health'] }, reason: 'Never reached.' },
    ],
  };

  it('treats the pair of parties as unordered, a side left out as any kind, and lets the first matching rule win', () => {
    expect(nextStage(ladder, 'a', { ourAgency: 'school', otherAgency: 'health' })).toMatchObject({
      stage: { id: 'c' },
      reason: 'Health goes to c.',
    });
    expect(nextStage(ladder, 'a', { ourAgency: 'health', otherAgency: 'police' })).toMatchObject({
      stage: { id: 'c' },
      reason: 'Health goes to c.',
    });
    expect(nextStage(ladder, 'a', { ourAgency: 'early-years', otherAgency: 'health' })?.stage.id).toBe('c');
    expect(nextStage(ladder, 'a', { ourAgency: 'school', otherAgency: 'police' })).toMatchObject({ stage: { id: 'b' }, reason: null });
    expect(nextStage(ladder, 'b', { ourAgency: 'school', otherAgency: 'health' })?.stage.id).toBe('c');
  });
});

describe('trackFor, whoToContact and formsFor', () => {
  it('answers null for a category the procedure does not know', () => {
    expect(trackFor(builtIn('cscp'), 'not-a-category')).toBeNull();
  });

  it('gives the stage’s forms with their titles', () => {
    const cscpStage3 = stageOf(trackOf(builtIn('cscp'), 'other'), 'stage-3');
    expect(formsFor(cscpStage3)).toEqual([
      { form: 'cscp-escalation-notification', action: 'complete', title: 'Escalation Notification Form' },
    ]);
    const lscbStage4 = stageOf(trackOf(builtIn('liverpool'), 'other'), 'stage-4');
    expect(formsFor(lscbStage4)).toEqual([
      { form: 'liverpool-report-to-lscb', action: 'update', title: 'Report to LSCB: Multi-Agency Resolution Levels 3 and 4' },
    ]);
    expect(formsFor(stageOf(trackOf(builtIn('cscp'), 'other'), 'stage-1'))).toEqual([]);
  });
});

describe('copyProcedure', () => {
  it('gives an independent deep copy, not built in, version 1, that parses', () => {
    const source = builtIn('birmingham');
    const copy = copyProcedure(source, 'copy-1', 'Our Birmingham procedure');
    expect(copy).toMatchObject({ id: 'copy-1', name: 'Our Birmingham procedure', builtIn: false, version: 1, source: source.source });
    expect(procedureSchema.safeParse(copy).success).toBe(true);
    expect({ ...copy, id: source.id, name: source.name, builtIn: true }).toEqual(source);

    // Every nested object and array is new, so editing the copy anywhere leaves the built-in alone.
    const copyTrack = copy.tracks[0];
    const copyStage = copyTrack?.stages[0];
    const copyRule = copyTrack?.routing[0];
    if (!copyTrack || !copyStage || !copyRule) throw new Error('no track, stage or rule');
    copyStage.title = 'Talk to the other professional';
    copyStage.steps.push({ id: 'extra', text: 'An extra step.' });
    copyStage.whoActs.school = 'The DSL';
    copyRule.when.otherAgency?.push('health');
    copy.categoryTracks.other = 'elsewhere';
    copy.source.note = 'Edited';
    const sourceStage = stageOf(trackOf(source, 'other'), 'stage-1');
    expect(sourceStage.title).toBe('Escalation to individual line manager');
    expect(sourceStage.steps.map((s) => s.id)).toEqual(['s1-1', 's1-2', 's1-3', 's1-4']);
    expect(sourceStage.whoActs.school).toBe('Your line manager/supervisor');
    expect(source.tracks[0]?.routing[0]?.when.otherAgency).toEqual(['school', 'self-employed']);
    expect(source.categoryTracks.other).toBe('stages');
    expect(source.source.note).toContain('written statement of the outcome');
  });

  it('refuses an empty name rather than copy', () => {
    expect(() => copyProcedure(builtIn('cscp'), 'copy-2', '  ')).toThrow();
  });
});

describe('the schema refuses an edited copy that', () => {
  const base = copyProcedure(builtIn('birmingham'), 'copy-3', 'Edited');
  const baseTrack = base.tracks[0];
  if (!baseTrack) throw new Error('no track');
  // Edits are typed loosely on purpose: the point is what the schema does with a bad edit.
  const withTrack = (track: Record<string, unknown>): unknown => ({ ...base, tracks: [{ ...baseTrack, ...track }] });
  const firstStage = baseTrack.stages[0];
  if (!firstStage) throw new Error('no stage');
  const withFirstStage = (stage: Record<string, unknown>): unknown =>
    withTrack({ stages: [{ ...firstStage, ...stage }, ...baseTrack.stages.slice(1)] });
  const rule = { id: 'r', from: 'stage-2', to: 'stage-4', when: { ourAgency: ['school' as const] }, reason: 'Because.' };

  function issues(value: unknown): string[] {
    return procedureSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
  }

  it('sends a category to a track it does not have, or leaves a category out', () => {
    expect(issues({ ...base, categoryTracks: { ...base.categoryTracks, other: 'nowhere' } })).toEqual([
      'categoryTracks.other: No track nowhere for other.',
    ]);
    const { other: _left, ...without } = base.categoryTracks;
    expect(issues({ ...base, categoryTracks: without })).toHaveLength(1);
  });

  it('routes down the ladder, or to or from a stage it does not have', () => {
    expect(issues(withTrack({ routing: [{ ...rule, from: 'stage-5', to: 'stage-1' }] }))).toEqual([
      'tracks.0.routing.0.to: Routing can only move up the ladder.',
    ]);
    expect(issues(withTrack({ routing: [{ ...rule, to: 'stage-9' }] }))).toEqual([
      'tracks.0.routing.0.to: No stage stage-9 in this track.',
    ]);
    expect(issues(withTrack({ routing: [{ ...rule, from: 'nowhere' }] }))).toEqual([
      'tracks.0.routing.0.from: No stage nowhere in this track.',
    ]);
  });

  it('has a routing rule for no kinds of agency, or in the old between form', () => {
    expect(issues(withTrack({ routing: [{ ...rule, when: {} }] }))).toEqual([
      'tracks.0.routing.0.when: Say which kinds of agency this rule is for.',
    ]);
    expect(issues(withTrack({ routing: [{ ...rule, when: { ourAgency: [] } }] }))).toHaveLength(1);
    expect(
      issues(withTrack({ routing: [{ id: 'r', from: 'stage-1', to: 'stage-5', between: [['school'], ['school']], reason: 'x' }] })),
    ).not.toEqual([]);
  });

  it('uses a stage id, a step id or a form twice', () => {
    expect(issues(withTrack({ stages: [firstStage, ...baseTrack.stages] }))).toEqual([
      'tracks.0.stages.1.id: Stage id stage-1 is used twice.',
    ]);
    expect(
      issues(
        withFirstStage({
          steps: [
            { id: 's', text: 'One.' },
            { id: 's', text: 'Two.' },
          ],
        }),
      ),
    ).toEqual(['tracks.0.stages.0.steps.1.id: Step id s is used twice.']);
    expect(
      issues(
        withFirstStage({
          forms: [
            { form: 'written-concern', action: 'complete' },
            { form: 'written-concern', action: 'update' },
          ],
        }),
      ),
    ).toEqual(['tracks.0.stages.0.forms.1.form: written-concern is listed twice.']);
  });

  it('names a timescale the catalogue does not have, leaves who acts unanswered, or sets a rule the calculator refuses', () => {
    expect(issues(withFirstStage({ target: { timescale: 'one-fortnight' } }))).toEqual([
      'tracks.0.stages.0.target.timescale: Choose a timescale from the catalogue.',
    ]);
    const { police: _police, ...whoActsWithoutPolice } = firstStage.whoActs;
    expect(issues(withFirstStage({ whoActs: { ...whoActsWithoutPolice, police: '' } }))).toEqual([
      'tracks.0.stages.0.whoActs.police: This cannot be empty.',
    ]);
    expect(issues(withFirstStage({ whoActs: whoActsWithoutPolice }))).toEqual([
      'tracks.0.stages.0.whoActs.police: Invalid input: expected string, received undefined',
    ]);
    expect(issues({ ...base, timescaleOverrides: { 'escalation-stage': { kind: 'working-days', days: 5001 } } })).toHaveLength(1);
    expect(issues({ ...base, timescaleOverrides: { 'escalation-stage': { kind: 'working-days', days: 2 } } })).toEqual([]);
  });
});
