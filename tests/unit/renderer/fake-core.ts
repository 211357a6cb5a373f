import { bridgeGlobalName } from '../../../shared/bridge';
import type { ApiResult } from '../../../shared/result';

// A stand-in for the core behind the preload bridge, for renderer tests in happy-dom: the real API
// client finds it where the desktop app's preload puts the bridge, so the hooks are tested through
// the same client code the app runs. Each call is recorded; answers are set per method.

export interface RecordedCall {
  method: string;
  input: unknown;
}

export interface FakeCore {
  calls: RecordedCall[];
  /** The calls made to one method, in order. */
  callsTo(method: string): RecordedCall[];
  /** How the core answers a method from now on (by default: ok, with null); a promise answers when it settles. */
  answer(method: string, reply: (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>): void;
  reset(): void;
}

/** Puts the fake core on `window` under the bridge's name. Call before the API client is imported. */
export function installFakeCore(): FakeCore {
  const calls: RecordedCall[] = [];
  const answers = new Map<string, (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>>();
  const core: FakeCore = {
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    answer: (method, reply) => answers.set(method, reply),
    reset: () => {
      calls.length = 0;
      answers.clear();
    },
  };
  Reflect.set(window, bridgeGlobalName, {
    call: async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
      calls.push({ method, input });
      return (await answers.get(method)?.(input)) ?? { ok: true, value: null };
    },
  });
  return core;
}
