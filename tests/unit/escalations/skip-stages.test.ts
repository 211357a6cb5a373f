import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import { builtInProcedures, parseProcedure, procedureSchema, type Procedure } from '../../../shared/procedures';
import { call, childInput, ok, setUpCore } from '../../../scripts/fixtures/core';
import { policy } from '../procedures/policy-text';

// Issue 11, item 16: where a procedure allows going straight to a later stage, the DSL may, with their
// reason; the ladder shows the stages between as skipped, and the timeline says so. Which stages may
// be skipped to, and when, is procedure data with the policy's own words as its source; the core
// checks every skip against the escalation's own procedure. Through the real dispatcher.

const policies = {
  liverpool: 'liverpool',
  bromley: 'bromley',
  birmingham: 'birmingham',
  cscp: 'cscp',
  'berkshire-west': 'berkshire-west',
} as const;

async function opened(procedureId: string, category: string) {
  const setup = await setUpCore();
  const { core, clock } = setup;
  clock.time = new Date('2026-11-23T12:00:00Z');
  await ok(core, 'procedures.choose', { id: procedureId });
  const child = await ok(core, 'children.create', childInput);
  const escalation = await ok(core, 'escalations.open', {
    childId: child.id,
    category,
    immediateRisk: false,
    otherAgencyKind: 'childrens-social-care',
    otherAgencyName: 'Liverpool Careline',
    otherProfessional: { name: 'Daniel Okafor', role: 'Social worker' },
    concern: 'Core group meetings have not happened since the conference.',
    areasOfAgreement: 'The plan is right.',
    areasOfDisagreement: 'Whether the plan is being carried out.',
    riskRelevance: 'No one is checking the home conditions.',
    outcomeSought: 'A core group this week.',
    openedAt: '2026-11-23T08:30:00.000+00:00',
  });
  return { ...setup, escalation };
}

const entry = (escalationId: string, occurredAt: string): ApiInput<'escalations.recordEntry'> => ({
  escalationId,
  occurredAt,
  method: 'phone',
  participants: [{ name: 'Priya Raman', role: 'Designated Safeguarding Lead' }],
  summary: 'Spoke about the plan.',
  decision: 'Not agreed.',
  rationale: 'No date for the core group.',
  toldOfOutcome: [],
  originalReferrerTold: false,
});

describe('going straight to a later stage', () => {
  it('Liverpool situation 6: from step a straight to LSCB Stage 1 with a reason, steps b to i shown as skipped, LSCB Stage 3 in three escalations', async () => {
    const { core, escalation } = await opened('liverpool', 'cp-plan-not-progressing');
    expect(escalation.current?.next?.label).toBe('Step b');
    // Offered: later steps (not the next one, which is plain escalating) and LSCB Stage 1, never LSCB Stages 2 to 4.
    expect(escalation.current?.skipTo.map((target) => target.label)).toEqual([
      'Step c',
      'Step d',
      'Step e',
      'Step f',
      'Step g',
      'Step h',
      'Step i',
      'LSCB Stage 1',
    ]);
    const lscb1 = escalation.current?.skipTo.find((target) => target.label === 'LSCB Stage 1');
    expect(lscb1?.rules).toEqual([
      expect.objectContaining({ id: 'typical-steps', source: expect.stringContaining('the typical steps that can be taken') }),
    ]);

    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-23T09:00:00.000+00:00'));
    const reason = 'The plan has drifted for six weeks: the social worker and their manager agree there is a problem but cannot act.';
    const skipped = await ok(core, 'escalations.escalate', {
      escalationId: escalation.id,
      reason,
      escalatedAt: '2026-11-23T10:00:00.000+00:00',
      skipTo: { stageId: 'stage-1', ruleId: 'typical-steps' },
    });
    expect(skipped.ladder.map((rung) => [rung.label, rung.state])).toEqual([
      ['Step a', 'done'],
      ['Step b', 'skipped'],
      ['Step c', 'skipped'],
      ['Step d', 'skipped'],
      ['Step e', 'skipped'],
      ['Step f', 'skipped'],
      ['Step g', 'skipped'],
      ['Step h', 'skipped'],
      ['Step i', 'skipped'],
      ['LSCB Stage 1', 'current'],
      ['LSCB Stage 2', 'to-come'],
      ['LSCB Stage 3', 'to-come'],
      ['LSCB Stage 4', 'to-come'],
    ]);
    expect(skipped.ladder[1]?.skippedBecause).toBe('Skipped: went straight from Step a to LSCB Stage 1, as the procedure allows.');
    expect(skipped.ladder[9]).toMatchObject({
      wentStraightHere: { fromLabel: 'Step a', reason, source: expect.stringContaining('typical steps') },
      routingReason: null,
    });
    expect(skipped.ladder[0]).toMatchObject({ outcome: 'escalated', outcomeReason: reason });
    // From LSCB Stage 1 the stages are climbed in order: nothing to skip to.
    expect(skipped.current?.skipTo).toEqual([]);
    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-23T10:30:00.000+00:00'));
    expect(
      await call(core, 'escalations.escalate', {
        escalationId: escalation.id,
        reason: 'x',
        escalatedAt: '2026-11-23T11:00:00.000+00:00',
        skipTo: { stageId: 'stage-3', ruleId: 'typical-steps' },
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: ['skipTo', 'stageId'] }] } });
    await ok(core, 'escalations.escalate', {
      escalationId: escalation.id,
      reason: 'Unresolved by the line managers',
      escalatedAt: '2026-11-23T11:00:00.000+00:00',
    });
    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-23T11:15:00.000+00:00'));
    const atThree = await ok(core, 'escalations.escalate', {
      escalationId: escalation.id,
      reason: 'Unresolved by the safeguarding representatives',
      escalatedAt: '2026-11-23T11:30:00.000+00:00',
    });
    expect(atThree.current?.label).toBe('LSCB Stage 3');

    // The timeline says so, at the moment it happened.
    const timeline = await ok(core, 'children.timeline', { childId: escalation.childId });
    const reached = timeline.find((item) => item.title === 'LSCB Stage 1 reached: Attempt Resolution; Escalate to Line Manager');
    expect(reached).toMatchObject({ at: '2026-11-23T10:00:00.000+00:00' });
    expect(reached?.detail).toBe(
      `Went straight here from Step a; Step b, Step c, Step d, Step e, Step f, Step g, Step h, Step i were skipped. The procedure allows this: The steps are the guidance’s typical steps, not a sequence to follow in full: go to a later step, or on to the LSCB stages, when the steps between would not help resolve the disagreement for the child. Reason for escalating: ${reason}`,
    );
  });

  it('Bromley: from Stage 1 straight to the BSCP while there continues to be a serious risk to the child', async () => {
    const { core, escalation } = await opened('bromley', 'risk-disagreement');
    expect(escalation.current?.skipTo).toEqual([
      {
        stageId: 'stage-3',
        label: 'Stage 3',
        title: 'Senior Manager / Agency Safeguarding Lead',
        rules: [expect.objectContaining({ id: 'unsafe-within-own-agency' })],
      },
      {
        stageId: 'stage-4',
        label: 'Stage 4',
        title: 'Escalation to Bromley Safeguarding Children Partnership (BSCP) / Chair',
        rules: [expect.objectContaining({ id: 'serious-risk-to-bscp' }), expect.objectContaining({ id: 'unsafe-within-own-agency' })],
      },
    ]);
    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-23T09:00:00.000+00:00'));
    // The rule must be one that allows this stage.
    expect(
      await call(core, 'escalations.escalate', {
        escalationId: escalation.id,
        reason: 'Serious risk continues',
        escalatedAt: '2026-11-23T10:00:00.000+00:00',
        skipTo: { stageId: 'stage-3', ruleId: 'serious-risk-to-bscp' },
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: ['skipTo', 'ruleId'] }] } });
    const atFour = await ok(core, 'escalations.escalate', {
      escalationId: escalation.id,
      reason: 'The child disclosed again yesterday and no strategy discussion is planned.',
      escalatedAt: '2026-11-23T10:00:00.000+00:00',
      skipTo: { stageId: 'stage-4', ruleId: 'serious-risk-to-bscp' },
    });
    expect(atFour.ladder.map((rung) => rung.state)).toEqual(['done', 'skipped', 'skipped', 'current']);
    expect(atFour.ladder[3]?.wentStraightHere?.when).toContain('serious risk to the child');
    // The policy's one working week is Stage 1's: the BSCP stage has no target of its own.
    expect(atFour.current?.target).toBeNull();
    expect(atFour.ladder[0]?.target?.state).toBe('met');
  });

  it('is refused where the procedure allows none, to the next stage (which is escalating), or with a made-up rule', async () => {
    const { core, escalation } = await opened('cscp', 'risk-disagreement');
    expect(escalation.current?.skipTo).toEqual([]);
    await ok(core, 'escalations.recordEntry', entry(escalation.id, '2026-11-23T09:00:00.000+00:00'));
    for (const skipTo of [
      { stageId: 'stage-5', ruleId: 'typical-steps' },
      { stageId: 'stage-2', ruleId: 'anything' },
    ]) {
      expect(
        await call(core, 'escalations.escalate', {
          escalationId: escalation.id,
          reason: 'x',
          escalatedAt: '2026-11-23T10:00:00.000+00:00',
          skipTo,
        }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect((await ok(core, 'escalations.get', { id: escalation.id })).current?.label).toBe('Stage 1');
  });

  it('Birmingham school v school: the procedure’s own route to Stage Five shows Stages Two to Four as skipped, and the timeline says why', async () => {
    const { core, escalation } = await opened('birmingham', 'threshold-disagreement');
    // (Opened against children's social care above; a school v school one here.)
    const child = await ok(core, 'children.create', { ...childInput, firstName: 'Ada', lastName: 'Okonjo' });
    const schools = await ok(core, 'escalations.open', schoolVersion(child.id));
    await ok(core, 'escalations.recordEntry', entry(schools.id, '2026-11-23T09:00:00.000+00:00'));
    const atFive = await ok(core, 'escalations.escalate', {
      escalationId: schools.id,
      reason: 'The heads could not agree.',
      escalatedAt: '2026-11-23T10:00:00.000+00:00',
    });
    expect(atFive.ladder.map((rung) => rung.state)).toEqual(['done', 'skipped', 'skipped', 'skipped', 'current']);
    expect(atFive.ladder[1]?.skippedBecause).toBe('Skipped: the procedure routes this disagreement from Stage One to Stage Five.');
    expect(atFive.ladder[4]?.routingReason).toMatch(/between two schools/);
    const timeline = await ok(core, 'children.timeline', { childId: child.id });
    expect(timeline.find((item) => item.title.startsWith('Stage Five reached'))?.detail).toMatch(
      /^Escalated from Stage One: Stage Two, Stage Three, Stage Four were skipped, as the procedure routes this disagreement \(.*\)\. Reason for escalating: The heads could not agree\.$/,
    );
    expect(escalation.current?.skipTo).toEqual([]);
  });
});

function schoolVersion(childId: string): ApiInput<'escalations.open'> {
  return {
    childId,
    category: 'information-sharing',
    immediateRisk: false,
    otherAgencyKind: 'school',
    otherAgencyName: 'St Mary’s Church of England Primary School',
    otherProfessional: { name: 'Helen Marsh', role: 'Designated Safeguarding Lead' },
    concern: 'The file was not transferred.',
    areasOfAgreement: 'None yet.',
    areasOfDisagreement: 'Whether to share now.',
    riskRelevance: 'We cannot assess the risk.',
    outcomeSought: 'The file, in full.',
    openedAt: '2026-11-23T08:30:00.000+00:00',
  };
}

describe('skip rules as procedure data', () => {
  it('quote each policy’s own words, found in the policy as the partnership wrote it', () => {
    const withSkips = builtInProcedures.flatMap((procedure) =>
      procedure.tracks.flatMap((track) => (track.skips ?? []).map((rule) => ({ procedure: procedure.id, track: track.id, rule }))),
    );
    expect(withSkips.map(({ procedure, track, rule }) => `${procedure}/${track}/${rule.id}`)).toEqual([
      'liverpool/situation-5/typical-steps',
      'liverpool/situation-6/typical-steps',
      'liverpool/situation-7/typical-steps',
      'bromley/stages/serious-risk-to-bscp',
      'bromley/stages/unsafe-within-own-agency',
    ]);
    for (const { procedure, rule } of withSkips) {
      const name = policies[procedure as keyof typeof policies];
      expect(policy(name).says(rule.source), `${procedure}: ${rule.source}`).toBe(true);
    }
  });

  it('are checked when a procedure is saved: known stages, past at least one stage; procedures from before skips still read', () => {
    const bromley = builtInProcedures.find((procedure) => procedure.id === 'bromley');
    if (!bromley) throw new Error('no Bromley');
    const withSkip = (skips: unknown): unknown => ({
      ...bromley,
      tracks: bromley.tracks.map((track) => ({ ...track, skips })),
    });
    const rule = { id: 'r', from: ['stage-1'], to: ['stage-4'], when: 'Always.', source: 'The policy says so.' };
    expect(procedureSchema.safeParse(withSkip([rule])).success).toBe(true);
    const problems = (skips: unknown) => {
      const result = procedureSchema.safeParse(withSkip(skips));
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(problems([{ ...rule, to: ['stage-2'] }])).toEqual([
      'A skip must go past at least one stage: every stage it goes to is at most the next one after where it starts.',
    ]);
    expect(problems([{ ...rule, to: ['stage-9'] }])).toContain('No stage stage-9 in this track.');
    expect(problems([rule, rule])).toContain('Skip rule id r is used twice.');
    expect(problems([{ ...rule, source: '' }])).toContain('This cannot be empty.');
    // A snapshot saved before skip rules existed has none, and still reads.
    const old: Procedure = parseProcedure(
      JSON.parse(JSON.stringify({ ...bromley, tracks: bromley.tracks.map(({ skips: _skips, ...track }) => track) })),
    );
    expect(old.tracks[0]?.skips).toBeUndefined();
  });
});
