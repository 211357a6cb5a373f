import type { z } from 'zod';
import { api, isApiMethod, type Access, type ApiMethod, type ApiOutput, type ApiParsedInput } from '../../shared/api';
import { ApiFailure, type ApiResult, type FieldIssue } from '../../shared/result';
import type { Role } from '../../shared/schemas/session';
import type { Core } from './session/session';
import { handlers } from './handlers';

// The one dispatcher both transports call. It parses every input with the contract's zod schema
// before any service sees it, checks who may call the method, runs the call on the core's queue,
// and turns every failure into a typed error: never a crash, never a half-written record.

const allowedRoles: Record<Exclude<Access, 'public'>, readonly Role[]> = {
  read: ['dsl', 'deputy', 'read-only'],
  write: ['dsl', 'deputy'],
  dsl: ['dsl'],
};

/**
 * The contract seen method by method: indexing this mapped type with a generic method name keeps
 * the link between that method's schema and its handler, which indexing `api` directly loses.
 */
type TypedApi = { [M in ApiMethod]: { input: z.ZodType<ApiParsedInput<M>>; access: Access } };
const typedApi: TypedApi = api;

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
}

export async function dispatch(core: Core, method: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no action called "${method}".` } };
  }
  return dispatchMethod(core, method, rawInput);
}

export async function dispatchMethod<M extends ApiMethod>(core: Core, method: M, rawInput: unknown): Promise<ApiResult<ApiOutput<M>>> {
  const definition = typedApi[method];
  const parsed = definition.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return {
      ok: false,
      error: { code: 'invalid_input', message: issues[0]?.message ?? 'Some answers need attention.', issues },
    };
  }
  try {
    const value = await core.serialise(async () => {
      if (definition.access !== 'public') {
        const { user } = core.context();
        if (!allowedRoles[definition.access].includes(user.role)) {
          throw new ApiFailure('forbidden', 'Your role does not allow this. Ask the Designated Safeguarding Lead.');
        }
        core.touch();
      }
      const handler: (core: Core, input: ApiParsedInput<M>) => Promise<ApiOutput<M>> = handlers[method];
      return handler(core, parsed.data);
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: error.toApiError() };
    // Unexpected: log the kind of error (never record content) and answer plainly.
    console.error(`[core] ${method} failed:`, error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Something went wrong and nothing was saved. Try again; if it keeps happening, note what you did and tell your IT support.',
      },
    };
  }
}
