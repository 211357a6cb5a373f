import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../shared/api';
import type { Core } from './core';
import * as session from '../services/session';
import { amendChild, createChild, getChild, listChildSummaries } from '../services/children';

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

  'children.create': (core, input) => createChild(core.context(), input),
  'children.list': (core, input) => listChildSummaries(core.context(), input),
  'children.get': (core, input) => getChild(core.context(), input.id),
  'children.amend': (core, input) => amendChild(core.context(), input),
};
