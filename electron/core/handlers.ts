import type { Access, ApiAccess, ApiMethod, ApiOutput, ApiParsedInput } from '../../shared/api';
import type { Session } from './session/session';
import type { ReadContext, ServiceContext, SessionContext } from './services/context';
import type { Deferred } from './outside-queue';
import { lock, setup, status, unlock, unlockWithRecoveryKey } from './session/unlock';
import { changePassphrase } from './session/passphrase';
import {
  confirmRecoveryKeyStored,
  keepCurrentRecoveryKey,
  recoverySheet,
  recoverySheetCopy,
  replaceRecoveryKey,
} from './session/recovery-key';
import { amendChild, createChild, findDuplicates, getChild, listChildSummaries } from './services/children';
import { getDashboard } from './services/dashboard';
import { childTimeline } from './services/timeline';
import { completeReferralEvent, createReferral, getReferral, listReferrals, recordReferralEvent } from './services/referrals';
import { escalationDraft, openEscalationFromInput } from './services/escalations/open';
import { getEscalation, listEscalations } from './services/escalations/read';
import * as lifecycle from './services/escalations/lifecycle';
import { recordFormSent, recordPartnership } from './services/escalations/partnership';
import {
  chooseProcedure,
  copyProcedureAsNew,
  exportProcedure,
  getProcedure,
  importProcedure,
  listProcedures,
  saveProcedure,
} from './services/procedures';
import { generateEscalationDocument, getStoredDocument, makeChildChronology } from './services/documents';
import { discardDraft, getDraft, saveDraft } from './services/drafts';
import { addUser, listUsers, removeUser } from './services/people';
import { addClosure, getSettingsView, removeClosure, updateSettings } from './services/settings';
import { backupStatus, listBackupSets, makeBackup, updateBackupSettingsService } from './services/backups';
import { cancelRestore, confirmRestore, openBackupSetChecked, recoverKeyFileOnly } from './session/restore';
import { childRetention, disposeOfChildRecords, liftLegalHold, placeLegalHold, recordsPastReview } from './services/retention';
import { getTermDates, saveTermDates, useDefaultTermDates } from './services/term-dates';
import { listTermlyAuditDocuments, makeTermlyAuditDocument, runTermlyAudit } from './services/termly-audit';
import { recordsCheckInTurns } from './services/records-check';
import { auditLogDocument, auditLogPage, checkNow, rotateKeyNow, securityStatus } from './services/security';

// Every method of the contract mapped to its service, through the context its access level allows:
// `public` and `public-or-dsl` methods get the session (nothing may be open yet); `read` methods a
// context whose database can only build SELECTs; `write` methods a service context; `own` and `dsl`
// methods, which may change who can open the file, the session too. The type is built from the contract, so a method
// without a handler, a handler with the wrong input or output, or a read method given a writable
// database fails to compile. A handler may hand back work to do outside the dispatcher's queue
// (OutsideQueue: rendering a document), whose last step the dispatcher queues again, or a long read
// to do in bounded turns on the queue (InTurns: the termly audit's records check).

/** What the dispatcher hands a handler: the session, and the signed-in context made on demand. */
export interface CallScope {
  session: Session;
  context: () => SessionContext;
}

interface ContextFor {
  public: Session;
  'public-or-dsl': Session;
  read: ReadContext;
  own: SessionContext;
  write: ServiceContext;
  dsl: SessionContext;
}

export interface Handler<M extends ApiMethod, A extends Access> {
  readonly access: A;
  run(scope: CallScope, input: ApiParsedInput<M>): Promise<ApiOutput<M> | Deferred<ApiOutput<M>>>;
}

export type Handlers = { [M in ApiMethod]: Handler<M, ApiAccess<M>> };

type Service<M extends ApiMethod, A extends Access> = (
  context: ContextFor[A],
  input: ApiParsedInput<M>,
) => Promise<ApiOutput<M> | Deferred<ApiOutput<M>>>;

/** A method callable while locked: it gets the session, whatever is open (the dispatcher has checked the role). */
function lockedOrNot<A extends 'public' | 'public-or-dsl'>(access: A) {
  return <M extends ApiMethod>(service: Service<M, A>): Handler<M, A> => ({
    access,
    run: (scope, input) => service(scope.session, input),
  });
}

function signedIn<A extends Exclude<Access, 'public' | 'public-or-dsl'>>(access: A) {
  return <M extends ApiMethod>(service: Service<M, A>): Handler<M, A> => ({
    access,
    run: (scope, input) => service(scope.context(), input),
  });
}

const publicMethod = lockedOrNot('public');
const publicOrDsl = lockedOrNot('public-or-dsl');
const read = signedIn('read');
const own = signedIn('own');
const write = signedIn('write');
const dsl = signedIn('dsl');

export const handlers: Handlers = {
  'session.status': publicMethod((session) => status(session)),
  'session.setup': publicMethod(setup),
  'session.unlock': publicMethod(unlock),
  'session.unlockWithRecoveryKey': publicMethod(unlockWithRecoveryKey),
  'session.lock': publicMethod((session) => lock(session)),
  'session.changePassphrase': own(changePassphrase),
  'session.recoverySheet': dsl((ctx) => recoverySheet(ctx)),
  'session.recoverySheetCopy': dsl((ctx) => recoverySheetCopy(ctx)),
  'session.confirmRecoveryKeyStored': dsl(confirmRecoveryKeyStored),
  'session.replaceRecoveryKey': dsl((ctx) => replaceRecoveryKey(ctx)),
  'session.keepCurrentRecoveryKey': dsl((ctx) => keepCurrentRecoveryKey(ctx)),

  'children.create': write(createChild),
  'children.list': read(listChildSummaries),
  'children.get': read((ctx, input) => getChild(ctx, input.id)),
  'children.amend': write(amendChild),
  'children.duplicates': read(findDuplicates),
  'children.timeline': read((ctx, input) => childTimeline(ctx, input.childId)),

  'dashboard.get': read((ctx) => getDashboard(ctx)),

  'referrals.create': write(createReferral),
  'referrals.get': read((ctx, input) => getReferral(ctx, input.id)),
  'referrals.list': read(listReferrals),
  'referrals.recordEvent': write(recordReferralEvent),
  'referrals.escalationDraft': write(escalationDraft),
  'referrals.completeEvent': write(completeReferralEvent),

  'escalations.open': write(async (ctx, input) => getEscalation(ctx, await openEscalationFromInput(ctx, input))),
  'escalations.get': read((ctx, input) => getEscalation(ctx, input.id)),
  'escalations.list': read(listEscalations),
  'escalations.recordEntry': write(async (ctx, input) => getEscalation(ctx, await lifecycle.recordStageEntry(ctx, input))),
  'escalations.amendEntry': write(async (ctx, input) => getEscalation(ctx, await lifecycle.amendStageEntry(ctx, input))),
  'escalations.addAction': write(async (ctx, input) => getEscalation(ctx, await lifecycle.addAction(ctx, input))),
  'escalations.completeAction': write(async (ctx, input) => getEscalation(ctx, await lifecycle.completeAction(ctx, input))),
  'escalations.withdrawAction': write(async (ctx, input) => getEscalation(ctx, await lifecycle.withdrawAction(ctx, input))),
  'escalations.setStepDone': write(async (ctx, input) => getEscalation(ctx, await lifecycle.setStepDone(ctx, input))),
  'escalations.escalate': write(async (ctx, input) => getEscalation(ctx, await lifecycle.escalate(ctx, input))),
  'escalations.resolve': write(async (ctx, input) => getEscalation(ctx, await lifecycle.resolve(ctx, input))),
  'escalations.closeUnresolved': write(async (ctx, input) => getEscalation(ctx, await lifecycle.closeUnresolved(ctx, input))),
  'escalations.learningReview': write(async (ctx, input) => getEscalation(ctx, await lifecycle.recordLearningReview(ctx, input))),
  'escalations.recordPartnership': write(async (ctx, input) => getEscalation(ctx, await recordPartnership(ctx, input))),
  'escalations.recordFormSent': write(async (ctx, input) => getEscalation(ctx, await recordFormSent(ctx, input))),

  'procedures.list': read((ctx) => listProcedures(ctx)),
  'procedures.get': read(getProcedure),
  'procedures.choose': dsl(chooseProcedure),
  'procedures.copy': dsl(copyProcedureAsNew),
  'procedures.save': dsl(saveProcedure),
  'procedures.export': read(exportProcedure),
  'procedures.import': dsl(importProcedure),

  'documents.forEscalation': write(generateEscalationDocument),
  'documents.get': read(getStoredDocument),
  'documents.childChronology': write(makeChildChronology),

  'drafts.save': write(saveDraft),
  'drafts.get': write(getDraft),
  'drafts.discard': write(discardDraft),

  'users.list': dsl((ctx) => listUsers(ctx)),
  'users.add': dsl(addUser),
  'users.remove': dsl(removeUser),

  'settings.get': read((ctx) => getSettingsView(ctx)),
  'settings.update': dsl(updateSettings),
  'settings.addClosure': dsl(addClosure),
  'settings.removeClosure': dsl(removeClosure),

  'backups.status': read((ctx) => backupStatus(ctx)),
  'backups.updateSettings': dsl(updateBackupSettingsService),
  'backups.run': dsl((ctx) => makeBackup(ctx.session, 'manual')),
  'backups.listSets': publicOrDsl(listBackupSets),
  'backups.openSet': publicOrDsl(openBackupSetChecked),
  'backups.restore': publicOrDsl(confirmRestore),
  'backups.cancelRestore': publicOrDsl((session) => cancelRestore(session)),
  'backups.recoverKeyFile': publicOrDsl(recoverKeyFileOnly),

  'retention.forChild': read(childRetention),
  'retention.list': dsl((ctx) => recordsPastReview(ctx)),
  'retention.placeHold': dsl(placeLegalHold),
  'retention.liftHold': dsl(liftLegalHold),
  'retention.deleteChild': dsl(disposeOfChildRecords),

  'terms.get': read((ctx) => getTermDates(ctx)),
  'terms.save': dsl(saveTermDates),
  'terms.useDefault': dsl(useDefaultTermDates),

  'termlyAudit.run': read(runTermlyAudit),
  'termlyAudit.recordsCheck': read((ctx) => Promise.resolve(recordsCheckInTurns(ctx.recordsMemory ?? null, ctx.recordsCheckPortion))),
  'termlyAudit.document': read(makeTermlyAuditDocument),
  'termlyAudit.documents': read((ctx) => listTermlyAuditDocuments(ctx)),

  'security.status': dsl((ctx) => securityStatus(ctx)),
  'security.check': dsl((ctx) => checkNow(ctx)),
  'security.rotateKey': dsl(rotateKeyNow),
  'auditLog.list': dsl(auditLogPage),
  'auditLog.document': dsl(auditLogDocument),
};
