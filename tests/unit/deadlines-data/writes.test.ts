import { beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../electron/core/dispatcher';
import type { ApiInput } from '../../../shared/api';
import { childInput, ok, setUpCore, TestClock } from '../../../scripts/fixtures/core';
import { escalationInput, expectConsistent } from './support';

// Issue 12, deadlines as data: after every kind of write that changes what is owed, the deadlines
// table is exactly what working everything out from the records gives (checkDeadlines finds no
// difference), and the dashboard read from it is exactly the one worked out from the whole history
// (the old getDashboard, kept as the reference), through the real dispatcher. The steps run in
// order on one file, so each write meets the records the ones before left. Times are GMT (November).

const clock = new TestClock(new Date('2026-11-23T10:00:00Z')); // Monday
let core: Dispatcher;
const ids = { first: '', second: '', phone: '', written: '', missed: '', general: '', other: '', actions: [] as string[] };

const entry = (escalationId: string, occurredAt: string): ApiInput<'escalations.recordEntry'> => ({
  escalationId,
  occurredAt,
  method: 'phone',
  participants: [{ name: 'Priya Raman', role: 'Designated Safeguarding Lead' }],
  summary: 'Asked for the visit.',
  decision: 'No visit yet.',
  rationale: 'The team is short-staffed.',
  toldOfOutcome: [],
  originalReferrerTold: false,
});

const referral = (childId: string, overrides: Partial<ApiInput<'referrals.create'>>): ApiInput<'referrals.create'> => ({
  childId,
  madeAt: '2026-11-23T09:30:00.000+00:00',
  method: 'phone',
  concern: 'child-protection',
  category: 'standard',
  referredTo: 'Liverpool Careline',
  madeByName: 'Priya Raman',
  madeByRole: 'Designated Safeguarding Lead',
  summary: 'Bruising seen on arms; explanation inconsistent.',
  ...overrides,
});

beforeAll(async () => {
  ({ core } = await setUpCore(undefined, clock));
  await ok(core, 'session.confirmRecoveryKeyStored', { confirmed: true, storedWhere: 'School safe' });
  ids.first = (await ok(core, 'children.create', childInput)).id;
  ids.second = (await ok(core, 'children.create', { ...childInput, firstName: 'Aoife', lastName: 'Ní Bhriain' })).id;
  // Born early in 2002: past the retention review date (date of birth + 25 years) early in 2027.
  ids.other = (await ok(core, 'children.create', { ...childInput, firstName: 'Kwame', lastName: 'Mensah', dateOfBirth: '2002-01-10' })).id;
}, 30_000);

describe('deadlines kept as data, after each kind of write', () => {
  it('a procedure chosen before any referral', async () => {
    await ok(core, 'procedures.choose', { id: 'liverpool' });
    await expectConsistent(core, 'choosing Liverpool');
  });

  it('referrals created: a phone referral today, a written one a week ago (its decision overdue)', async () => {
    ids.phone = (await ok(core, 'referrals.create', referral(ids.first, {}))).id;
    await expectConsistent(core, 'a phone referral');
    ids.written = (
      await ok(
        core,
        'referrals.create',
        referral(ids.second, { madeAt: '2026-11-16T11:00:00.000+00:00', method: 'written', concern: 'child-in-need' }),
      )
    ).id;
    await ok(core, 'referrals.create', referral(ids.other, { madeAt: '2026-11-20T14:00:00.000+00:00', category: 'complex' }));
    await expectConsistent(core, 'a written referral');
    const dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.overdue.length + dashboard.today.length + dashboard.thisWeek.length).toBeGreaterThan(2);
  });

  it('events recorded: the written follow-up, a strategy discussion the setting took part in, an ICPC', async () => {
    for (const [kind, extra] of [
      ['written-follow-up', {}],
      ['la-decision', {}],
      ['strategy-discussion', { s47Started: true, settingAttended: true }],
      ['icpc', { childProtectionPlan: true }],
    ] as const) {
      clock.advance(600);
      await ok(core, 'referrals.recordEvent', {
        referralId: ids.phone,
        kind,
        happenedAt: new Date(clock.time.getTime() - 60_000).toISOString(),
        ...extra,
      });
      await expectConsistent(core, `recording ${kind}`);
    }
  });

  it('an escalation opened about the missed decision, and one about visits', async () => {
    const draft = await ok(core, 'referrals.escalationDraft', { referralId: ids.written, milestone: 'la-decision' });
    ids.missed = (
      await ok(core, 'escalations.open', { ...draft.input, otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker' } })
    ).id;
    await expectConsistent(core, 'opening an escalation about a missed milestone');
    const dashboard = await ok(core, 'dashboard.get', {});
    expect(dashboard.overdue.find((item) => item.link.id === ids.written && item.missed)?.missed?.escalationId).toBe(ids.missed);
    ids.general = (await ok(core, 'escalations.open', escalationInput(ids.first, '2026-11-23T10:05:00.000+00:00'))).id;
    await expectConsistent(core, 'opening an escalation');
  });

  it('actions agreed, one done, one withdrawn', async () => {
    clock.advance(3600);
    for (const [description, dueDate] of [
      ['Home visit to see the child', '2026-11-24'],
      ['Core group meeting', '2026-11-27'],
      ['Send the minutes', '2026-12-10'],
    ] as const) {
      const detail = await ok(core, 'escalations.addAction', {
        escalationId: ids.general,
        description,
        ownerName: 'Daniel Okafor',
        ownerRole: 'Social worker',
        dueDate,
      });
      ids.actions.push(detail.actions.find((action) => action.description === description)?.id ?? '');
      await expectConsistent(core, `agreeing ${description}`);
    }
    await ok(core, 'escalations.completeAction', { actionId: ids.actions[0] ?? '', doneAt: clock.time.toISOString() });
    await expectConsistent(core, 'an action done');
    await ok(core, 'escalations.withdrawAction', { actionId: ids.actions[1] ?? '', reason: 'Held as part of the conference instead.' });
    await expectConsistent(core, 'an action withdrawn');
  });

  it('escalated, then resolved and closed', async () => {
    clock.advance(3600);
    await ok(core, 'escalations.recordEntry', entry(ids.general, new Date(clock.time.getTime() - 600_000).toISOString()));
    await ok(core, 'escalations.escalate', {
      escalationId: ids.general,
      reason: 'No visit after the conversation.',
      escalatedAt: new Date(clock.time.getTime() - 60_000).toISOString(),
    });
    await expectConsistent(core, 'escalating');
    const other = (await ok(core, 'escalations.open', escalationInput(ids.other, new Date(clock.time.getTime() - 60_000).toISOString())))
      .id;
    await ok(core, 'escalations.addAction', {
      escalationId: other,
      description: 'Share the plan',
      ownerName: 'Daniel Okafor',
      ownerRole: 'Social worker',
      dueDate: '2026-11-26',
    });
    await expectConsistent(core, 'a third escalation with an action');
    clock.advance(3600);
    await ok(core, 'escalations.recordEntry', entry(ids.missed, new Date(clock.time.getTime() - 600_000).toISOString()));
    await ok(core, 'escalations.resolve', {
      escalationId: ids.missed,
      resolvedAt: new Date(clock.time.getTime() - 60_000).toISOString(),
      outcomeStatement: 'The decision was made and shared.',
      consequentActions: 'none',
      agreedBy: ['Northway Primary and Nursery School', 'Liverpool Children’s Services'],
    });
    await expectConsistent(core, 'resolving');
    await ok(core, 'escalations.closeUnresolved', {
      escalationId: other,
      closedAt: new Date(clock.time.getTime() - 30_000).toISOString(),
      reason: 'The family moved away.',
    });
    await expectConsistent(core, 'closing without resolution');
  });

  it('the region changed, and back', async () => {
    await ok(core, 'settings.update', { region: 'scotland' });
    await expectConsistent(core, 'moving to Scotland');
    await ok(core, 'settings.update', { region: 'england-and-wales', settingName: 'Northway Primary' });
    await expectConsistent(core, 'moving back');
  });

  it('another procedure chosen, and the chosen copy edited', async () => {
    await ok(
      core,
      'referrals.create',
      referral(ids.first, { madeAt: new Date(clock.time.getTime() - 60_000).toISOString(), category: 'complex' }),
    );
    for (const id of ['bromley', 'berkshire-west', 'liverpool']) {
      await ok(core, 'procedures.choose', { id });
      await expectConsistent(core, `choosing ${id}`);
    }
    const copy = await ok(core, 'procedures.copy', { fromId: 'berkshire-west', name: 'Our Berkshire West' });
    await ok(core, 'procedures.choose', { id: copy.id });
    await expectConsistent(core, 'choosing a copy');
    const edited = {
      ...copy,
      localTimescales: {
        'written-follow-up': { rule: { kind: 'working-days' as const, days: 1 }, source: 'Our own: written up the next working day.' },
        'strategy-discussion': {
          ...copy.localTimescales['strategy-discussion'],
          complex: { rule: { kind: 'working-days' as const, days: 3 }, source: 'Ours.' },
        },
        'strategy-minutes': { rule: { kind: 'working-days' as const, days: 5 }, source: 'Ours: minutes within a week.' },
      },
    };
    await ok(core, 'procedures.save', { procedure: edited });
    await expectConsistent(core, 'editing the chosen copy');
  });

  it('closure days added and removed (the setting’s own deadlines move; no one else’s)', async () => {
    // A phone referral whose written follow-up is still owed: the setting's own deadline, one working
    // day under the edited copy chosen above, so a closure day tomorrow moves it.
    await ok(core, 'referrals.create', referral(ids.second, { madeAt: new Date(clock.time.getTime() - 60_000).toISOString() }));
    for (const date of ['2026-11-24', '2026-11-25']) {
      await ok(core, 'settings.addClosure', { date, reason: 'INSET day' });
      await expectConsistent(core, `closing on ${date}`);
    }
    await ok(core, 'settings.removeClosure', { date: '2026-11-24' });
    await expectConsistent(core, 'a closure day removed');
  });

  it('the dashboard agrees days later too (what is owed does not depend on the time; its window does)', async () => {
    for (let day = 0; day < 4; day += 1) {
      clock.advance(86_400 * 2);
      await expectConsistent(core, `${day * 2 + 2} days later`);
    }
  });

  it('a child’s records deleted under retention take their deadlines with them', async () => {
    // An open escalation with an action and a referral owing milestones, for the child to be deleted.
    const open = (await ok(core, 'escalations.open', escalationInput(ids.other, new Date(clock.time.getTime() - 60_000).toISOString()))).id;
    await ok(core, 'escalations.addAction', {
      escalationId: open,
      description: 'Share the plan',
      ownerName: 'Daniel Okafor',
      ownerRole: 'Social worker',
      dueDate: '2026-12-20',
    });
    await expectConsistent(core, 'the records to be deleted');
    clock.time = new Date('2027-02-01T10:00:00Z');
    await ok(core, 'retention.deleteChild', {
      childId: ids.other,
      reason: 'Reviewed at the end of the retention period',
      confirmName: 'Kwame Mensah',
    });
    await expectConsistent(core, 'deleting a child’s records');
    const dashboard = await ok(core, 'dashboard.get', {});
    expect(JSON.stringify(dashboard)).not.toContain(ids.other);
  });
});
