import type { z } from 'zod';
import type { ApiResult } from './result';
import {
  amendChildInput,
  createChildInput,
  getChildInput,
  listChildrenInput,
  type Child,
  type ChildSummary,
} from './schemas/children';
import { emptyInput } from './schemas/common';
import {
  changePassphraseInput,
  confirmRecoveryKeyStoredInput,
  setupInput,
  unlockInput,
  unlockWithRecoveryKeyInput,
  type NewRecoveryKey,
  type SessionStatus,
} from './schemas/session';

// The API contract: every method the renderer may call, the zod schema its input must pass, the
// type of its output, and who may call it. Both transports (Electron IPC and browser mode) go through
// one dispatcher built from this object, so they cannot drift apart.

/**
 * Who may call a method:
 * - `public`: while locked or before setup (status, setup, unlock);
 * - `read`: anyone signed in, including read-only;
 * - `write`: the DSL and deputies (records, documents);
 * - `dsl`: the Designated Safeguarding Lead only (settings, keys, people).
 */
export type Access = 'public' | 'read' | 'write' | 'dsl';

export interface MethodDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly access: Access;
  /** Type-only: carries the output type; never set at run time. */
  readonly output?: (value: O) => void;
}

function method<O>() {
  return <I extends z.ZodType>(input: I, access: Access): MethodDef<I, O> => ({ input, access });
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
  'session.unlockWithRecoveryKey': method<SessionStatus>()(unlockWithRecoveryKeyInput, 'public'),
  'session.lock': method<SessionStatus>()(emptyInput, 'public'),
  'session.changePassphrase': method<{ changed: true }>()(changePassphraseInput, 'read'),
  'session.recoverySheet': method<DocumentFile>()(emptyInput, 'dsl'),
  'session.confirmRecoveryKeyStored': method<SessionStatus>()(confirmRecoveryKeyStoredInput, 'dsl'),
  'session.replaceRecoveryKey': method<NewRecoveryKey>()(emptyInput, 'dsl'),

  'children.create': method<Child>()(createChildInput, 'write'),
  'children.list': method<ChildSummary[]>()(listChildrenInput, 'read'),
  'children.get': method<Child>()(getChildInput, 'read'),
  'children.amend': method<Child>()(amendChildInput, 'write'),
} as const;

export type Api = typeof api;
export type ApiMethod = keyof Api;
export type ApiInput<M extends ApiMethod> = z.input<Api[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Api[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Api[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export const apiMethods: readonly ApiMethod[] = Object.keys(api).filter(isApiMethod);

/** The one function both transports expose to the renderer (the preload bridge and the HTTP client). */
export interface ApiBridge {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>>;
}
