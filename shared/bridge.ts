// Names shared by the preload, the web host and the renderer. Kept apart from api.ts so the
// sandboxed preload bundle carries a few strings, not the whole contract and its schemas.

/** The global the preload exposes the bridge under: `window.escalationLog.call(method, input)`. */
export const bridgeGlobalName = 'escalationLog';

/** The one IPC channel: every call goes through it to the dispatcher. */
export const ipcCallChannel = 'escalation-log:call';

/**
 * Browser mode: the header every API call carries the run's token in. Lower case, as Node's HTTP
 * server hands header names over, so the host and the page spell it the same way.
 */
export const tokenHeaderName = 'x-escalation-log-token';

/**
 * Browser mode: the address the web host prints carries the token in its fragment, `#token=…`
 * (a fragment is never sent to a server). The page moves it to sessionStorage under the key below.
 */
export const tokenFragmentName = 'token';

/** Browser mode: where the page keeps the token (sessionStorage: this tab and this origin only). */
export const tokenStorageKey = 'escalation-log-token';
