import type { ApiInput, ApiMethod } from '../../../shared/api';
import { PASSPHRASE, setupInput } from '../../../scripts/fixtures/core';
import type { Role } from '../../../shared/people/roles';
import { entryInput, escalationInput, passphraseOf, type World } from './world';

// One valid input for every method of the contract, pointing at the world's records: valid as the
// contract's schema reads it (a role test that sent `{}` would prove nothing), so a call that is
// refused is refused for who made it. The mapped type makes a new method a compile error here
// until it has one.

export type ValidInputs = { [M in ApiMethod]: ApiInput<M> };

const at = '2026-11-23T08:00:00.000+00:00';

/** Valid inputs for a call by `role` (only a passphrase change depends on who asks: it needs their own). */
export function validInputs(w: World, role: Role = 'dsl'): ValidInputs {
  return {
    'session.status': {},
    'session.setup': setupInput,
    'session.unlock': { passphrase: PASSPHRASE },
    'session.unlockWithRecoveryKey': {
      recoveryKey: w.recoveryKey,
      newPassphrase: 'quiet orchard silver kettle',
      newPassphraseConfirm: 'quiet orchard silver kettle',
    },
    'session.lock': {},
    'session.changePassphrase': {
      currentPassphrase: passphraseOf[role],
      newPassphrase: 'quiet orchard silver kettle',
      newPassphraseConfirm: 'quiet orchard silver kettle',
    },
    'session.recoverySheet': {},
    'session.recoverySheetCopy': { understood: true },
    'session.confirmRecoveryKeyStored': { confirmed: true, storedWhere: 'Sealed envelope in the school safe' },
    'session.replaceRecoveryKey': {},
    'session.keepCurrentRecoveryKey': {},

    'children.create': {
      firstName: 'Amelia',
      lastName: 'Rose-Whitfield',
      dateOfBirth: '2018-06-02',
      classOrYear: 'Year 3',
      levelOfNeed: 3,
      planStatus: 'child-in-need',
    },
    'children.list': { search: 'Quill' },
    'children.get': { id: w.childId },
    'children.amend': { id: w.childId, changes: { classOrYear: 'Year 5' }, reason: 'Moved up a year in September.' },
    'children.duplicates': { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '2017-03-14' },
    'children.timeline': { childId: w.childId },

    'dashboard.get': {},

    'referrals.create': {
      childId: w.childId,
      madeAt: at,
      method: 'written',
      concern: 'child-in-need',
      category: 'standard',
      referredTo: 'Children’s Social Care front door',
      madeByName: 'Priya Raman',
      madeByRole: 'Designated Safeguarding Lead',
      summary: 'Attendance has fallen and the child is often hungry.',
    },
    'referrals.get': { id: w.referralId },
    'referrals.list': { childId: w.childId },
    'referrals.recordEvent': { referralId: w.referralId, kind: 'la-decision', happenedAt: at, note: 'Accepted for assessment.' },
    'referrals.escalationDraft': { referralId: w.referralId, milestone: 'la-decision' },
    'referrals.completeEvent': { referralId: w.referralId, eventId: w.referralId, childProtectionPlan: true },

    'escalations.open': { ...escalationInput(w.childId), openedAt: at },
    'escalations.get': { id: w.escalationId },
    'escalations.list': { childId: w.childId, status: 'open' },
    'escalations.recordEntry': { ...entryInput(w.escalationId), occurredAt: at },
    'escalations.amendEntry': { entryId: w.entryId, changes: { summary: 'Discussed the threshold at length.' }, reason: 'Added detail.' },
    'escalations.addAction': {
      escalationId: w.escalationId,
      description: 'Send the written concern.',
      ownerName: 'Priya Raman',
      ownerRole: 'Designated Safeguarding Lead',
      dueDate: '2026-11-30',
    },
    'escalations.completeAction': { actionId: w.actionId, doneAt: '2026-11-23T09:00:00.000+00:00', note: 'Date agreed.' },
    'escalations.withdrawAction': { actionId: w.actionId, reason: 'No longer needed: the meeting is booked.' },
    'escalations.setStepDone': { escalationId: w.escalationId, stageId: w.stageId, stepId: w.stepId, done: true },
    'escalations.escalate': { escalationId: w.escalationId, reason: 'No reply by the date asked for.', escalatedAt: at },
    'escalations.resolve': {
      escalationId: w.escalationId,
      resolvedAt: at,
      outcomeStatement: 'A strategy discussion is booked for Wednesday.',
      consequentActions: 'The DSL attends.',
      agreedBy: ['Priya Raman (DSL)', 'Grace Adeyemi (Social worker)'],
    },
    'escalations.closeUnresolved': { escalationId: w.escalationId, closedAt: at, reason: 'The family moved out of the area.' },
    'escalations.learningReview': {
      escalationId: w.escalationId,
      wentWell: 'Quick replies.',
      wentBadly: 'The first call went unanswered.',
      issuesForPartnership: 'None.',
    },
    'escalations.recordPartnership': {
      escalationId: w.escalationId,
      leadAgency: 'Northway Primary and Nursery School',
      policyPracticeIssues: 'Strategy discussions are not being held within the partnership’s timescale.',
      currentPosition: 'Waiting for the team manager’s reply.',
      remainingIssues: 'Whether a strategy discussion will be held.',
    },
    'escalations.recordFormSent': { escalationId: w.escalationId, form: 'cscp-escalation-notification', sentAt: at },

    'procedures.list': {},
    'procedures.get': { id: 'bromley' },
    'procedures.choose': { id: 'bromley' },
    'procedures.copy': { fromId: 'bromley', name: 'Bromley (second copy)' },
    'procedures.save': { procedure: w.procedure },
    'procedures.export': { id: 'bromley' },
    'procedures.import': { text: JSON.stringify(w.procedure) },

    'documents.forEscalation': { escalationId: w.escalationId, kind: 'written-concern' },
    'documents.get': { id: w.documentId },
    'documents.childChronology': { childId: w.childId },

    'drafts.save': { formKey: 'child-new', content: { firstName: 'Zephyrine' } },
    'drafts.get': { formKey: 'child-new' },
    'drafts.discard': { formKey: 'child-new' },

    'users.list': {},
    'users.add': {
      fullName: 'Tom Hughes',
      role: 'read-only',
      passphrase: 'copper harbour tulip gravel',
      passphraseConfirm: 'copper harbour tulip gravel',
    },
    'users.remove': { id: w.readOnlyId },

    'settings.get': {},
    'settings.update': { idleLockMinutes: 10 },
    'settings.addClosure': { date: '2027-01-04', reason: 'INSET day' },
    'settings.removeClosure': { date: w.closureDate },

    'backups.status': {},
    'backups.updateSettings': { folder: w.backupFolder, keep: 3, automatic: false },
    'backups.run': {},
    'backups.listSets': { folder: w.backupFolder },
    'backups.openSet': { folder: w.backupFolder, setName: w.backupSet, passphrase: PASSPHRASE },
    'backups.restore': { confirmed: true },
    'backups.cancelRestore': {},
    'backups.recoverKeyFile': { confirmed: true },

    'retention.forChild': { childId: w.childId },
    'retention.list': {},
    'retention.placeHold': { childId: w.childId, reason: 'Held for the local safeguarding practice review.' },
    'retention.liftHold': { childId: w.childId, reason: 'The review has finished.' },
    'retention.deleteChild': {
      childId: w.childId,
      reason: 'Reviewed at the end of the retention period.',
      confirmName: 'Zephyrine Quillfeather',
    },

    'terms.get': {},
    'terms.save': {
      schoolYear: 2026,
      terms: [
        { term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2027-01-05', endsOn: '2027-03-26' },
        { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
      ],
    },
    'terms.useDefault': { schoolYear: 2026 },

    'termlyAudit.run': { period: { kind: 'term', schoolYear: 2026, term: 'autumn' } },
    'termlyAudit.document': { period: { kind: 'term', schoolYear: 2026, term: 'autumn' }, leaveOutNames: true },
    'termlyAudit.recordsCheck': {},
    'termlyAudit.documents': {},

    'security.status': {},
    'security.check': {},
    'security.rotateKey': { confirmed: true, why: 'copy-taken' },
    'auditLog.list': { person: w.deputyId, from: '2026-11-01', to: '2026-11-30', pageSize: 20 },
    'auditLog.document': { entityType: 'child', entityId: w.childId },
  };
}
