import { describe, expect, it } from 'vitest';
import { timescaleIds, timescales } from '../../../shared/deadlines';
import { referralCategories } from '../../../shared/referrals/categories';
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
  it('are the five policies, in order, each at version 2 (their local rules moved into them) and naming its document by title and year', () => {
    expect(builtInProcedures.map((p) => [p.id, p.source.year, p.builtIn, p.version])).toEqual([
      ['liverpool', '2018', true, 2],
      ['bromley', 'Not dated', true, 2],
      ['birmingham', '2020–2022', true, 2],
      ['cscp', 'Not dated', true, 2],
      ['berkshire-west', 'Not dated', true, 2],
    ]);
    for (const p of builtInProcedures) {
      expect(p.source.title.length, p.id).toBeGreaterThan(10);
      expect(p.source.publisher.length, p.id).toBeGreaterThan(3);
      expect(p.source.lastChecked, p.id).toBe('2026-12-01');
    }
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
    '%s gives each target its rule, where it is counted from and the policy’s words, and answers who acts for every kind',
    (_id, p) => {
      for (const t of p.tracks) {
        for (const stage of t.stages) {
          if (stage.target) expect(stage.target.source.length, `${p.id} ${stage.id}`).toBeGreaterThan(20);
          for (const kind of agencyKinds)
            expect(whoToContact(stage, kind).length, `${p.id} ${t.id} ${stage.id} ${kind}`).toBeGreaterThan(10);
          expect(stage.steps.length, `${p.id} ${t.id} ${stage.id}`).toBeGreaterThan(0);
        }
      }
      // Its own referral timescales are keyed by the referral's categories, and none repeats a national one.
      expect(Object.keys(p.localTimescales['strategy-discussion']).sort()).toEqual([...referralCategories].sort());
      expect(Object.keys(p.localTimescales).some((key) => Object.keys(timescales).includes(key))).toBe(false);
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
  it('are exactly the national catalogue’s', () => {
    expect([...timescaleIds].sort()).toEqual(Object.keys(timescales).sort());
  });
});

describe('local timescales belong to the procedure whose policy sets them', () => {
  const set = (id: string) => {
    const local = builtIn(id).localTimescales;
    return {
      followUp: local['written-follow-up']?.rule ?? null,
      strategy: Object.fromEntries(Object.entries(local['strategy-discussion']).map(([k, v]) => [k, v?.rule ?? null])),
      minutes: local['strategy-minutes']?.rule ?? null,
    };
  };
  const none = { standard: null, 'immediate-risk': null, 'penetrative-sexual-abuse': null, complex: null };

  it('Berkshire West alone sets the strategy discussion (by category) and its minutes', () => {
    expect(set('berkshire-west')).toEqual({
      followUp: null,
      strategy: {
        standard: { kind: 'working-days', days: 1 },
        'immediate-risk': { kind: 'same-day' },
        'penetrative-sexual-abuse': { kind: 'same-day' },
        complex: { kind: 'working-days', days: 5 },
      },
      minutes: { kind: 'hours', hours: 24 },
    });
  });

  it('Liverpool alone sets a written follow-up (24 hours, its flow chart); Bromley, Birmingham and the CSCP set none', () => {
    expect(set('liverpool')).toEqual({ followUp: { kind: 'hours', hours: 24 }, strategy: none, minutes: null });
    for (const id of ['bromley', 'birmingham', 'cscp']) expect(set(id), id).toEqual({ followUp: null, strategy: none, minutes: null });
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
    expect({ ...copy, id: source.id, name: source.name, builtIn: true, version: source.version }).toEqual(source);

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
      'categoryTracks.other: There is no track nowhere.',
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

  it('gives a target in the old shape or counted from nowhere, leaves who acts unanswered, or sets a rule the calculator refuses', () => {
    expect(issues(withFirstStage({ target: { timescale: 'escalation-stage' } }))).toContain(
      'tracks.0.stages.0.target.from: Say what the target is counted from: stage-start, escalation-start, timescale-missed, previous-target.',
    );
    expect(issues(withFirstStage({ target: { rule: { kind: 'hours', hours: 48 }, from: 'lunchtime', source: 'Because.' } }))).toEqual([
      'tracks.0.stages.0.target.from: Say what the target is counted from: stage-start, escalation-start, timescale-missed, previous-target.',
    ]);
    const { police: _police, ...whoActsWithoutPolice } = firstStage.whoActs;
    expect(issues(withFirstStage({ whoActs: { ...whoActsWithoutPolice, police: '' } }))).toEqual([
      'tracks.0.stages.0.whoActs.police: This cannot be empty.',
    ]);
    expect(issues(withFirstStage({ whoActs: whoActsWithoutPolice }))).toEqual(['tracks.0.stages.0.whoActs.police: Enter some words here.']);
    const followUp = (rule: unknown) => ({
      ...base,
      localTimescales: { ...base.localTimescales, 'written-follow-up': { rule, source: 'Set in this copy.' } },
    });
    expect(issues(followUp({ kind: 'working-days', days: 5001 }))).toEqual([
      'localTimescales.written-follow-up.rule.days: This cannot be more than 5000.',
    ]);
    expect(issues(followUp({ kind: 'working-days', days: 2 }))).toEqual([]);
    // The older shape is read back only from the file (stored.ts), never accepted in an edit.
    expect(issues({ ...base, timescaleOverrides: {} })).toHaveLength(1);
  });

  it('names a contact, or sends a missed timescale to a track, that it does not have', () => {
    expect(issues(withFirstStage({ contacts: ['nobody'] }))).toEqual(['tracks.0.stages.0.contacts.0: There is no contact nobody.']);
    expect(issues({ ...base, missedTimescaleTracks: { 'strategy-discussion': 'nowhere' } })).toEqual([
      'missedTimescaleTracks.strategy-discussion: There is no track nowhere.',
    ]);
    expect(
      issues({
        ...base,
        contacts: [
          { id: 'a', role: 'Adviser' },
          { id: 'a', role: 'Mailbox' },
        ],
      }),
    ).toEqual(['contacts.1.id: Contact id a is used twice.']);
  });
});
