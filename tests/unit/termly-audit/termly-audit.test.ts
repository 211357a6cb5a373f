import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../shared/api';
import type { TermlyAudit } from '../../../shared/termly-audit/types';
import { call, ok, PASSPHRASE } from '../../../scripts/fixtures/core';
import { pdfInfo, pdfText } from '../documents/pdf-text';
import { buildHandBuiltRecords, NOW, type HandBuilt } from './hand-built';

// Every figure of the termly audit on the small data set in hand-built.ts, with the answers worked
// out by hand below (each comment shows the working). Run on Wed 20/01/2027 12:00. Bank holidays in
// England and Wales: Fri 25/12/2026, Mon 28/12/2026 (Boxing Day substitute), Fri 01/01/2027.

let data: HandBuilt;

beforeAll(async () => {
  data = await buildHandBuiltRecords();
}, 60_000);

function run(period: Parameters<typeof ok<'termlyAudit.run'>>[2]['period']): Promise<TermlyAudit> {
  return ok(data.core, 'termlyAudit.run', { period });
}

const refs = {
  e1: 'E-2026-11-02-ZQ',
  e2: 'E-2026-12-07-KM',
  e3: 'E-2026-12-14-JO',
  e4: 'E-2026-12-31-ZQ',
  e5: 'E-2027-01-01-KM',
  r1: 'R-2026-10-12-ZQ',
  r2: 'R-2026-12-15-KM',
};

const none = { inAudit: 0, carriedIn: 0, opened: 0, resolved: 0, closedUnresolved: 0, stillOpen: 0 };

describe('the autumn term 2026 (01/09/2026 to 31/12/2026)', () => {
  let audit: TermlyAudit;
  beforeAll(async () => {
    audit = await run({ kind: 'term', schoolYear: 2026, term: 'autumn' });
  });

  it('covers the escalations open at some time in the term, E4 (opened at 23:30 on its last day) but not E5', () => {
    expect(audit.period).toEqual({ label: 'Autumn term 2026', from: '2026-09-01', to: '2026-12-31' });
    expect(audit.generatedAt).toBe(NOW);
    expect(audit.escalations.map((line) => line.record.reference)).toEqual([refs.e1, refs.e2, refs.e3, refs.e4]);
    // Carried in 0 + opened 4 = resolved 1 (E1) + closed unresolved 0 + still open at the end 3 (E2, E3, E4).
    expect(audit.counts).toEqual({ inAudit: 4, carriedIn: 0, opened: 4, resolved: 1, closedUnresolved: 0, stillOpen: 3 });
    // E2 spans the two terms: open at the end of this one, resolved in the next.
    expect(audit.escalations.find((line) => line.record.reference === refs.e2)).toMatchObject({ statusAtEnd: 'open', closedAt: null });
    expect(audit.procedures).toEqual(['Bromley (BSCP) escalation policy', 'Liverpool escalation guidance (LSCB)']);
  });

  it('times resolution in working days: E1, Mon 02/11 to Wed 25/11, is 4 + 5 + 5 + 3 = 17', () => {
    expect(audit.resolution).toMatchObject({ resolvedCount: 1, medianWorkingDays: 17, longestWorkingDays: 17 });
    expect(audit.resolution.longest?.reference).toBe(refs.e1);
    expect(audit.resolution.buckets.map((bucket) => bucket.count)).toEqual([0, 0, 1, 0, 0]);
    expect(audit.escalations[0]).toMatchObject({ workingDaysToResolution: 17, statusAtEnd: 'resolved' });
  });

  it('counts by month, category, kind of agency, agency and highest stage reached by 31/12', () => {
    expect(audit.byMonth).toEqual([
      { month: '2026-09', label: 'Sep 2026', opened: 0, resolved: 0, closedUnresolved: 0 },
      { month: '2026-10', label: 'Oct 2026', opened: 0, resolved: 0, closedUnresolved: 0 },
      { month: '2026-11', label: 'Nov 2026', opened: 1, resolved: 1, closedUnresolved: 0 },
      { month: '2026-12', label: 'Dec 2026', opened: 3, resolved: 0, closedUnresolved: 0 },
    ]);
    expect(audit.byCategory).toEqual([
      { label: 'Delay or inaction', count: 1 },
      { label: 'Roles and responsibilities are unclear', count: 1 },
      { label: 'Sharing or withholding information', count: 1 },
      { label: 'Thresholds or the level of the child’s needs', count: 1 },
    ]);
    expect(audit.byAgencyKind).toEqual([
      { label: 'A school', count: 1 },
      { label: 'Children’s social care', count: 1 },
      { label: 'Health', count: 1 },
      { label: 'Police', count: 1 },
    ]);
    expect(audit.byAgency.map((row) => [row.label, row.kindLabel, row.count])).toEqual([
      ['Liverpool Careline', 'Children’s social care', 1],
      ['Merseyside Police Public Protection Unit', 'Police', 1],
      ['Riverside Health Visiting Team', 'Health', 1],
      ['St Mary’s Church of England Primary School', 'A school', 1],
    ]);
    // E1 reached Stage 3; E2 Stage 2 (from 11/12); E3 and E4 Stage 1.
    expect(audit.byHighestStage).toEqual([
      { label: 'Stage 1', count: 2 },
      { label: 'Stage 2', count: 1 },
      { label: 'Stage 3', count: 1 },
    ]);
    expect(audit.escalations.map((line) => line.highestStage)).toEqual([
      'Stage 3: Escalation to LSCB Safeguarding Representative',
      'Stage 2: Escalation to Organisation Safeguarding Representative',
      'Stage 1: Front-line Professional to Professional',
      'Stage 1: Attempt Resolution; Escalate to Line Manager',
    ]);
  });

  it('sorts the deadlines due in the term into met on time, met late and still overdue, by kind and by whose they were', () => {
    // Milestones: R1's assessment met on time; R1's written follow-up and decision met late; R2's decision overdue.
    // Stage targets: E3's Stage 1 (Bromley, one working week) overdue; Liverpool's stages set none.
    // Actions: A3 met on time; A1 and A2 met late. (A4 is due in January.)
    expect(audit.timescales.total).toEqual({ metOnTime: 2, metLate: 4, overdue: 2 });
    expect(audit.timescales.byKind).toEqual([
      { kind: 'milestone', label: 'Referral milestones', metOnTime: 1, metLate: 2, overdue: 1 },
      { kind: 'stage-target', label: 'Escalation stage targets', metOnTime: 0, metLate: 0, overdue: 1 },
      { kind: 'action', label: 'Agreed actions', metOnTime: 1, metLate: 2, overdue: 0 },
    ]);
    expect(audit.timescales.byWhose.map((row) => [row.whose, row.metOnTime, row.metLate, row.overdue])).toEqual([
      ['setting', 0, 2, 0], // R1's written follow-up, A2 (Priya Raman, the DSL)
      ['other-agency', 1, 2, 1], // R1's assessment; R1's decision, A1 (Grace Adeyemi); R2's decision
      ['shared', 0, 0, 1], // E3's Stage 1 target
      ['named-person', 1, 0, 0], // A3 (Tomasz Nowak, agency not recorded)
    ]);
  });

  it('lists each late deadline with how late and whose it was, counting the owner’s working days', () => {
    expect(
      audit.timescales.late.map((late) => [
        late.what,
        late.record.reference,
        late.dueAt.slice(0, 16),
        late.lateBy,
        late.whose,
        late.whoseLabel,
      ]),
    ).toEqual([
      // Due Tue 13/10 10:00 (24 hours after the phone referral), sent Wed 14/10 09:00: 23 hours.
      [
        'Written follow-up of the phone referral',
        refs.r1,
        '2026-10-13T10:00',
        '23 hours late',
        'setting',
        'The setting (Northway Primary and Nursery School)',
      ],
      // Due end of Tue 13/10 (1 working day), received Thu 15/10: Wed 14, Thu 15.
      [
        "Children's social care decision and acknowledgement",
        refs.r1,
        '2026-10-13T23:59',
        '2 working days late',
        'other-agency',
        'Children’s social care (Liverpool Careline)',
      ],
      // Due end of Fri 20/11, done Tue 24/11. Grace Adeyemi is Liverpool Careline's: the school's INSET day on
      // Mon 23/11 is a working day for her, so Mon 23 and Tue 24 both count.
      [
        'Agreed action: Send the strategy meeting minutes to the school',
        refs.e1,
        '2026-11-20T23:59',
        '2 working days late',
        'other-agency',
        'Grace Adeyemi (Social worker), Liverpool Careline',
      ],
      // The same dates, but the DSL's own action: the INSET day is not one of the setting's working days: Tue 24 only.
      [
        'Agreed action: Share the attendance record with the social worker',
        refs.e1,
        '2026-11-20T23:59',
        '1 working day late',
        'setting',
        'Priya Raman (Designated Safeguarding Lead), the setting',
      ],
      // Due end of Wed 16/12, not met by Wed 20/01: Dec 17–18 (2), 21–24 (4), 29–31 (3), Jan 4–8 (5), 11–15 (5), 18–20 (3).
      [
        "Children's social care decision and acknowledgement",
        refs.r2,
        '2026-12-16T23:59',
        'Overdue by 22 working days',
        'other-agency',
        'Children’s social care (Liverpool Careline)',
      ],
      // Started Mon 14/12 + 5 working days = end of Mon 21/12; not ended by Wed 20/01: Dec 22–24 (3), 29–31 (3), Jan 4–8, 11–15 (10), 18–20 (3).
      [
        'Stage 1 target: Front-line Professional to Professional',
        refs.e3,
        '2026-12-21T23:59',
        'Overdue by 19 working days',
        'shared',
        'Both agencies: Northway Primary and Nursery School and Merseyside Police Public Protection Unit',
      ],
    ]);
    expect(audit.timescales.late.map((late) => late.lateWorkingDays)).toEqual([1, 2, 2, 1, 22, 19]);
    expect(audit.timescales.late[0]?.lateHours).toBe(23);
  });

  it('finds every record-quality gap, each linked to the record where it is fixed', () => {
    const gaps = audit.gaps.map((gap) => [gap.record.reference, gap.kind, gap.record.link.type]);
    expect(gaps).toEqual([
      [refs.e1, 'entry-without-rationale', 'escalation'], // Stage 2's rationale is "n/a"
      [refs.e1, 'referrer-not-told', 'escalation'],
      [refs.e1, 'no-outcome-statement', 'escalation'], // resolved, statement never made as a document
      [refs.e1, 'form-not-made', 'escalation'], // Stage 3's Report to LSCB
      [refs.e3, 'stage-not-recorded', 'escalation'], // its current stage
      [refs.e3, 'action-past-date', 'escalation'], // A4, due 08/01/2027
      [refs.e3, 'name-initials', 'child'], // "J. Okonkwo": fixed on the child's record
      [refs.e4, 'stage-not-recorded', 'escalation'], // closed with nothing recorded
      [refs.e4, 'referrer-not-told', 'escalation'],
      [refs.e4, 'no-learning-review', 'escalation'],
    ]);
    expect(audit.gaps.find((gap) => gap.kind === 'name-initials')?.record.link.id).toBe(data.children.okonkwo);
    expect(audit.gaps.find((gap) => gap.kind === 'form-not-made')?.what).toBe(
      'Stage 3: the procedure asks for the Report to LSCB: Multi-Agency Resolution Levels 3 and 4; none was made.',
    );
    expect(audit.gaps.find((gap) => gap.kind === 'entry-without-rationale')?.what).toBe(
      'The conversation of 06/11/2026 10:00 at Stage 2 gives no rationale for its decision.',
    );
    expect(audit.gaps.filter((gap) => gap.kind === 'stage-not-recorded').map((gap) => gap.fix)).toEqual([
      'Record the conversation and decision at Stage 1.',
      'This stage has ended, so nothing more can be recorded at it: say why in the learning review.',
    ]);
    expect(Object.fromEntries(audit.gapCounts.map((row) => [row.kind, row.count]))).toEqual({
      'stage-not-recorded': 2,
      'entry-without-rationale': 1,
      'referrer-not-told': 2,
      'no-outcome-statement': 1,
      'no-learning-review': 1,
      'action-past-date': 1,
      'form-not-made': 1,
      'name-initials': 1,
    });
    expect(audit.escalations.map((line) => line.gaps)).toEqual([4, 0, 3, 3]);
  });

  it('gathers the learning points reviewed in the term, with the issues for the partnership', () => {
    expect(audit.learning).toEqual([
      expect.objectContaining({
        reviewedBy: 'Priya Raman',
        wentWell: 'The Stage 3 meeting agreed a plan quickly.',
        issuesForPartnership: 'Minutes of Liverpool Careline strategy meetings reach schools late; raise with the LSCB.',
        hasIssues: true,
        reportedToPartnershipAt: null,
      }),
    ]);
    expect(audit.learning[0]?.record.reference).toBe(refs.e1);
  });

  it('compares with the previous three terms, which hold no records, oldest first', () => {
    expect(audit.comparison.map((row) => [row.label, row.from, row.to, row.current])).toEqual([
      ['Autumn term 2025', '2025-09-01', '2025-12-31', false],
      ['Spring term 2026', '2026-01-01', '2026-04-06', false], // Easter Monday 2026 is 06/04
      ['Summer term 2026', '2026-04-07', '2026-08-31', false],
      ['Autumn term 2026', '2026-09-01', '2026-12-31', true],
    ]);
    for (const row of audit.comparison.slice(0, 3)) {
      expect(row).toMatchObject({ ...none, metOnTime: 0, metLate: 0, overdue: 0, medianWorkingDaysToResolution: null });
    }
    expect(audit.comparison[3]).toMatchObject({ ...audit.counts, metOnTime: 2, metLate: 4, overdue: 2, medianWorkingDaysToResolution: 17 });
  });
});

describe('the spring term 2027 (01/01/2027 to Easter Monday 29/03/2027), not yet over', () => {
  let audit: TermlyAudit;
  beforeAll(async () => {
    audit = await run({ kind: 'term', schoolYear: 2026, term: 'spring' });
  });

  it('carries in E2, E3 and E4, counts E5 (opened at 00:30 on its first day) as opened, and E2 as resolved', () => {
    expect(audit.period).toEqual({ label: 'Spring term 2027', from: '2027-01-01', to: '2027-03-29' });
    expect(audit.escalations.map((line) => line.record.reference)).toEqual([refs.e2, refs.e3, refs.e4, refs.e5]);
    // Carried in 3 + opened 1 = resolved 1 (E2) + closed unresolved 1 (E4) + still open 2 (E3, E5).
    expect(audit.counts).toEqual({ inAudit: 4, carriedIn: 3, opened: 1, resolved: 1, closedUnresolved: 1, stillOpen: 2 });
    expect(audit.byMonth).toEqual([
      { month: '2027-01', label: 'Jan 2027', opened: 1, resolved: 1, closedUnresolved: 1 },
      { month: '2027-02', label: 'Feb 2027', opened: 0, resolved: 0, closedUnresolved: 0 },
      { month: '2027-03', label: 'Mar 2027', opened: 0, resolved: 0, closedUnresolved: 0 },
    ]);
    expect(audit.byHighestStage).toEqual([
      { label: 'Stage 1', count: 3 },
      { label: 'Stage 2', count: 1 },
    ]);
  });

  it('times E2, which spans the two terms, from Mon 07/12/2026 to Tue 12/01/2027: 23 working days', () => {
    // Dec 8–11 (4), 14–18 (5), 21–24 (4), 29–31 (3), Jan 4–8 (5), 11–12 (2); 25/12, 28/12 and 01/01 are bank holidays.
    expect(audit.resolution).toMatchObject({ resolvedCount: 1, medianWorkingDays: 23, longestWorkingDays: 23 });
    expect(audit.resolution.longest?.reference).toBe(refs.e2);
    expect(audit.resolution.buckets.map((bucket) => bucket.count)).toEqual([0, 0, 0, 1, 0]);
  });

  it('counts only deadlines already due: A4 overdue; R2’s assessment (due 19/02/2027) is left out', () => {
    expect(audit.timescales.total).toEqual({ metOnTime: 0, metLate: 0, overdue: 1 });
    // Due end of Fri 08/01, not done by Wed 20/01: Jan 11–15 (5), 18–20 (3). Daniel Okafor is the other professional.
    expect(audit.timescales.late.map((late) => [late.what, late.lateBy, late.whose, late.whoseLabel])).toEqual([
      [
        'Agreed action: Confirm whether the interview has taken place',
        'Overdue by 8 working days',
        'other-agency',
        'Daniel Okafor (Detective Constable), Merseyside Police Public Protection Unit',
      ],
    ]);
  });

  it('shows the gaps of the escalations it covers (E3 and E4; E2 and E5 have none) and E2’s learning review', () => {
    expect(audit.gaps.map((gap) => [gap.record.reference, gap.kind])).toEqual([
      [refs.e3, 'stage-not-recorded'],
      [refs.e3, 'action-past-date'],
      [refs.e3, 'name-initials'],
      [refs.e4, 'stage-not-recorded'],
      [refs.e4, 'referrer-not-told'],
      [refs.e4, 'no-learning-review'],
    ]);
    expect(audit.learning.map((point) => [point.record.reference, point.hasIssues])).toEqual([[refs.e2, false]]);
  });

  it('compares with autumn 2026 (the same figures as its own audit), summer 2026 and spring 2026', async () => {
    const autumn = await run({ kind: 'term', schoolYear: 2026, term: 'autumn' });
    expect(audit.comparison.map((row) => row.label)).toEqual([
      'Spring term 2026',
      'Summer term 2026',
      'Autumn term 2026',
      'Spring term 2027',
    ]);
    expect(audit.comparison[2]).toEqual({ ...autumn.comparison[3], current: false });
  });
});

describe('a school year and any range of dates', () => {
  it('audits the school year 2026/27 with both terms’ records, against the three terms of the year before', async () => {
    const audit = await run({ kind: 'year', schoolYear: 2026 });
    expect(audit.period).toEqual({ label: 'School year 2026/27', from: '2026-09-01', to: '2027-08-31' });
    // Opened 5 = resolved 2 (E1, E2) + closed unresolved 1 (E4) + still open 2 (E3, E5).
    expect(audit.counts).toEqual({ inAudit: 5, carriedIn: 0, opened: 5, resolved: 2, closedUnresolved: 1, stillOpen: 2 });
    // Median of 17 and 23 is 20; the longest is E2's 23.
    expect(audit.resolution).toMatchObject({ resolvedCount: 2, medianWorkingDays: 20, longestWorkingDays: 23 });
    expect(audit.timescales.total).toEqual({ metOnTime: 2, metLate: 4, overdue: 3 });
    expect(audit.byMonth).toHaveLength(12);
    expect(audit.comparison.map((row) => row.label)).toEqual([
      'Autumn term 2025',
      'Spring term 2026',
      'Summer term 2026',
      'School year 2026/27',
    ]);
  });

  it('audits a single day either side of the term boundary', async () => {
    const lastDay = await run({ kind: 'range', from: '2026-12-31', to: '2026-12-31' });
    expect(lastDay.period.label).toBe('31/12/2026 to 31/12/2026');
    expect(lastDay.escalations.map((line) => line.record.reference)).toEqual([refs.e2, refs.e3, refs.e4]);
    expect(lastDay.counts).toEqual({ inAudit: 3, carriedIn: 2, opened: 1, resolved: 0, closedUnresolved: 0, stillOpen: 3 });
    const firstDay = await run({ kind: 'range', from: '2027-01-01', to: '2027-01-01' });
    expect(firstDay.counts).toEqual({ inAudit: 4, carriedIn: 3, opened: 1, resolved: 0, closedUnresolved: 0, stillOpen: 4 });
    // A range is compared with the three terms that ended before it began (autumn 2026 had not).
    expect(lastDay.comparison.map((row) => row.label)).toEqual([
      'Autumn term 2025',
      'Spring term 2026',
      'Summer term 2026',
      '31/12/2026 to 31/12/2026',
    ]);
  });
});

describe('the PDF for the governing body', () => {
  function text(file: ApiOutput<'termlyAudit.document'>): Promise<string> {
    return pdfText(Buffer.from(file.base64, 'base64'));
  }

  it('is A4, marked OFFICIAL-SENSITIVE on every page, with the figures, charts, timescales, gaps and learning points', async () => {
    const file = await ok(data.core, 'termlyAudit.document', {
      period: { kind: 'term', schoolYear: 2026, term: 'autumn' },
      leaveOutNames: false,
    });
    const bytes = Buffer.from(file.base64, 'base64');
    const info = await pdfInfo(bytes);
    expect(info['Page size']).toContain('(A4)');
    expect(info.Title).toBe('Termly audit of escalation records');
    const pages = (await text(file)).split('\f');
    for (const [index, page] of pages.entries()) {
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length).toBe(2);
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain('Generated by Priya Raman (Designated Safeguarding Lead) on 20/01/2027 12:00');
    }
    const all = pages.join('\n');
    for (const words of [
      'Autumn term 2026',
      '01/09/2026 to 31/12/2026',
      'Escalations opened and resolved, by month',
      '1 opened, 1 resolved, 0 closed',
      'Highest stage reached',
      'Time to resolution',
      '1 on time, 2 late, 1 overdue',
      'Compared with the previous three terms',
      '22 working',
      'Zephyrine Quillfeather',
      'E-2026-11-02-ZQ',
      'none was made',
      'Policy or practice issues to pass to the safeguarding partnership',
      'raise with the LSCB',
    ]) {
      expect(all).toContain(words);
    }
    expect(file.fileName).toMatch(/^Termly audit Autumn term 2026 - 20-01-2027 - ref [0-9A-F]{8}\.pdf$/);
  });

  it('leaves children’s names out when asked: initials and record references instead', async () => {
    const file = await ok(data.core, 'termlyAudit.document', { period: { kind: 'year', schoolYear: 2026 }, leaveOutNames: true });
    const all = await text(file);
    for (const name of ['Zephyrine', 'Quillfeather', 'Kofi', 'Mensah', 'Okonkwo']) expect(all).not.toContain(name);
    expect(all).toContain('E-2026-11-02-ZQ');
    expect(all).toContain('The child’s name is recorded as initials.');
    expect(all).toContain('Names left out');
  });

  it('can be made by a read-only user (a head teacher), and is kept with its fingerprint and logged', async () => {
    const passphrase = 'orchard lantern pebble meadow';
    await ok(data.core, 'users.add', { fullName: 'Margaret Ellis', role: 'read-only', passphrase, passphraseConfirm: passphrase });
    await ok(data.core, 'session.lock', {});
    await ok(data.core, 'session.unlock', { passphrase });
    try {
      expect((await run({ kind: 'term', schoolYear: 2026, term: 'autumn' })).counts.inAudit).toBe(4);
      const file = await ok(data.core, 'termlyAudit.document', {
        period: { kind: 'term', schoolYear: 2026, term: 'spring' },
        leaveOutNames: true,
      });
      expect(await text(file)).toContain('Generated by Margaret Ellis (Read-only)');
      const stored = await ok(data.core, 'documents.get', { id: file.id });
      expect(stored.base64).toBe(file.base64);
      const list = await ok(data.core, 'termlyAudit.documents', {});
      expect(list[0]).toMatchObject({
        id: file.id,
        title: 'Termly audit of escalation records: Spring term 2027 (children’s names left out)',
        createdBy: 'Margaret Ellis',
      });
      const db = data.core.session.current?.db;
      if (!db) throw new Error('locked');
      const logged = await db.selectFrom('audit_log').select(['action', 'entity_id', 'summary']).where('entity_id', '=', file.id).execute();
      expect(logged).toEqual(
        expect.arrayContaining([
          {
            action: 'document.made',
            entity_id: file.id,
            summary: 'Made: Termly audit of escalation records: Spring term 2027 (children’s names left out)',
          },
        ]),
      );
      // Read-only users may not change the term dates.
      expect(await call(data.core, 'terms.useDefault', { schoolYear: 2026 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await ok(data.core, 'session.lock', {});
      await ok(data.core, 'session.unlock', { passphrase: PASSPHRASE });
    }
  });
});

describe('term dates', () => {
  it('offer the English default, follow what the DSL enters, and go back to the default', async () => {
    const view = await ok(data.core, 'terms.get', {});
    expect(view.currentSchoolYear).toBe(2026);
    expect(view.currentTerm).toEqual({ schoolYear: 2026, term: 'spring' });
    // From last year (no records are older) to next year, newest first.
    expect(view.years.map((year) => year.label)).toEqual(['2027/28', '2026/27', '2025/26']);
    const thisYear = view.years.find((year) => year.schoolYear === 2026);
    expect(thisYear?.entered).toBe(false);
    expect(thisYear?.terms.map((term) => [term.label, term.startsOn, term.endsOn])).toEqual([
      ['Autumn term 2026', '2026-09-01', '2026-12-31'],
      ['Spring term 2027', '2027-01-01', '2027-03-29'],
      ['Summer term 2027', '2027-03-30', '2027-08-31'],
    ]);

    // Exact dates, with holidays between the terms: E4 (31/12) and E5 (01/01) now fall in no term.
    const entered = await ok(data.core, 'terms.save', {
      schoolYear: 2026,
      terms: [
        { term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2027-01-05', endsOn: '2027-03-26' },
        { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
      ],
    });
    expect(entered.years.find((year) => year.schoolYear === 2026)?.entered).toBe(true);
    const autumn = await run({ kind: 'term', schoolYear: 2026, term: 'autumn' });
    expect(autumn.period).toEqual({ label: 'Autumn term 2026', from: '2026-09-03', to: '2026-12-18' });
    // E1, E2, E3: E4 was opened after 18/12. Still open on 18/12: E2 and E3.
    expect(autumn.counts).toEqual({ inAudit: 3, carriedIn: 0, opened: 3, resolved: 1, closedUnresolved: 0, stillOpen: 2 });
    const spring = await run({ kind: 'term', schoolYear: 2026, term: 'spring' });
    // From 05/01: E2, E3 and E5 carried in; E4 ended on 04/01.
    expect(spring.counts).toEqual({ inAudit: 3, carriedIn: 3, opened: 0, resolved: 1, closedUnresolved: 0, stillOpen: 2 });
    // The school year still runs from 1 September to 31 August, holidays included.
    expect((await run({ kind: 'year', schoolYear: 2026 })).counts.inAudit).toBe(5);

    expect(
      await call(data.core, 'terms.save', {
        schoolYear: 2026,
        terms: [
          { term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
          { term: 'spring', startsOn: '2026-12-10', endsOn: '2027-03-26' },
          { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
        ],
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: ['terms', 1, 'startsOn'], message: 'The spring term must start after the autumn term ends.' }],
      },
    });

    const back = await ok(data.core, 'terms.useDefault', { schoolYear: 2026 });
    expect(back.years.find((year) => year.schoolYear === 2026)?.entered).toBe(false);
    expect((await run({ kind: 'term', schoolYear: 2026, term: 'autumn' })).counts.inAudit).toBe(4);
    expect(await call(data.core, 'terms.useDefault', { schoolYear: 2026 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
