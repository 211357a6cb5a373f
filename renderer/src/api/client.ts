import type { ApiBridge, ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import { bridgeGlobalName, tokenFragmentName, tokenHeaderName, tokenStorageKey } from '../../../shared/bridge';
import type { ApiResult } from '../../../shared/result';

// The renderer's only way to the core: the preload bridge in the desktop app, HTTP in browser
// mode (same contract, same dispatcher). In browser mode the token arrives in the address's
// fragment (`#token=…`, never sent to a server); it is moved at once into sessionStorage (this tab
// and this origin only), taken out of the address bar, and sent back in a header on every call.
// There is no cookie, so no other server on 127.0.0.1 is ever sent the token.

/**
 * Moves a token from the address's fragment into sessionStorage and takes it out of the address
 * bar (and so out of the history and any bookmark); returns the token this tab holds, if any.
 */
function takeTokenFromAddress(location: Location, history: History, storage: Storage): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromAddress = fragment.get(tokenFragmentName);
  if (fromAddress !== null) {
    if (fromAddress.length > 0) storage.setItem(tokenStorageKey, fromAddress);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
  return storage.getItem(tokenStorageKey);
}

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
  const token = takeTokenFromAddress(window.location, window.history, window.sessionStorage) ?? '';
  return {
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>> {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [tokenHeaderName]: token },
          body: JSON.stringify(input),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Escalation Log is not running. Start it again, then reload this page.' } };
      }
      if (response.status === 413) {
        return { ok: false, error: { code: 'invalid_input', message: 'That is too much to send at once. Shorten it and try again.' } };
      }
      if (response.status === 401 || response.status === 403) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message:
              'This page is not connected to Escalation Log. Open the whole address it printed when it started, with the part after the #.',
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
