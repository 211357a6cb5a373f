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

/** Browser mode: the name of the <meta> tag the web host writes the token into when it serves the page. */
export const tokenMetaName = 'escalation-log-token';
