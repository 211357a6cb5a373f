import type { Dispatcher } from '../../../electron/core/dispatcher';
import type { ApiInput, ApiMethod } from '../../../shared/api';
import { childInput, ok, setUpCore, tempDataDir, TestClock } from '../../../scripts/fixtures/core';

// A small data set built by hand through the real dispatcher, on a real encrypted file, whose
// audit figures are worked out by hand in termly-audit.test.ts. Every time is written out; the clock
// is moved to each moment before it is recorded, as a DSL would record it then.
//
// Northway Primary and Nursery School (Liverpool procedure; E3 was opened while the setting used
// Bromley's, whose stage 1 has a one-working-week target). INSET day Mon 23/11/2026. Default terms:
// autumn 01/09/2026–31/12/2026, spring 01/01/2027–29/03/2027 (Easter Monday). The audit is run on
// Wed 20/01/2027 12:00.
//
// E1 Zephyrine Quillfeather v Liverpool Careline (children's social care), threshold: opened Mon
//    02/11/2026, Stage 1 → 2 (Thu 05/11) → 3 (Mon 09/11), resolved Wed 25/11/2026. The Stage 2
//    entry's rationale is "n/a"; nobody recorded telling the original referrer; the outcome statement
//    was never made as a document; Stage 3's Report to LSCB was never made. Actions: A1 Grace Adeyemi
//    (the social worker) due Fri 20/11, done Tue 24/11; A2 Priya Raman (the DSL) due Fri 20/11, done
//    Tue 24/11; A3 Tomasz Nowak (business manager, agency not recorded) due Fri 13/11, done that day.
//    Learning review Mon 30/11/2026, with an issue for the partnership.
// E2 Kofi Mensah-Blake v Riverside Health Visiting Team (health), information sharing: opened Mon
//    07/12/2026, Stage 2 from Fri 11/12, resolved Tue 12/01/2027 (spans the two terms); referrer
//    told, outcome statement made, learning review Wed 13/01/2027 (no issues). No gaps.
// E3 J. Okonkwo v Merseyside Police Public Protection Unit (police), delay: opened Mon 14/12/2026
//    under Bromley, nothing recorded at Stage 1 (target end of Mon 21/12/2026: overdue); action A4
//    Daniel Okafor (the other professional) due Fri 08/01/2027, not done. Still open.
// E4 Zephyrine v St Mary's (a school), roles: opened Thu 31/12/2026 23:30 (the last minutes of the
//    autumn term), nothing recorded, closed unresolved Mon 04/01/2027.
// E5 Kofi v Youth Offending Service (another agency), communication: opened Fri 01/01/2027 00:30
//    (the first minutes of the spring term), a conversation recorded Mon 04/01/2027; open.
// R1 Zephyrine, phone, child in need, made Mon 12/10/2026 10:00 BST: written follow-up (the
//    setting's, 24 hours) sent Wed 14/10 09:00 (23 hours late); children's social care's decision
//    (1 working day) received Thu 15/10 16:00 (2 working days late); single assessment completed
//    Fri 20/11/2026 (on time).
// R2 Kofi, written, child in need, made Tue 15/12/2026 11:00: no decision recorded (overdue); its
//    assessment is due in February (not yet due).

export const NOW = '2027-01-20T12:00:00.000+00:00';

export interface HandBuilt {
  core: Dispatcher;
  clock: TestClock;
  dataDir: string;
  children: { zephyrine: string; kofi: string; okonkwo: string };
  escalations: { e1: string; e2: string; e3: string; e4: string; e5: string };
  referrals: { r1: string; r2: string };
}

const people = {
  priya: { name: 'Priya Raman', role: 'Designated Safeguarding Lead', agency: 'Northway Primary and Nursery School' },
  grace: { name: 'Grace Adeyemi', role: 'Social worker', agency: 'Liverpool Careline' },
  hannah: { name: 'Hannah Brook', role: 'Health visitor', agency: 'Riverside Health Visiting Team' },
  rachel: { name: 'Rachel Green', role: 'Case manager', agency: 'Youth Offending Service' },
  amy: { name: 'Amy Doyle', role: 'Class teacher (original referrer)', agency: 'Northway Primary and Nursery School' },
};

function disagreement(
  childId: string,
  openedAt: string,
  category: string,
  agency: { kind: ApiInput<'escalations.open'>['otherAgencyKind']; name: string; professional: string; role: string },
): ApiInput<'escalations.open'> {
  return {
    childId,
    category,
    immediateRisk: false,
    otherAgencyKind: agency.kind,
    otherAgencyName: agency.name,
    otherProfessional: { name: agency.professional, role: agency.role },
    concern: 'The concern, as raised.',
    areasOfAgreement: 'None yet.',
    areasOfDisagreement: 'What should happen next.',
    riskRelevance: 'The child remains at risk while this is unresolved.',
    outcomeSought: 'A plan agreed by both agencies.',
    openedAt,
  };
}

export async function buildHandBuiltRecords(): Promise<HandBuilt> {
  const clock = new TestClock(new Date('2026-10-01T08:00:00.000Z'));
  const { core, dataDir } = await setUpCore(tempDataDir('termly-audit'), clock);
  const at = (iso: string) => {
    clock.time = new Date(iso);
  };
  /** Moves the clock to `iso` and calls. */
  const callAt = <M extends ApiMethod>(iso: string, method: M, input: ApiInput<M>) => {
    at(iso);
    return ok(core, method, input);
  };

  await ok(core, 'procedures.choose', { id: 'liverpool' });
  await ok(core, 'settings.addClosure', { date: '2026-11-23', reason: 'INSET day' });
  const zephyrine = (await ok(core, 'children.create', childInput)).id;
  const kofi = (
    await ok(core, 'children.create', { ...childInput, firstName: 'Kofi', lastName: 'Mensah-Blake', dateOfBirth: '2016-09-02' })
  ).id;
  const okonkwo = (await ok(core, 'children.create', { ...childInput, firstName: 'J.', lastName: 'Okonkwo', dateOfBirth: '2018-01-20' }))
    .id;

  // R1
  const r1 = (
    await callAt('2026-10-12T09:05:00.000Z', 'referrals.create', {
      childId: zephyrine,
      madeAt: '2026-10-12T10:00:00.000+01:00',
      method: 'phone',
      concern: 'child-in-need',
      category: 'standard',
      referredTo: 'Liverpool Careline',
      madeByName: 'Priya Raman',
      madeByRole: 'Designated Safeguarding Lead',
      summary: 'Neglect concerns.',
    })
  ).id;
  await callAt('2026-10-14T08:05:00.000Z', 'referrals.recordEvent', {
    referralId: r1,
    kind: 'written-follow-up',
    happenedAt: '2026-10-14T09:00:00.000+01:00',
  });
  await callAt('2026-10-15T15:05:00.000Z', 'referrals.recordEvent', {
    referralId: r1,
    kind: 'la-decision',
    happenedAt: '2026-10-15T16:00:00.000+01:00',
  });
  await callAt('2026-11-20T15:00:00.000Z', 'referrals.recordEvent', {
    referralId: r1,
    kind: 'single-assessment',
    happenedAt: '2026-11-20T14:00:00.000Z',
  });

  // E1
  const e1 = (
    await callAt(
      '2026-11-02T09:05:00.000Z',
      'escalations.open',
      disagreement(zephyrine, '2026-11-02T09:00:00.000Z', 'threshold-disagreement', {
        kind: 'childrens-social-care',
        name: 'Liverpool Careline',
        professional: 'Grace Adeyemi',
        role: 'Social worker',
      }),
    )
  ).id;
  const entry = (
    escalationId: string,
    occurredAt: string,
    rationale: string,
    told = false,
    participants = [people.priya, people.grace],
  ) => ({
    escalationId,
    occurredAt,
    method: 'phone' as const,
    participants,
    summary: 'What was said.',
    decision: 'What was decided.',
    rationale,
    toldOfOutcome: told ? [people.amy] : [],
    originalReferrerTold: told,
  });
  await callAt(
    '2026-11-03T10:05:00.000Z',
    'escalations.recordEntry',
    entry(e1, '2026-11-03T10:00:00.000Z', 'The threshold document supports a referral.'),
  );
  await callAt('2026-11-05T09:05:00.000Z', 'escalations.escalate', {
    escalationId: e1,
    reason: 'No agreement at Stage 1.',
    escalatedAt: '2026-11-05T09:00:00.000Z',
  });
  await callAt('2026-11-06T10:05:00.000Z', 'escalations.recordEntry', entry(e1, '2026-11-06T10:00:00.000Z', 'n/a'));
  await callAt('2026-11-09T09:05:00.000Z', 'escalations.escalate', {
    escalationId: e1,
    reason: 'No agreement at Stage 2.',
    escalatedAt: '2026-11-09T09:00:00.000Z',
  });
  await callAt(
    '2026-11-10T10:05:00.000Z',
    'escalations.recordEntry',
    entry(e1, '2026-11-10T10:00:00.000Z', 'The meeting agreed the plan needs a review.'),
  );
  at('2026-11-10T11:00:00.000Z');
  const action = (description: string, ownerName: string, ownerRole: string, dueDate: string) =>
    ok(core, 'escalations.addAction', { escalationId: e1, description, ownerName, ownerRole, dueDate });
  let detail = await action('Send the strategy meeting minutes to the school', 'Grace Adeyemi', 'Social worker', '2026-11-20');
  detail = await action('Share the attendance record with the social worker', 'Priya Raman', 'Designated Safeguarding Lead', '2026-11-20');
  detail = await action('Book the room for the review meeting', 'Tomasz Nowak', 'Business manager', '2026-11-13');
  const actionId = (description: string) => detail.actions.find((candidate) => candidate.description.startsWith(description))?.id ?? '';
  await callAt('2026-11-13T16:05:00.000Z', 'escalations.completeAction', {
    actionId: actionId('Book the room'),
    doneAt: '2026-11-13T16:00:00.000Z',
  });
  await callAt('2026-11-24T11:05:00.000Z', 'escalations.completeAction', {
    actionId: actionId('Send the strategy'),
    doneAt: '2026-11-24T11:00:00.000Z',
  });
  await callAt('2026-11-24T11:06:00.000Z', 'escalations.completeAction', {
    actionId: actionId('Share the attendance'),
    doneAt: '2026-11-24T11:00:00.000Z',
  });
  await callAt('2026-11-25T14:05:00.000Z', 'escalations.resolve', {
    escalationId: e1,
    resolvedAt: '2026-11-25T14:00:00.000Z',
    outcomeStatement: 'Liverpool Careline will review the plan with the school.',
    consequentActions: 'None.',
    agreedBy: ['Northway Primary and Nursery School', 'Liverpool Careline'],
  });
  await callAt('2026-11-30T10:00:00.000Z', 'escalations.learningReview', {
    escalationId: e1,
    wentWell: 'The Stage 3 meeting agreed a plan quickly.',
    wentBadly: 'Stage 2 took longer than it should.',
    issuesForPartnership: 'Minutes of Liverpool Careline strategy meetings reach schools late; raise with the LSCB.',
  });

  // E2
  const e2 = (
    await callAt(
      '2026-12-07T09:05:00.000Z',
      'escalations.open',
      disagreement(kofi, '2026-12-07T09:00:00.000Z', 'information-sharing', {
        kind: 'health',
        name: 'Riverside Health Visiting Team',
        professional: 'Hannah Brook',
        role: 'Health visitor',
      }),
    )
  ).id;
  await callAt(
    '2026-12-08T10:05:00.000Z',
    'escalations.recordEntry',
    entry(e2, '2026-12-08T10:00:00.000Z', 'Health will not share without consent.', false, [people.priya, people.hannah]),
  );
  await callAt('2026-12-11T09:05:00.000Z', 'escalations.escalate', {
    escalationId: e2,
    reason: 'No agreement at Stage 1.',
    escalatedAt: '2026-12-11T09:00:00.000Z',
  });

  // E3, under Bromley's procedure.
  await ok(core, 'procedures.choose', { id: 'bromley' });
  const e3 = (
    await callAt(
      '2026-12-14T09:05:00.000Z',
      'escalations.open',
      disagreement(okonkwo, '2026-12-14T09:00:00.000Z', 'action-or-inaction', {
        kind: 'police',
        name: 'Merseyside Police Public Protection Unit',
        professional: 'Daniel Okafor',
        role: 'Detective Constable',
      }),
    )
  ).id;
  await callAt('2026-12-15T10:00:00.000Z', 'escalations.addAction', {
    escalationId: e3,
    description: 'Confirm whether the interview has taken place',
    ownerName: 'Daniel Okafor',
    ownerRole: 'Detective Constable',
    dueDate: '2027-01-08',
  });
  await ok(core, 'procedures.choose', { id: 'liverpool' });

  // R2
  const r2 = (
    await callAt('2026-12-15T11:05:00.000Z', 'referrals.create', {
      childId: kofi,
      madeAt: '2026-12-15T11:00:00.000Z',
      method: 'written',
      concern: 'child-in-need',
      category: 'standard',
      referredTo: 'Liverpool Careline',
      madeByName: 'Priya Raman',
      madeByRole: 'Designated Safeguarding Lead',
      summary: 'Housing and school attendance.',
    })
  ).id;

  // E4 and E5: either side of the end of the autumn term.
  const e4 = (
    await callAt(
      '2026-12-31T23:35:00.000Z',
      'escalations.open',
      disagreement(zephyrine, '2026-12-31T23:30:00.000Z', 'roles-unclear', {
        kind: 'school',
        name: 'St Mary’s Church of England Primary School',
        professional: 'Helen Marsh',
        role: 'Designated Safeguarding Lead',
      }),
    )
  ).id;
  const e5 = (
    await callAt(
      '2027-01-01T00:35:00.000Z',
      'escalations.open',
      disagreement(kofi, '2027-01-01T00:30:00.000Z', 'communication-breakdown', {
        kind: 'other',
        name: 'Youth Offending Service',
        professional: 'Rachel Green',
        role: 'Case manager',
      }),
    )
  ).id;
  await callAt(
    '2027-01-04T10:05:00.000Z',
    'escalations.recordEntry',
    entry(e5, '2027-01-04T10:00:00.000Z', 'Both services need one lead.', false, [people.priya, people.rachel]),
  );
  await callAt('2027-01-04T12:05:00.000Z', 'escalations.closeUnresolved', {
    escalationId: e4,
    closedAt: '2027-01-04T12:00:00.000Z',
    reason: 'St Mary’s has taken the lead; the question no longer arises.',
  });

  // E2 ends in the spring term.
  await callAt(
    '2027-01-11T10:05:00.000Z',
    'escalations.recordEntry',
    entry(e2, '2027-01-11T10:00:00.000Z', 'Consent was given at the meeting.', true, [people.priya, people.hannah]),
  );
  await callAt('2027-01-12T15:05:00.000Z', 'escalations.resolve', {
    escalationId: e2,
    resolvedAt: '2027-01-12T15:00:00.000Z',
    outcomeStatement: 'Health will share the records with the school.',
    consequentActions: 'None.',
    agreedBy: ['Northway Primary and Nursery School', 'Riverside Health Visiting Team'],
  });
  await callAt('2027-01-12T16:00:00.000Z', 'documents.forEscalation', { escalationId: e2, kind: 'written-statement-of-outcome' });
  await callAt('2027-01-13T10:00:00.000Z', 'escalations.learningReview', {
    escalationId: e2,
    wentWell: 'Consent was sought early.',
    wentBadly: 'The first meeting was hard to arrange.',
    issuesForPartnership: 'None',
  });

  at(NOW);
  return {
    core,
    clock,
    dataDir,
    children: { zephyrine, kofi, okonkwo },
    escalations: { e1, e2, e3, e4, e5 },
    referrals: { r1, r2 },
  };
}
