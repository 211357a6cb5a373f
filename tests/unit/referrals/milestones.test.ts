import { describe, expect, it } from 'vitest';
import { referralMilestones, type MilestoneReferral } from '../../../shared/referrals/milestones';

// The statutory timeline of a referral, from the policies' timescales (seed 000, seed 001, WT 2023).

const calendar = { region: 'england-and-wales' } as const;
const base: MilestoneReferral = {
  madeAt: '2026-11-23T10:00:00.000+00:00',
  method: 'phone',
  concern: 'child-protection',
  category: 'standard',
  events: [],
};

function byId(list: ReturnType<typeof referralMilestones>) {
  return Object.fromEntries(list.map((m) => [m.id, m]));
}

describe('referral milestones', () => {
  it('a standard phone referral: follow-up in 24 hours, decision and strategy discussion in one working day', () => {
    const m = byId(referralMilestones(base, calendar, {}, '2026-11-23T11:00:00.000+00:00'));
    expect(Object.keys(m)).toEqual(['written-follow-up', 'la-decision', 'strategy-discussion']);
    expect(m['written-follow-up']).toMatchObject({ dueAt: '2026-11-24T10:00:00.000+00:00', state: 'due' });
    expect(m['la-decision']).toMatchObject({ dueDate: '2026-11-24', state: 'due' });
    expect(m['strategy-discussion']).toMatchObject({
      dueDate: '2026-11-24',
      dueAt: '2026-11-24T23:59:59.000+00:00',
      source: expect.stringContaining('seed 000'),
    });
  });

  it('uses the procedure’s written follow-up time', () => {
    const m = byId(referralMilestones(base, calendar, { 'written-follow-up': { kind: 'hours', hours: 48 } }, base.madeAt));
    expect(m['written-follow-up']?.dueAt).toBe('2026-11-25T10:00:00.000+00:00');
  });

  it('is overdue once the time passes with nothing recorded, and met late when recorded after', () => {
    const now = '2026-11-25T09:00:00.000+00:00';
    expect(byId(referralMilestones(base, calendar, {}, now))['strategy-discussion']?.state).toBe('overdue');
    const late = {
      ...base,
      events: [{ kind: 'strategy-discussion', happenedAt: '2026-11-25T08:00:00.000+00:00', s47Started: false }],
    } as const;
    expect(byId(referralMilestones(late, calendar, {}, now))['strategy-discussion']).toMatchObject({
      state: 'met-late',
      metAt: '2026-11-25T08:00:00.000+00:00',
    });
  });

  it('same day for immediate risk and penetrative sexual abuse; five working days for complex', () => {
    for (const category of ['immediate-risk', 'penetrative-sexual-abuse'] as const) {
      expect(byId(referralMilestones({ ...base, category }, calendar, {}, base.madeAt))['strategy-discussion']?.dueAt).toBe(
        '2026-11-23T23:59:59.000+00:00',
      );
    }
    expect(byId(referralMilestones({ ...base, category: 'complex' }, calendar, {}, base.madeAt))['strategy-discussion']?.dueDate).toBe(
      '2026-11-30',
    );
  });

  it('runs the ICPC clock from the strategy discussion that started the section 47 enquiry, not the last one', () => {
    const referral: MilestoneReferral = {
      ...base,
      events: [
        { kind: 'strategy-discussion', happenedAt: '2026-11-24T09:00:00.000+00:00', s47Started: true },
        { kind: 'strategy-minutes', happenedAt: '2026-11-24T15:00:00.000+00:00', s47Started: null },
        { kind: 'strategy-discussion', happenedAt: '2026-11-30T09:00:00.000+00:00', s47Started: false },
      ],
    };
    const m = byId(referralMilestones(referral, calendar, {}, '2026-12-01T09:00:00.000+00:00'));
    // 15 working days after Tue 24 Nov 2026 is Tue 15 Dec 2026.
    expect(m.icpc).toMatchObject({ dueDate: '2026-12-15', state: 'due' });
    expect(m['strategy-minutes-1']).toMatchObject({ state: 'met' });
    expect(m['strategy-minutes-2']).toMatchObject({ dueAt: '2026-12-01T09:00:00.000+00:00', state: 'due' });
    expect(m['single-assessment']).toBeUndefined();
  });

  it('after the ICPC: first core group in 10 working days, first review within 3 months', () => {
    const referral: MilestoneReferral = {
      ...base,
      events: [
        { kind: 'strategy-discussion', happenedAt: '2026-11-24T09:00:00.000+00:00', s47Started: true },
        { kind: 'icpc', happenedAt: '2026-12-10T10:00:00.000+00:00', s47Started: null },
      ],
    };
    const m = byId(referralMilestones(referral, calendar, {}, '2026-12-10T12:00:00.000+00:00'));
    expect(m.icpc?.state).toBe('met');
    expect(m['first-core-group']?.dueDate).toBe('2026-12-24');
    expect(m['first-review-conference']?.dueDate).toBe('2027-03-10');
  });

  it('a single assessment within 45 working days when no section 47 enquiry follows, or for a child in need referral', () => {
    const noS47: MilestoneReferral = {
      ...base,
      events: [{ kind: 'strategy-discussion', happenedAt: '2026-11-24T09:00:00.000+00:00', s47Started: false }],
    };
    expect(byId(referralMilestones(noS47, calendar, {}, base.madeAt))['single-assessment']?.dueDate).toBe('2027-01-28');
    const cin = byId(referralMilestones({ ...base, concern: 'child-in-need', method: 'written' }, calendar, {}, base.madeAt));
    expect(Object.keys(cin)).toEqual(['la-decision', 'single-assessment']);
  });

  it('stops owing milestones when children’s social care closes the referral', () => {
    const closed: MilestoneReferral = {
      ...base,
      events: [{ kind: 'closed-by-social-care', happenedAt: '2026-11-23T16:00:00.000+00:00', s47Started: null }],
    };
    const m = byId(referralMilestones(closed, calendar, {}, '2026-11-30T09:00:00.000+00:00'));
    expect(m['strategy-discussion']?.state).toBe('not-required');
  });
});
