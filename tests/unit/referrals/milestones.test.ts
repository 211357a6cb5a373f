import { describe, expect, it } from 'vitest';
import { getBuiltInProcedure, sourceName, type LocalTimescales, type Procedure } from '../../../shared/procedures';
import {
  expectedEvents,
  referralMilestones,
  type MilestoneEvent,
  type MilestoneReferral,
  type ReferralRules,
} from '../../../shared/referrals/milestones';

// The statutory timeline of a referral: the national timescales (Working Together 2023) for every
// partnership, and only the setting's own procedure's local ones. Every date is worked out by hand
// in the comment beside it.

const england = { region: 'england-and-wales' } as const;

function procedure(id: string): Procedure {
  const found = getBuiltInProcedure(id);
  if (!found) throw new Error(`no built-in ${id}`);
  return found;
}

function rulesOf(id: string): ReferralRules {
  const p = procedure(id);
  return { timescales: p.localTimescales, source: sourceName(p) };
}

const berkshireWest = rulesOf('berkshire-west');
const liverpool = rulesOf('liverpool');
const bromley = rulesOf('bromley');

// Mon 23 Nov 2026 10:00 (GMT).
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

const socialCareDays =
  'Counted in children’s social care’s working days: weekends and bank holidays in England and Wales are skipped; your setting’s closure days are not (they are working days there)';

describe('national milestones, for every partnership', () => {
  it('a decision in one working day and an assessment in 45, counted in children’s social care’s working days', () => {
    const m = byId(referralMilestones(base, england, bromley, '2026-11-23T11:00:00.000+00:00'));
    // Bromley's policy sets no local referral timescale: no written follow-up, no strategy-discussion date.
    expect(Object.keys(m)).toEqual(['la-decision', 'single-assessment']);
    // One working day after Mon 23 Nov 2026: Tue 24 Nov.
    expect(m['la-decision']).toMatchObject({
      dueDate: '2026-11-24',
      state: 'due',
      owedBy: 'childrens-social-care',
      source: 'Working Together to Safeguard Children 2023 (paraphrased)',
    });
    expect(m['la-decision']?.explanation).toEqual([
      'Referral received Mon 23 Nov 2026 10:00',
      socialCareDays,
      '1 working day → due by end of Tue 24 Nov 2026',
    ]);
    // 45 working days after Mon 23 Nov 2026: Nov 24–27 (4), Nov 30–Dec 4 (9), Dec 7–11 (14), 14–18 (19),
    // 21–24 (23; Fri 25 Christmas Day, Mon 28 Boxing Day substitute), 29–31 (26; Fri 1 Jan New Year's
    // Day), Jan 4–8 (31), 11–15 (36), 18–22 (41), 25–28 (45): Thu 28 Jan 2027.
    expect(m['single-assessment']?.dueDate).toBe('2027-01-28');
  });

  it('a closure day of the setting never moves children’s social care’s deadline', () => {
    // The school's INSET day is Tue 24 Nov 2026. Social care works that day: its decision is still
    // due by the end of Tue 24 Nov, not Wed 25 Nov.
    const school = { region: 'england-and-wales', extraClosures: ['2026-11-24'] } as const;
    const m = byId(referralMilestones(base, school, liverpool, '2026-11-25T09:00:00.000+00:00'));
    expect(m['la-decision']).toMatchObject({ dueDate: '2026-11-24', state: 'overdue' });
    expect(m['la-decision']?.explanation.join('\n')).not.toContain('setting closed');
    expect(m['la-decision']?.explanation[1]).toBe(socialCareDays);
    // The written follow-up is the school's own, 24 elapsed hours in Liverpool: Tue 24 Nov 10:00.
    expect(m['written-follow-up']).toMatchObject({ dueAt: '2026-11-24T10:00:00.000+00:00', owedBy: 'setting' });
  });

  it('a closure day moves only the setting’s own deadline', () => {
    // A copy of Liverpool's procedure that gives the written follow-up one working day: the school's
    // own deadline, so the INSET day on Tue 24 Nov is skipped and it is due by the end of Wed 25 Nov.
    const timescales: LocalTimescales = {
      ...liverpool.timescales,
      'written-follow-up': { rule: { kind: 'working-days', days: 1 }, source: 'Set in this copy of the procedure.' },
    };
    const school = { region: 'england-and-wales', extraClosures: ['2026-11-24'] } as const;
    const m = byId(referralMilestones(base, school, { ...liverpool, timescales }, base.madeAt));
    expect(m['written-follow-up']?.dueDate).toBe('2026-11-25');
    expect(m['written-follow-up']?.explanation).toEqual([
      'Phone referral made Mon 23 Nov 2026 10:00',
      'Counted in your setting’s working days: weekends, bank holidays in England and Wales and your setting’s closure days are skipped',
      'Tue 24 Nov: setting closed (extra closure day)',
      '1 working day → due by end of Wed 25 Nov 2026',
    ]);
    expect(m['la-decision']?.dueDate).toBe('2026-11-24');
  });

  it('a bank holiday weekend is skipped, and the explanation says so', () => {
    // Fri 28 Aug 2026 16:00; Sat 29 and Sun 30 Aug are the weekend, Mon 31 Aug the Summer bank holiday.
    const friday: MilestoneReferral = { ...base, madeAt: '2026-08-28T16:00:00.000+01:00', category: 'complex' };
    const m = byId(referralMilestones(friday, england, berkshireWest, friday.madeAt));
    expect(m['la-decision']?.dueDate).toBe('2026-09-01');
    expect(m['la-decision']?.explanation).toEqual([
      'Referral received Fri 28 Aug 2026 16:00',
      socialCareDays,
      'Sat 29, Sun 30 Aug: weekend',
      'Mon 31 Aug: Summer bank holiday',
      '1 working day → due by end of Tue 1 Sep 2026',
    ]);
    // Berkshire West's five working days for complex concerns: Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 Sep.
    expect(m['strategy-discussion']?.dueDate).toBe('2026-09-07');
  });

  it('keeps the assessment’s 45 working days when a section 47 enquiry starts', () => {
    const s47: MilestoneReferral = {
      ...base,
      events: [{ kind: 'strategy-discussion', happenedAt: '2026-11-24T09:00:00.000+00:00', s47Started: true, settingAttended: true }],
    };
    expect(byId(referralMilestones(s47, england, berkshireWest, base.madeAt))['single-assessment']?.dueDate).toBe('2027-01-28');
  });
});

describe('local milestones come only from the setting’s own procedure', () => {
  it('Berkshire West: the strategy discussion by category, in children’s social care’s working days', () => {
    const m = byId(referralMilestones(base, england, berkshireWest, base.madeAt));
    // Berkshire West sets no written follow-up.
    expect(Object.keys(m)).toEqual(['la-decision', 'strategy-discussion', 'single-assessment']);
    // One working day after Mon 23 Nov 2026: end of Tue 24 Nov.
    expect(m['strategy-discussion']).toMatchObject({
      dueAt: '2026-11-24T23:59:59.000+00:00',
      owedBy: 'childrens-social-care',
      source: expect.stringContaining('Berkshire West Safeguarding Children Partnership'),
      sourceWords: '‘Strategy discussions/meetings must take place within one working day of child protection concerns being identified’',
    });
    for (const category of ['immediate-risk', 'penetrative-sexual-abuse'] as const) {
      expect(byId(referralMilestones({ ...base, category }, england, berkshireWest, base.madeAt))['strategy-discussion']?.dueAt).toBe(
        '2026-11-23T23:59:59.000+00:00',
      );
    }
    // Five working days after Mon 23 Nov 2026: Tue 24 – Fri 27 (4), Mon 30 Nov (5).
    expect(
      byId(referralMilestones({ ...base, category: 'complex' }, england, berkshireWest, base.madeAt))['strategy-discussion']?.dueDate,
    ).toBe('2026-11-30');
  });

  it('a procedure with no strategy-discussion timescale shows it as an event to record, with no invented date', () => {
    const m = byId(referralMilestones(base, england, liverpool, base.madeAt));
    expect(Object.keys(m)).toEqual(['written-follow-up', 'la-decision', 'single-assessment']);
    expect(m['written-follow-up']).toMatchObject({
      dueAt: '2026-11-24T10:00:00.000+00:00',
      sourceWords: '‘You should then follow up your concerns in writing within 24 hours using the Multi-Agency Referral Form.’',
      source: expect.stringContaining('Escalation Guidance Policy 2018'),
    });
    expect(expectedEvents(base, liverpool)).toEqual([
      {
        key: 'strategy-discussion',
        label: 'Strategy discussion',
        why: 'Your partnership’s procedure sets no time for a strategy discussion, and Working Together 2023 sets no number of days: record it when it happens.',
      },
    ]);
    // Once held, nothing is expected; a child in need referral never expects one; Berkshire West dates it instead.
    const held = {
      ...base,
      events: [{ kind: 'strategy-discussion', happenedAt: '2026-11-24T09:00:00.000+00:00', s47Started: false }],
    } as const;
    expect(expectedEvents(held, liverpool)).toEqual([]);
    expect(expectedEvents({ ...base, concern: 'child-in-need' }, liverpool)).toEqual([]);
    expect(expectedEvents(base, berkshireWest)).toEqual([]);
    // With no procedure chosen, no local timescale at all: only the national ones.
    expect(Object.keys(byId(referralMilestones(base, england, null, base.madeAt)))).toEqual(['la-decision', 'single-assessment']);
    expect(expectedEvents(base, null)[0]?.why).toContain('No procedure is chosen yet');
  });

  it('minutes are owed to the setting only after a strategy discussion it took part in', () => {
    const referral: MilestoneReferral = {
      ...base,
      events: [
        { kind: 'strategy-discussion', happenedAt: '2026-11-24T09:00:00.000+00:00', s47Started: false, settingAttended: false },
        { kind: 'strategy-discussion', happenedAt: '2026-11-30T09:00:00.000+00:00', s47Started: true, settingAttended: true },
        { kind: 'strategy-discussion', happenedAt: '2026-12-02T09:00:00.000+00:00', s47Started: false, settingAttended: null },
      ],
    };
    const m = byId(referralMilestones(referral, england, berkshireWest, '2026-12-01T12:00:00.000+00:00'));
    // Only the second discussion, which the school attended: 24 hours after Mon 30 Nov 09:00, Tue 1 Dec 09:00.
    expect(Object.keys(m).filter((id) => id.startsWith('strategy-minutes'))).toEqual(['strategy-minutes-2']);
    expect(m['strategy-minutes-2']).toMatchObject({
      dueAt: '2026-12-01T09:00:00.000+00:00',
      state: 'overdue',
      owedBy: 'childrens-social-care',
    });
    // Liverpool sets no time for minutes: none are tracked.
    expect(
      Object.keys(byId(referralMilestones(referral, england, liverpool, base.madeAt))).some((id) => id.startsWith('strategy-minutes')),
    ).toBe(false);
  });

  it('is overdue once the time passes with nothing recorded, and met late when recorded after', () => {
    const now = '2026-11-25T09:00:00.000+00:00';
    expect(byId(referralMilestones(base, england, berkshireWest, now))['strategy-discussion']?.state).toBe('overdue');
    const late: MilestoneReferral = {
      ...base,
      events: [{ kind: 'strategy-discussion', happenedAt: '2026-11-25T08:00:00.000+00:00', s47Started: false, settingAttended: true }],
    };
    expect(byId(referralMilestones(late, england, berkshireWest, now))['strategy-discussion']).toMatchObject({
      state: 'met-late',
      metAt: '2026-11-25T08:00:00.000+00:00',
    });
  });
});

describe('the ICPC and what follows it', () => {
  const s47: MilestoneEvent = {
    kind: 'strategy-discussion',
    happenedAt: '2026-11-24T09:00:00.000+00:00',
    s47Started: true,
    settingAttended: true,
  };

  it('runs the ICPC clock from the strategy discussion that started the section 47 enquiry, not the last one', () => {
    const referral: MilestoneReferral = {
      ...base,
      events: [
        s47,
        { kind: 'strategy-discussion', happenedAt: '2026-11-30T09:00:00.000+00:00', s47Started: false, settingAttended: false },
      ],
    };
    // 15 working days after Tue 24 Nov 2026: Nov 25–27 (3), Nov 30–Dec 4 (8), Dec 7–11 (13), Mon 14, Tue 15 (15).
    expect(byId(referralMilestones(referral, england, liverpool, '2026-12-01T09:00:00.000+00:00')).icpc).toMatchObject({
      dueDate: '2026-12-15',
      state: 'due',
    });
  });

  it('an ICPC that made no child protection plan owes no core group and no review', () => {
    const referral: MilestoneReferral = {
      ...base,
      events: [s47, { kind: 'icpc', happenedAt: '2026-12-14T10:00:00.000+00:00', s47Started: null, childProtectionPlan: false }],
    };
    const m = byId(referralMilestones(referral, england, liverpool, '2027-06-01T09:00:00.000+00:00'));
    expect(m.icpc).toMatchObject({ state: 'met', metAt: '2026-12-14T10:00:00.000+00:00' });
    expect(Object.keys(m)).toEqual(['written-follow-up', 'la-decision', 'icpc', 'single-assessment']);
  });

  it('an ICPC whose outcome is not recorded owes nothing further until it is: nothing is guessed', () => {
    const referral: MilestoneReferral = {
      ...base,
      events: [s47, { kind: 'icpc', happenedAt: '2026-12-14T10:00:00.000+00:00', s47Started: null, childProtectionPlan: null }],
    };
    const ids = Object.keys(byId(referralMilestones(referral, england, liverpool, '2027-06-01T09:00:00.000+00:00')));
    expect(ids).not.toContain('first-core-group');
    expect(ids).not.toContain('first-review-conference');
  });

  it('with a plan: the first core group in 10 working days, the first review within 3 months, then reviews every 6 months', () => {
    const icpc: MilestoneEvent = { kind: 'icpc', happenedAt: '2026-12-10T10:00:00.000+00:00', s47Started: null, childProtectionPlan: true };
    const firstReview: MilestoneEvent = { kind: 'review-conference', happenedAt: '2027-03-02T10:00:00.000+00:00', s47Started: null };
    const secondReview: MilestoneEvent = { kind: 'review-conference', happenedAt: '2027-08-31T10:00:00.000+01:00', s47Started: null };
    const referral: MilestoneReferral = { ...base, events: [s47, icpc, firstReview, secondReview] };
    const m = byId(referralMilestones(referral, england, liverpool, '2028-03-01T09:00:00.000+00:00'));
    // 10 working days after Thu 10 Dec 2026: Fri 11 (1), Mon 14 – Fri 18 (6), Mon 21 – Thu 24 (10).
    expect(m['first-core-group']).toMatchObject({ dueDate: '2026-12-24', state: 'overdue' });
    // Thu 10 Dec 2026 + 3 months: Wed 10 Mar 2027; held Tue 2 Mar 2027.
    expect(m['first-review-conference']).toMatchObject({
      dueDate: '2027-03-10',
      state: 'met',
      label: 'First review child protection conference',
    });
    // The second review within 6 months of the first held (Tue 2 Mar 2027): Thu 2 Sep 2027; held Tue 31 Aug 2027.
    expect(m['review-conference-2']).toMatchObject({
      key: 'review-conference',
      label: 'Second review child protection conference',
      dueDate: '2027-09-02',
      state: 'met',
      metAt: '2027-08-31T10:00:00.000+01:00',
    });
    // The third within 6 months of the second (Tue 31 Aug 2027): there is no 31 Feb 2028, so the last
    // day of February, Tue 29 Feb 2028 (a leap year). Not held by Wed 1 Mar 2028: overdue.
    expect(m['review-conference-3']).toMatchObject({
      label: 'Third review child protection conference',
      dueDate: '2028-02-29',
      state: 'overdue',
    });
    expect(m['review-conference-3']?.explanation).toEqual([
      'Previous review conference held Tue 31 Aug 2027 10:00',
      'There is no 31 Feb 2028, so the last day of that month is used',
      '6 months → due by end of Tue 29 Feb 2028',
    ]);
    expect(m['review-conference-4']).toBeUndefined();
  });

  it('reviews stop when the child protection plan ends', () => {
    const events: MilestoneEvent[] = [
      s47,
      { kind: 'icpc', happenedAt: '2026-12-10T10:00:00.000+00:00', s47Started: null, childProtectionPlan: true },
      { kind: 'first-core-group', happenedAt: '2026-12-17T10:00:00.000+00:00', s47Started: null },
      { kind: 'review-conference', happenedAt: '2027-03-02T10:00:00.000+00:00', s47Started: null },
    ];
    // Ended at the first review: no second review is owed.
    const endedAtReview = byId(
      referralMilestones(
        { ...base, events: [...events, { kind: 'cp-plan-ended', happenedAt: '2027-03-02T11:00:00.000+00:00', s47Started: null }] },
        england,
        liverpool,
        '2027-10-01T09:00:00.000+00:00',
      ),
    );
    expect(endedAtReview['first-core-group']?.state).toBe('met');
    expect(endedAtReview['first-review-conference']?.state).toBe('met');
    expect(endedAtReview['review-conference-2']).toBeUndefined();
    // Ended before the first review was held: the first review is no longer owed.
    const endedEarly = byId(
      referralMilestones(
        {
          ...base,
          events: [...events.slice(0, 3), { kind: 'cp-plan-ended', happenedAt: '2027-02-01T11:00:00.000+00:00', s47Started: null }],
        },
        england,
        liverpool,
        '2027-10-01T09:00:00.000+00:00',
      ),
    );
    expect(endedEarly['first-review-conference']?.state).toBe('not-required');
    expect(endedEarly['review-conference-2']).toBeUndefined();
  });

  it('stops owing milestones when children’s social care closes the referral', () => {
    const closed: MilestoneReferral = {
      ...base,
      events: [{ kind: 'closed-by-social-care', happenedAt: '2026-11-23T16:00:00.000+00:00', s47Started: null }],
    };
    const m = byId(referralMilestones(closed, england, berkshireWest, '2026-11-30T09:00:00.000+00:00'));
    expect(m['strategy-discussion']?.state).toBe('not-required');
    expect(m['single-assessment']?.state).toBe('not-required');
    expect(expectedEvents(closed, liverpool)).toEqual([]);
  });
});
