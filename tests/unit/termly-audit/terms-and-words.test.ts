import { describe, expect, it } from 'vitest';
import { comparisonPeriods, resolvePeriod, termContaining } from '../../../shared/termly-audit/periods';
import { defaultTermDates, easterMonday, schoolYearOf, termDatesIssues, termsOfYear } from '../../../shared/termly-audit/terms';
import { initialsOf, looksLikeInitials, recordReference, saysNothing, withNamesReplaced } from '../../../shared/termly-audit/names';
import { WorkingDayCounter } from '../../../shared/termly-audit/working-days';
import { termlyAudit } from '../../../shared/termly-audit/figures';
import type { AuditEscalationFact } from '../../../shared/termly-audit/types';

// The pure parts of the termly audit, with answers worked out by hand: the default terms, the
// periods and what they are compared with, counting working days, and the judgements about words.

describe('the default English terms', () => {
  it('run autumn 1 Sep–31 Dec, spring 1 Jan–Easter Monday, summer to 31 Aug', () => {
    // Easter Sunday 2027 is 28 March; 2028, 16 April.
    expect(easterMonday(2027)).toBe('2027-03-29');
    expect(easterMonday(2028)).toBe('2028-04-17');
    expect(defaultTermDates(2027).map((term) => [term.term, term.startsOn, term.endsOn])).toEqual([
      ['autumn', '2027-09-01', '2027-12-31'],
      ['spring', '2028-01-01', '2028-04-17'],
      ['summer', '2028-04-18', '2028-08-31'],
    ]);
  });

  it('give way to a year the DSL entered in full', () => {
    const entered = [
      { schoolYear: 2026, term: 'autumn' as const, startsOn: '2026-09-03', endsOn: '2026-12-18' },
      { schoolYear: 2026, term: 'spring' as const, startsOn: '2027-01-05', endsOn: '2027-03-26' },
      { schoolYear: 2026, term: 'summer' as const, startsOn: '2027-04-12', endsOn: '2027-07-21' },
    ];
    expect(termsOfYear(2026, entered).every((term) => term.entered)).toBe(true);
    expect(termsOfYear(2027, entered).some((term) => term.entered)).toBe(false);
    expect(termContaining('2026-12-24', (year) => termsOfYear(year, entered))).toBeNull();
    expect(termContaining('2026-12-24', defaultTermDates)?.term).toBe('autumn');
  });

  it('say what is wrong with entered dates', () => {
    expect(
      termDatesIssues(2026, [
        { term: 'autumn', startsOn: '2026-08-28', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2027-03-26', endsOn: '2027-01-05' },
      ]).map((issue) => [issue.term, issue.field, issue.message]),
    ).toEqual([
      ['autumn', 'startsOn', 'The autumn term must fall within the school year 2026/27 (01/09/2026 to 31/08/2027).'],
      ['spring', 'endsOn', 'The spring term cannot end before it starts.'],
      ['summer', null, 'Enter the dates of the summer term.'],
    ]);
  });

  it('say a school year they cannot be checked against, never throwing', () => {
    const terms = [
      { term: 'autumn', startsOn: '2026-09-01', endsOn: '2026-12-18' },
      { term: 'spring', startsOn: '2027-01-05', endsOn: '2027-03-26' },
      { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
    ] as const;
    for (const year of [10000, -1, 1.5, Number.NaN, 1989, 2201]) {
      expect(termDatesIssues(year, terms).map((issue) => issue.message)).toEqual(['Choose a school year from 1990/91 to 2200/01.']);
    }
    expect(termDatesIssues(2026, terms)).toEqual([]);
  });

  it('place a date in its school year', () => {
    expect(schoolYearOf('2026-08-31')).toBe(2025);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
  });
});

describe('periods', () => {
  it('compare a term, and a school year, with the three terms before it', () => {
    const term = { kind: 'term', schoolYear: 2027, term: 'spring' } as const;
    expect(resolvePeriod(term, defaultTermDates)).toEqual({ label: 'Spring term 2028', from: '2028-01-01', to: '2028-04-17' });
    expect(comparisonPeriods(term, defaultTermDates).map((period) => period.label)).toEqual([
      'Spring term 2027',
      'Summer term 2027',
      'Autumn term 2027',
    ]);
    expect(comparisonPeriods({ kind: 'year', schoolYear: 2027 }, defaultTermDates).map((period) => period.label)).toEqual([
      'Autumn term 2026',
      'Spring term 2027',
      'Summer term 2027',
    ]);
  });
});

describe('counting working days', () => {
  it('counts the days after the first date up to and including the last, skipping weekends, bank holidays and, for the setting, its closures', () => {
    const agencies = new WorkingDayCounter('england-and-wales');
    const setting = new WorkingDayCounter('england-and-wales', ['2026-11-23']);
    // Fri 20/11 to Tue 24/11: Mon 23 and Tue 24; the setting's INSET day on Mon 23 is not its working day.
    expect(agencies.between('2026-11-20T23:59:59.000+00:00', '2026-11-24T11:00:00.000Z')).toBe(2);
    expect(setting.between('2026-11-20T23:59:59.000+00:00', '2026-11-24T11:00:00.000Z')).toBe(1);
    // Thu 24/12/2026 to Mon 04/01/2027: Tue 29, Wed 30, Thu 31 and Mon 04 (25/12, 28/12 and 01/01 are bank holidays).
    expect(agencies.between('2026-12-24T09:00:00.000Z', '2027-01-04T09:00:00.000Z')).toBe(4);
    // The same day, and a later time on an earlier date, are 0.
    expect(agencies.between('2026-12-24T09:00:00.000Z', '2026-12-24T17:00:00.000Z')).toBe(0);
    expect(agencies.between('2026-12-24T09:00:00.000Z', '2026-12-23T17:00:00.000Z')).toBe(0);
    // 23:30 in London on 31/10/2026 (after the clocks went back) is still the 31st.
    expect(agencies.between('2026-10-30T12:00:00.000+01:00', '2026-10-31T23:30:00.000+00:00')).toBe(0);
  });
});

describe('words', () => {
  it('tells initials from full names', () => {
    for (const name of ['J. Okonkwo', 'J Okonkwo', 'J.O.', 'JO', 'Okonkwo', 'J.S. Smith']) expect(looksLikeInitials(name), name).toBe(true);
    for (const name of ['Jo Okonkwo', 'Mary J. Blige', 'Siân Ó Fearghail', 'Nguyễn Văn An', '李 小龙', 'Zoë Ng'])
      expect(looksLikeInitials(name), name).toBe(false);
  });

  it('tells a rationale that says nothing', () => {
    for (const text of ['', ' n/a ', 'N/A.', '-', 'See above', 'none', 'TBC']) expect(saysNothing(text), text).toBe(true);
    expect(saysNothing('No: the threshold document supports a referral.')).toBe(false);
  });

  it('refers to a record by date and initials, and takes names out of free text', () => {
    expect(initialsOf('Zephyrine', 'Quillfeather')).toBe('ZQ');
    expect(initialsOf('Łucja', 'Ćwik')).toBe('ŁĆ');
    expect(recordReference('E', '2026-11-02', 'ZQ', 1)).toBe('E-2026-11-02-ZQ');
    expect(recordReference('E', '2026-11-02', 'ZQ', 2)).toBe('E-2026-11-02-ZQ-2');
    expect(
      withNamesReplaced('Zephyrine said ZEPHYRINE’s mum; Quillfeathers’ house.', [{ name: 'Zephyrine Quillfeather', with: 'ZQ' }]),
    ).toBe('ZQ said ZQ’s mum; Quillfeathers’ house.');
  });
});

describe('names recorded before full names were required', () => {
  it('are each a gap, once per person, linked to the escalation', () => {
    const escalation: AuditEscalationFact = {
      id: 'e1',
      child: { id: 'c1', firstName: 'Ada', lastName: 'Stone' },
      categoryLabel: 'Delay or inaction',
      otherAgencyKindLabel: 'Police',
      otherAgencyName: 'Police',
      otherProfessional: { name: 'D. Okafor', role: 'Detective Constable' },
      status: 'open',
      openedAt: '2026-11-02T09:00:00.000Z',
      closedAt: null,
      procedureName: 'Bromley (BSCP) escalation policy',
      stages: [
        {
          recordId: 's1',
          label: 'Stage 1',
          title: 'Front-line',
          position: 0,
          startedAt: '2026-11-02T09:00:00.000Z',
          outcome: null,
          outcomeAt: null,
          target: null,
          forms: [],
        },
      ],
      entries: [
        {
          id: 'n1',
          stageRecordId: 's1',
          occurredAt: '2026-11-03T10:00:00.000Z',
          rationale: 'Because the visits lapsed.',
          participants: [
            { name: 'Priya Raman', role: 'DSL', agency: null },
            { name: 'D. Okafor', role: 'DC', agency: 'Police' },
          ],
          toldOfOutcome: [{ name: 'AD', role: 'Class teacher', agency: null }],
          originalReferrerTold: false,
        },
      ],
      actions: [],
      resolution: null,
      learningReview: null,
      documents: [],
    };
    const audit = termlyAudit(
      {
        now: '2026-11-04T09:00:00.000Z',
        settingName: 'Northway',
        region: 'england-and-wales',
        regionLabel: 'England and Wales',
        closures: [],
        staffNames: ['Priya Raman'],
        escalations: [escalation],
        referrals: [],
      },
      { label: 'November', from: '2026-11-01', to: '2026-11-30' },
      [],
    );
    expect(audit.gaps.map((gap) => [gap.kind, gap.what])).toEqual([
      ['name-initials', '“D. Okafor” (the other professional) is not written in full (first and last name).'],
      ['name-initials', '“AD” (told of the outcome on 03/11/2026) is not written in full (first and last name).'],
    ]);
  });
});
