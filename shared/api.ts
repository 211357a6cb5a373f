import type { z } from 'zod';
import type { ApiResult } from './result';
import {
  amendChildInput,
  childDuplicatesInput,
  createChildInput,
  getChildInput,
  listChildrenInput,
  type Child,
  type ChildSummary,
} from './schemas/children';
import { emptyInput } from './schemas/common';
import type { Page } from './schemas/paging';
import { dashboardInput, timelineInput, type Dashboard, type TimelineItem } from './schemas/dashboard';
import {
  addActionInput,
  amendStageEntryInput,
  closeUnresolvedInput,
  completeActionInput,
  escalateInput,
  recordFormSentInput,
  recordPartnershipInput,
  getEscalationInput,
  learningReviewInput,
  listEscalationsInput,
  openEscalationInput,
  recordStageEntryInput,
  resolveInput,
  setStepDoneInput,
  withdrawActionInput,
  type EscalationDetail,
  type EscalationDraft,
  type EscalationSummary,
} from './schemas/escalations';
import {
  completeReferralEventInput,
  createReferralInput,
  escalationDraftInput,
  getReferralInput,
  listReferralsInput,
  recordReferralEventInput,
  type Referral,
  type ReferralSummary,
} from './schemas/referrals';
import {
  chooseProcedureInput,
  copyProcedureInput,
  exportProcedureInput,
  getProcedureInput,
  importProcedureInput,
  saveProcedureInput,
  type ProcedureFile,
  type ProcedureSummary,
} from './schemas/procedures';
import { childChronologyInput, generateEscalationDocumentInput, getDocumentInput } from './schemas/documents';
import { draftKeyInput, saveDraftInput, type Draft } from './schemas/drafts';
import { addUserInput, removeUserInput, type UserView } from './schemas/users';
import { addClosureInput, removeClosureInput, updateSettingsInput, type SettingsView } from './schemas/settings';
import type { Procedure } from './procedures';
import {
  cancelRestoreInput,
  confirmRestoreInput,
  recoverKeyFileInput,
  listBackupSetsInput,
  openBackupSetInput,
  runBackupInput,
  updateBackupSettingsInput,
  type BackupMade,
  type BackupSetList,
  type BackupStatus,
  type KeyFileRecovered,
  type RestoreDone,
  type RestorePreview,
} from './schemas/backups';
import {
  childRetentionInput,
  disposeOfChildInput,
  liftLegalHoldInput,
  placeLegalHoldInput,
  type ChildRetention,
  type DisposalDone,
  type RetentionListItem,
} from './schemas/retention';
import {
  defaultTermDatesInput,
  recordsCheckInput,
  runTermlyAuditInput,
  saveTermDatesInput,
  termlyAuditDocumentInput,
  type TermDatesView,
  type TermlyAuditDocumentSummary,
} from './termly-audit/schemas';
import type { RecordsCheck, TermlyAudit } from './termly-audit/types';
import {
  auditLogDocumentInput,
  auditLogInput,
  rotateKeyInput,
  type AuditLogPage,
  type KeyRotated,
  type SecurityStatus,
} from './schemas/security';
import {
  changePassphraseInput,
  confirmRecoveryKeyStoredInput,
  recoverySheetCopyInput,
  setupInput,
  unlockInput,
  unlockWithRecoveryKeyInput,
  type NewRecoveryKey,
  type RecoverySheet,
  type RecoveryUnlocked,
  type SessionStatus,
} from './schemas/session';

// The API contract: every method the renderer may call, the zod schema its input must pass, the
// type of its output, and who may call it. Both transports (Electron IPC and browser mode) go through
// one dispatcher built from this object, so they cannot drift apart.

/**
 * Who may call a method:
 * - `public`: while locked or before setup (status, setup, unlock);
 * - `public-or-dsl`: while locked or before setup, as `public`; while the records are open, the
 *   Designated Safeguarding Lead only (restoring from a backup, which must work on a new computer or
 *   beside a damaged file, but is no one else's to do while the records are open);
 * - `read`: anyone signed in, including read-only; the call only reads (its handler's database can
 *   only build SELECTs), apart from logging in the audit log what was looked at;
 * - `own`: anyone signed in, changing only their own account (their passphrase);
 * - `write`: the DSL and deputies (records, documents);
 * - `dsl`: the Designated Safeguarding Lead only (settings, keys, people).
 */
export type Access = 'public' | 'public-or-dsl' | 'read' | 'own' | 'write' | 'dsl';

export interface MethodDef<I extends z.ZodType, O, A extends Access = Access> {
  readonly input: I;
  readonly access: A;
  /** Type-only: carries the output type; never set at run time. */
  readonly output?: (value: O) => void;
}

function method<O>() {
  return <I extends z.ZodType, A extends Access>(input: I, access: A): MethodDef<I, O, A> => ({ input, access });
}

/** A generated document handed to the renderer to save or print. */
export interface DocumentFile {
  fileName: string;
  mimeType: 'application/pdf';
  base64: string;
}

export const api = {
  'session.status': method<SessionStatus>()(emptyInput, 'public'),
  'session.setup': method<NewRecoveryKey>()(setupInput, 'public'),
  'session.unlock': method<SessionStatus>()(unlockInput, 'public'),
  'session.unlockWithRecoveryKey': method<RecoveryUnlocked>()(unlockWithRecoveryKeyInput, 'public'),
  'session.lock': method<SessionStatus>()(emptyInput, 'public'),
  'session.changePassphrase': method<{ changed: true }>()(changePassphraseInput, 'own'),
  'session.recoverySheet': method<RecoverySheet>()(emptyInput, 'dsl'),
  'session.recoverySheetCopy': method<DocumentFile>()(recoverySheetCopyInput, 'dsl'),
  'session.confirmRecoveryKeyStored': method<SessionStatus>()(confirmRecoveryKeyStoredInput, 'dsl'),
  'session.replaceRecoveryKey': method<NewRecoveryKey>()(emptyInput, 'dsl'),
  'session.keepCurrentRecoveryKey': method<SessionStatus>()(emptyInput, 'dsl'),

  'children.create': method<Child>()(createChildInput, 'write'),
  'children.list': method<Page<ChildSummary>>()(listChildrenInput, 'read'),
  'children.get': method<Child>()(getChildInput, 'read'),
  'children.amend': method<Child>()(amendChildInput, 'write'),
  'children.duplicates': method<ChildSummary[]>()(childDuplicatesInput, 'read'),
  'children.timeline': method<TimelineItem[]>()(timelineInput, 'read'),

  'dashboard.get': method<Dashboard>()(dashboardInput, 'read'),

  'referrals.create': method<Referral>()(createReferralInput, 'write'),
  'referrals.get': method<Referral>()(getReferralInput, 'read'),
  'referrals.list': method<Page<ReferralSummary>>()(listReferralsInput, 'read'),
  'referrals.recordEvent': method<Referral>()(recordReferralEventInput, 'write'),
  'referrals.escalationDraft': method<EscalationDraft>()(escalationDraftInput, 'write'),
  'referrals.completeEvent': method<Referral>()(completeReferralEventInput, 'write'),

  'escalations.open': method<EscalationDetail>()(openEscalationInput, 'write'),
  'escalations.get': method<EscalationDetail>()(getEscalationInput, 'read'),
  'escalations.list': method<Page<EscalationSummary>>()(listEscalationsInput, 'read'),
  'escalations.recordEntry': method<EscalationDetail>()(recordStageEntryInput, 'write'),
  'escalations.amendEntry': method<EscalationDetail>()(amendStageEntryInput, 'write'),
  'escalations.addAction': method<EscalationDetail>()(addActionInput, 'write'),
  'escalations.completeAction': method<EscalationDetail>()(completeActionInput, 'write'),
  'escalations.withdrawAction': method<EscalationDetail>()(withdrawActionInput, 'write'),
  'escalations.setStepDone': method<EscalationDetail>()(setStepDoneInput, 'write'),
  'escalations.escalate': method<EscalationDetail>()(escalateInput, 'write'),
  'escalations.resolve': method<EscalationDetail>()(resolveInput, 'write'),
  'escalations.closeUnresolved': method<EscalationDetail>()(closeUnresolvedInput, 'write'),
  'escalations.learningReview': method<EscalationDetail>()(learningReviewInput, 'write'),
  'escalations.recordPartnership': method<EscalationDetail>()(recordPartnershipInput, 'write'),
  'escalations.recordFormSent': method<EscalationDetail>()(recordFormSentInput, 'write'),

  'procedures.list': method<ProcedureSummary[]>()(emptyInput, 'read'),
  'procedures.get': method<Procedure>()(getProcedureInput, 'read'),
  'procedures.choose': method<Procedure>()(chooseProcedureInput, 'dsl'),
  'procedures.copy': method<Procedure>()(copyProcedureInput, 'dsl'),
  'procedures.save': method<Procedure>()(saveProcedureInput, 'dsl'),
  'procedures.export': method<ProcedureFile>()(exportProcedureInput, 'read'),
  'procedures.import': method<Procedure>()(importProcedureInput, 'dsl'),

  'documents.forEscalation': method<DocumentFile & { id: string }>()(generateEscalationDocumentInput, 'write'),
  'documents.get': method<DocumentFile>()(getDocumentInput, 'read'),
  'documents.childChronology': method<DocumentFile & { id: string }>()(childChronologyInput, 'write'),

  'drafts.save': method<{ savedAt: string }>()(saveDraftInput, 'write'),
  'drafts.get': method<Draft | null>()(draftKeyInput, 'write'),
  'drafts.discard': method<{ discarded: true }>()(draftKeyInput, 'write'),

  'users.list': method<UserView[]>()(emptyInput, 'dsl'),
  'users.add': method<UserView[]>()(addUserInput, 'dsl'),
  'users.remove': method<UserView[]>()(removeUserInput, 'dsl'),

  'settings.get': method<SettingsView>()(emptyInput, 'read'),
  'settings.update': method<SettingsView>()(updateSettingsInput, 'dsl'),
  'settings.addClosure': method<SettingsView>()(addClosureInput, 'dsl'),
  'settings.removeClosure': method<SettingsView>()(removeClosureInput, 'dsl'),

  // Backups. Restoring (listing a folder's sets included) is `public-or-dsl` because it must work on a
  // new computer or beside a damaged file, before anything can be unlocked; the set itself opens only
  // with a DSL's passphrase or the recovery key (electron/core/session/restore.ts).
  'backups.status': method<BackupStatus>()(emptyInput, 'read'),
  'backups.updateSettings': method<BackupStatus>()(updateBackupSettingsInput, 'dsl'),
  'backups.run': method<BackupMade>()(runBackupInput, 'dsl'),
  'backups.listSets': method<BackupSetList>()(listBackupSetsInput, 'public-or-dsl'),
  'backups.openSet': method<RestorePreview>()(openBackupSetInput, 'public-or-dsl'),
  'backups.restore': method<RestoreDone>()(confirmRestoreInput, 'public-or-dsl'),
  'backups.cancelRestore': method<{ cancelled: true }>()(cancelRestoreInput, 'public-or-dsl'),
  'backups.recoverKeyFile': method<KeyFileRecovered>()(recoverKeyFileInput, 'public-or-dsl'),

  // Retention: the review date and legal hold are shown to everyone; deciding is the DSL's.
  'retention.forChild': method<ChildRetention>()(childRetentionInput, 'read'),
  'retention.list': method<RetentionListItem[]>()(emptyInput, 'dsl'),
  'retention.placeHold': method<ChildRetention>()(placeLegalHoldInput, 'dsl'),
  'retention.liftHold': method<ChildRetention>()(liftLegalHoldInput, 'dsl'),
  'retention.deleteChild': method<DisposalDone>()(disposeOfChildInput, 'dsl'),

  'terms.get': method<TermDatesView>()(emptyInput, 'read'),
  'terms.save': method<TermDatesView>()(saveTermDatesInput, 'dsl'),
  'terms.useDefault': method<TermDatesView>()(defaultTermDatesInput, 'dsl'),

  // The termly audit is `read`: a head teacher or governor with read-only access can run it and
  // make its PDF (which is kept with its fingerprint and logged, like every document). The records
  // check is its own call: the figures are shown without waiting for it.
  'termlyAudit.run': method<TermlyAudit>()(runTermlyAuditInput, 'read'),
  'termlyAudit.recordsCheck': method<RecordsCheck>()(recordsCheckInput, 'read'),
  'termlyAudit.document': method<DocumentFile & { id: string }>()(termlyAuditDocumentInput, 'read'),
  'termlyAudit.documents': method<TermlyAuditDocumentSummary[]>()(emptyInput, 'read'),

  // Security (Settings, Security): the records' key and its replacement on demand, the checks made
  // at every unlock, and the audit log (filtered, paged, exported as a PDF). The DSL only.
  'security.status': method<SecurityStatus>()(emptyInput, 'dsl'),
  'security.check': method<SecurityStatus>()(emptyInput, 'dsl'),
  'security.rotateKey': method<KeyRotated>()(rotateKeyInput, 'dsl'),
  'auditLog.list': method<AuditLogPage>()(auditLogInput, 'dsl'),
  'auditLog.document': method<DocumentFile & { id: string }>()(auditLogDocumentInput, 'dsl'),
} as const;

export type Api = typeof api;
export type ApiMethod = keyof Api;
export type ApiInput<M extends ApiMethod> = z.input<Api[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Api[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Api[M] extends MethodDef<z.ZodType, infer O, Access> ? O : never;
export type ApiAccess<M extends ApiMethod> = Api[M]['access'];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export const apiMethods: readonly ApiMethod[] = Object.keys(api).filter(isApiMethod);

/** The one function both transports expose to the renderer (the preload bridge and the HTTP client). */
export interface ApiBridge {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>>;
}
