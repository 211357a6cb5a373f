// Names shared by the preload and the renderer. Kept apart from api.ts so the sandboxed preload
// bundle carries two strings, not the whole contract and its schemas.

/** The global the preload exposes the bridge under: `window.escalationLog.call(method, input)`. */
export const bridgeGlobalName = 'escalationLog';

/** The one IPC channel: every call goes through it to the dispatcher. */
export const ipcCallChannel = 'escalation-log:call';
