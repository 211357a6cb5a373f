import { describe, expect, it } from 'vitest';
import { apiMethods, type ApiMethod } from '../../../shared/api';
import { childInput, ok, setUpCore } from '../../../scripts/fixtures/core';
import type { Dispatcher } from '../../../electron/core/dispatcher';

// One table over the whole contract: every method, given bad input, answers invalid_input and
// changes nothing. New methods must add their own bad case here (the Record type makes it a
// compile error to forget).

const generic: unknown[] = [null, 42, 'text', [], { unexpectedField: 'x' }];
const NIL = '00000000-0000-4000-8000-000000000000';

const specific: Record<ApiMethod, unknown[]> = {
  'session.status': [{ state: 'unlocked' }],
  'session.setup': [
    { settingName: '', settingType: 'school', region: 'england-and-wales', dslName: 'P', passphrase: 'short', passphraseConfirm: 'short' },
  ],
  'session.unlock': [{ passphrase: '' }, { passphrase: 7 }],
  'session.unlockWithRecoveryKey': [{ recoveryKey: '', newPassphrase: 'x', newPassphraseConfirm: 'x' }],
  'session.lock': [{ now: true }],
  'session.changePassphrase': [{ currentPassphrase: 'x', newPassphrase: 'short', newPassphraseConfirm: 'short' }],
  'session.recoverySheet': [{ key: 'x' }],
  'session.recoverySheetCopy': [{}, { understood: false }, { understood: 'yes' }],
  'session.confirmRecoveryKeyStored': [
    { confirmed: false, storedWhere: 'safe' },
    { confirmed: true, storedWhere: '' },
  ],
  'session.replaceRecoveryKey': [{ force: true }],
  'session.keepCurrentRecoveryKey': [{ keep: 'yes' }],
  'children.create': [
    { ...childInput, dateOfBirth: '2017-02-30' },
    { ...childInput, levelOfNeed: 5 },
    { ...childInput, socialWorkerName: 'D' },
    { ...childInput, firstName: '   ' },
  ],
  'children.list': [{ search: 12 }],
  'children.get': [{ id: 'not-a-uuid' }],
  'children.amend': [
    { id: NIL, changes: {}, reason: 'x' },
    { id: NIL, changes: { levelOfNeed: 2 }, reason: '' },
  ],
  'children.duplicates': [{ firstName: 'A', lastName: 'B', dateOfBirth: 20170314 }, { firstName: 'A' }],
  'children.timeline': [{ childId: 'x' }],
  'dashboard.get': [{ window: 'today' }],
  'referrals.create': [
    {
      childId: NIL,
      madeAt: '2026-11-20',
      method: 'phone',
      concern: 'child-protection',
      category: 'standard',
      referredTo: 'MASH',
      madeByName: 'Priya Raman',
      madeByRole: 'DSL',
      summary: 's',
    },
    {
      childId: NIL,
      madeAt: '2026-11-20T10:00:00Z',
      method: 'phone',
      concern: 'child-in-need',
      category: 'complex',
      referredTo: 'MASH',
      madeByName: 'Priya Raman',
      madeByRole: 'DSL',
      summary: 's',
    },
    {
      childId: NIL,
      madeAt: '2026-11-20T10:00:00Z',
      method: 'fax',
      concern: 'child-protection',
      category: 'standard',
      referredTo: 'MASH',
      madeByName: 'P Raman',
      madeByRole: 'DSL',
      summary: 's',
    },
  ],
  'referrals.get': [{ id: 7 }],
  'referrals.list': [{ childId: 'nobody' }],
  'referrals.recordEvent': [
    { referralId: NIL, kind: 'strategy-discussion', happenedAt: '2026-11-20T10:00:00Z' },
    { referralId: NIL, kind: 'icpc', happenedAt: '2026-11-20T10:00:00Z' },
    { referralId: NIL, kind: 'strategy-discussion', happenedAt: '2026-11-20T10:00:00Z', s47Started: true },
    { referralId: NIL, kind: 'party', happenedAt: '2026-11-20T10:00:00Z' },
  ],
  'referrals.escalationDraft': [{ referralId: NIL, milestone: 'lunch' }],
  'referrals.completeEvent': [
    { referralId: NIL, eventId: NIL },
    { referralId: NIL, eventId: NIL, childProtectionPlan: 'yes' },
  ],
  'escalations.open': [{ childId: NIL, category: 'other', immediateRisk: true }],
  'escalations.get': [{ id: '' }],
  'escalations.list': [{ status: 'pending' }],
  'escalations.recordEntry': [
    {
      escalationId: NIL,
      occurredAt: '2026-11-20T10:00:00Z',
      method: 'phone',
      participants: [{ name: 'D. O.', role: 'SW' }],
      summary: 's',
      decision: 'd',
      rationale: '',
      toldOfOutcome: [],
      originalReferrerTold: false,
    },
  ],
  'escalations.amendEntry': [{ entryId: NIL, changes: {}, reason: 'r' }],
  'escalations.addAction': [{ escalationId: NIL, description: 'd', ownerName: 'Daniel Okafor', ownerRole: 'SW', dueDate: '2026-13-01' }],
  'escalations.completeAction': [{ actionId: NIL, doneAt: 'yesterday' }],
  'escalations.withdrawAction': [{ actionId: NIL, reason: '' }, { actionId: NIL }],
  'escalations.setStepDone': [{ escalationId: NIL, stageId: 's', stepId: 'x', done: 'yes' }],
  'escalations.escalate': [{ escalationId: NIL, reason: '', escalatedAt: '2026-11-20T10:00:00Z' }],
  'escalations.resolve': [
    { escalationId: NIL, resolvedAt: '2026-11-20T10:00:00Z', outcomeStatement: 's', consequentActions: 'c', agreedBy: ['Only us'] },
  ],
  'escalations.closeUnresolved': [{ escalationId: NIL, closedAt: '2026-11-20T10:00:00Z', reason: '' }],
  'escalations.learningReview': [{ escalationId: NIL, wentWell: '', wentBadly: 'b', issuesForPartnership: 'i' }],
  'escalations.recordPartnership': [
    { escalationId: NIL, leadAgency: '', policyPracticeIssues: 'p', currentPosition: 'c', remainingIssues: 'r' },
  ],
  'escalations.recordFormSent': [
    { escalationId: NIL, form: 'written-concern', sentAt: '2026-11-20T10:00:00Z' },
    { escalationId: NIL, form: 'cscp-escalation-notification', sentAt: 'last week' },
  ],
  'procedures.list': [{ all: true }],
  'procedures.get': [{ id: '' }],
  'procedures.choose': [{ id: 5 }],
  'procedures.copy': [{ fromId: 'bromley', name: '' }],
  'procedures.save': [{ procedure: { id: 'x' } }],
  'procedures.export': [{ id: '' }],
  'procedures.import': [{ text: '' }, { text: 5 }],
  'documents.forEscalation': [{ escalationId: NIL, kind: 'letter-to-santa' }],
  'documents.get': [{ id: 'doc' }],
  'documents.childChronology': [{ childId: 'zeph' }],
  'drafts.save': [
    { formKey: 'Bad Key!', content: {} },
    { formKey: 'child-new', content: 'x'.repeat(200_001) },
  ],
  'drafts.get': [{ formKey: '' }],
  'drafts.discard': [{ formKey: '../etc' }],
  'users.list': [{ all: true }],
  'users.add': [
    { fullName: 'Sam', role: 'deputy', passphrase: 'a long passphrase here', passphraseConfirm: 'a long passphrase here' },
    { fullName: 'Sam Ellis', role: 'admin', passphrase: 'a long passphrase here', passphraseConfirm: 'a long passphrase here' },
  ],
  'users.remove': [{ id: 'sam' }],
  'settings.get': [{ x: 1 }],
  'settings.update': [{}, { idleLockMinutes: 120 }],
  'settings.addClosure': [{ date: '2026-02-30', reason: 'INSET' }],
  'settings.removeClosure': [{ date: 'soon' }],
  'terms.get': [{ year: 2026 }],
  'terms.save': [
    { schoolYear: 2026, terms: [] },
    {
      schoolYear: 2026,
      terms: [
        { term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2026-12-10', endsOn: '2027-03-26' },
        { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
      ],
    },
    {
      schoolYear: 2026,
      terms: [
        { term: 'autumn', startsOn: '2026-08-20', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2027-01-05', endsOn: '2027-03-26' },
        { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
      ],
    },
  ],
  'terms.useDefault': [{ schoolYear: '2026' }, { schoolYear: 1066 }],
  'termlyAudit.run': [
    { period: { kind: 'term', schoolYear: 2026, term: 'winter' } },
    { period: { kind: 'range', from: '2026-12-01', to: '2026-09-01' } },
    { period: { kind: 'range', from: '2026-09-31', to: '2026-12-01' } },
  ],
  'termlyAudit.document': [
    { period: { kind: 'year', schoolYear: 2026 } },
    { period: { kind: 'year', schoolYear: 2026 }, leaveOutNames: 'yes' },
  ],
  'termlyAudit.recordsCheck': [{ full: true }],
  'termlyAudit.documents': [{ limit: 5 }],
  'security.status': [{ verbose: true }],
  'security.check': [{ full: true }],
  'security.rotateKey': [{}, { confirmed: false, why: 'routine' }, { confirmed: true, why: 'because' }],
  'auditLog.list': [{ person: 'Priya' }, { from: '2026-13-01' }, { from: '2026-11-30', to: '2026-11-01' }, { pageSize: 100000 }],
  'auditLog.document': [{ entityType: 'Child; DROP TABLE' }, { before: 5 }],
  'backups.status': [{ folder: '/tmp' }],
  'backups.updateSettings': [
    { folder: '', keep: 10, automatic: true },
    { folder: '/tmp', keep: 0, automatic: true },
    { folder: '/tmp', keep: 5, automatic: 'yes' },
  ],
  'backups.run': [{ folder: '/tmp' }],
  'backups.listSets': [{ folder: '' }, { folder: 7 }],
  'backups.openSet': [
    { folder: '/tmp', setName: '../escape', passphrase: 'x' },
    { folder: '/tmp', setName: 'a set' },
  ],
  'backups.restore': [{ confirmed: false }],
  'backups.cancelRestore': [{ now: true }],
  'backups.recoverKeyFile': [{ confirmed: false }],
  'retention.forChild': [{ childId: 'x' }],
  'retention.list': [{ all: true }],
  'retention.placeHold': [{ childId: NIL, reason: '' }],
  'retention.liftHold': [{ childId: 'x', reason: 'done' }],
  'retention.deleteChild': [{ childId: NIL, reason: 'reviewed', confirmName: '' }],
};

/** Everything a bad call could have touched: every table's rows. */
async function snapshot(core: Dispatcher): Promise<string> {
  const sqlite = core.session.current?.sqlite;
  if (!sqlite) throw new Error('not open');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    if (typeof table === 'object' && table !== null && 'name' in table && typeof table.name === 'string') {
      rows[table.name] = sqlite.prepare(`SELECT * FROM "${table.name}"`).all();
    }
  }
  return JSON.stringify(rows);
}

describe('the dispatcher, given bad input', () => {
  it('answers every method with invalid_input and changes nothing', async () => {
    const { core } = await setUpCore();
    await ok(core, 'children.create', childInput);
    const before = await snapshot(core);
    for (const method of apiMethods) {
      for (const input of [...generic, ...specific[method]]) {
        const result = await core.call(method, input);
        expect(result, `${method} with ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(5);
          expect(Array.isArray(result.error.issues)).toBe(true);
        }
      }
    }
    expect(await snapshot(core)).toEqual(before);
    expect(await ok(core, 'session.status', {})).toMatchObject({ state: 'unlocked' });
  });

  it('answers an unknown method plainly', async () => {
    const { core } = await setUpCore();
    expect(await core.call('children.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await core.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('puts each message beside its field', async () => {
    const { core } = await setUpCore();
    const result = await core.call('children.create', { ...childInput, dateOfBirth: '2017-02-30', socialWorkerName: 'D' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([
          { path: ['dateOfBirth'], message: 'The date of birth must be a real date.' },
          { path: ['socialWorkerName'], message: "Enter the social worker's full name in full (first and last name, not initials)." },
        ]),
      },
    });
  });
});
