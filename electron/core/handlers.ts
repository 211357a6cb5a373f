import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../shared/api';
import type { Core } from './session/session';
import * as session from './session/use-cases';
import { amendChild, createChild, getChild, listChildSummaries } from './services/children';
import { getDashboard } from './services/dashboard';
import { childTimeline } from './services/timeline';
import { createReferral, getReferral, listReferrals, recordReferralEvent } from './services/referrals';
import { escalationDraft, openEscalationFromInput } from './services/escalations/open';
import { getEscalation, listEscalations } from './services/escalations/read';
import * as lifecycle from './services/escalations/lifecycle';
import { chooseProcedure, copyProcedureAsNew, getProcedure, listProcedures, saveProcedure } from './services/procedures';
import { generateEscalationDocument, getStoredDocument, makeChildChronology } from './services/documents';
import { discardDraft, getDraft, saveDraft } from './services/drafts';
import { addUser, listUsers, removeUser } from './services/people';
import { addClosure, getSettingsView, removeClosure, updateSettings } from './services/settings';

// Every method of the contract mapped to its service. The type is built from `keyof` the contract,
// so adding a method without a handler (or a handler with the wrong input or output) fails to compile.

export type Handlers = { [M in ApiMethod]: (core: Core, input: ApiParsedInput<M>) => Promise<ApiOutput<M>> };

export const handlers: Handlers = {
  'session.status': (core) => session.status(core),
  'session.setup': (core, input) => session.setup(core, input),
  'session.unlock': (core, input) => session.unlock(core, input),
  'session.unlockWithRecoveryKey': (core, input) => session.unlockWithRecoveryKey(core, input),
  'session.lock': (core) => session.lock(core),
  'session.changePassphrase': (core, input) => session.changePassphrase(core, input),
  'session.recoverySheet': (core) => session.recoverySheet(core),
  'session.confirmRecoveryKeyStored': (core, input) => session.confirmRecoveryKeyStored(core, input),
  'session.replaceRecoveryKey': (core) => session.replaceRecoveryKey(core),
  'session.keepCurrentRecoveryKey': (core) => session.keepCurrentRecoveryKey(core),

  'children.create': (core, input) => createChild(core.context(), input),
  'children.list': (core, input) => listChildSummaries(core.context(), input),
  'children.get': (core, input) => getChild(core.context(), input.id),
  'children.amend': (core, input) => amendChild(core.context(), input),
  'children.timeline': (core, input) => childTimeline(core.context(), input.childId),

  'dashboard.get': (core) => getDashboard(core.context()),

  'referrals.create': (core, input) => createReferral(core.context(), input),
  'referrals.get': (core, input) => getReferral(core.context(), input.id),
  'referrals.list': (core, input) => listReferrals(core.context(), input),
  'referrals.recordEvent': (core, input) => recordReferralEvent(core.context(), input),
  'referrals.escalationDraft': (core, input) => escalationDraft(core.context(), input),

  'escalations.open': async (core, input) => getEscalation(core.context(), await openEscalationFromInput(core.context(), input)),
  'escalations.get': (core, input) => getEscalation(core.context(), input.id),
  'escalations.list': (core, input) => listEscalations(core.context(), input),
  'escalations.recordEntry': async (core, input) => {
    await lifecycle.recordStageEntry(core.context(), input);
    return getEscalation(core.context(), input.escalationId);
  },
  'escalations.amendEntry': async (core, input) => getEscalation(core.context(), await lifecycle.amendStageEntry(core.context(), input)),
  'escalations.addAction': async (core, input) => {
    await lifecycle.addAction(core.context(), input);
    return getEscalation(core.context(), input.escalationId);
  },
  'escalations.completeAction': async (core, input) => getEscalation(core.context(), await lifecycle.completeAction(core.context(), input)),
  'escalations.setStepDone': async (core, input) => {
    await lifecycle.setStepDone(core.context(), input);
    return getEscalation(core.context(), input.escalationId);
  },
  'escalations.escalate': async (core, input) => {
    await lifecycle.escalate(core.context(), input);
    return getEscalation(core.context(), input.escalationId);
  },
  'escalations.resolve': async (core, input) => {
    await lifecycle.resolve(core.context(), input);
    return getEscalation(core.context(), input.escalationId);
  },
  'escalations.closeUnresolved': async (core, input) => {
    await lifecycle.closeUnresolved(core.context(), input);
    return getEscalation(core.context(), input.escalationId);
  },
  'escalations.learningReview': async (core, input) => {
    await lifecycle.recordLearningReview(core.context(), input);
    return getEscalation(core.context(), input.escalationId);
  },

  'procedures.list': (core) => listProcedures(core.context()),
  'procedures.get': (core, input) => getProcedure(core.context(), input),
  'procedures.choose': (core, input) => chooseProcedure(core.context(), input),
  'procedures.copy': (core, input) => copyProcedureAsNew(core.context(), input),
  'procedures.save': (core, input) => saveProcedure(core.context(), input),

  'documents.forEscalation': (core, input) => generateEscalationDocument(core.context(), core.fontsDir, input),
  'documents.get': (core, input) => getStoredDocument(core.context(), input),
  'documents.childChronology': (core, input) => makeChildChronology(core.context(), core.fontsDir, input),

  'drafts.save': (core, input) => saveDraft(core.context(), input),
  'drafts.get': (core, input) => getDraft(core.context(), input),
  'drafts.discard': (core, input) => discardDraft(core.context(), input),

  'users.list': (core) => listUsers(core),
  'users.add': (core, input) => addUser(core, input),
  'users.remove': (core, input) => removeUser(core, input),

  'settings.get': (core) => getSettingsView(core.context()),
  'settings.update': (core, input) => updateSettings(core.context(), input),
  'settings.addClosure': (core, input) => addClosure(core.context(), input),
  'settings.removeClosure': (core, input) => removeClosure(core.context(), input),
};
