import type { ApiBridge, ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import { bridgeGlobalName, tokenHeaderName, tokenMetaName } from '../../../shared/bridge';
import type { ApiResult } from '../../../shared/result';

// The renderer's only way to the core: the preload bridge in the desktop app, HTTP in browser
// mode (same contract, same dispatcher). The browser-mode token arrives in a <meta> tag of the
// page the web host served, and goes back in a header on every call (both names in shared/bridge,
// which the web host reads too).

function preloadBridge(): ApiBridge | null {
  const candidate: unknown = Reflect.get(window, bridgeGlobalName);
  if (typeof candidate === 'object' && candidate !== null && typeof Reflect.get(candidate, 'call') === 'function') {
    const call: unknown = Reflect.get(candidate, 'call');
    if (typeof call === 'function') {
      return {
        call: <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> =>
          Reflect.apply(call, candidate, [method, input]),
      };
    }
  }
  return null;
}

function httpBridge(): ApiBridge {
  const token = document.querySelector(`meta[name="${tokenMetaName}"]`)?.getAttribute('content') ?? '';
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [tokenHeaderName]: token },
          body: JSON.stringify(input),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Escalation Log is not running. Start it again, then reload this page.' } };
      }
      if (response.status === 401 || response.status === 403) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'This page is not connected to Escalation Log. Open the address it printed when it started.',
          },
        };
      }
      // The dispatcher's result, as sent by the core for this method.
      const body: ApiResult<ApiOutput<M>> = await response.json();
      return body;
    },
  };
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/**
 * Called whenever any call finds the session locked (the core locks itself when idle), so the
 * session gate can show the unlock screen at once instead of a screen of "locked" errors.
 */
export function onSessionLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

function noticingLock(bridge: ApiBridge): ApiBridge {
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
      const result = await bridge.call(method, input);
      if (!result.ok && result.error.code === 'locked') lockedListeners.forEach((listener) => listener());
      return result;
    },
  };
}

export const apiBridge: ApiBridge = noticingLock(preloadBridge() ?? httpBridge());

/** Calls a method; resolves with the value or rejects with the typed error (for screens that prefer try/catch). */
export async function callApi<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await apiBridge.call(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export class ApiCallError extends Error {
  readonly error: Extract<ApiResult<never>, { ok: false }>['error'];
  constructor(error: Extract<ApiResult<never>, { ok: false }>['error']) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}
