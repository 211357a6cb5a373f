import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcCallChannel } from '../shared/bridge';
import type { CoreClient } from './core-client';
import { isAppUrl } from './security/origins';

// Relays calls from the window to the core worker. Only the app's own top frame may call: a
// frame from anywhere else (which should never load, but defence in depth) is refused.

function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(core: CoreClient): void {
  ipcMain.handle(ipcCallChannel, (event, method: unknown, input: unknown) => {
    if (!fromOurWindow(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from Escalation Log itself.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'No action was named.' } };
    }
    return core.call(method, input);
  });
}
