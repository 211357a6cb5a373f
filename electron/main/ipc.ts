import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcCallChannel } from '../../shared/bridge';
import type { CoreClient } from '../core/client';

// Relays calls from the window to the core worker. Only the app's own top frame may call: a
// frame from anywhere else (which should never load, but defence in depth) is refused.

function fromOurWindow(event: IpcMainInvokeEvent, owns: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && owns(frame.url);
}

export function registerIpc(core: CoreClient, owns: (url: string) => boolean): void {
  ipcMain.handle(ipcCallChannel, (event, method: unknown, input: unknown) => {
    if (!fromOurWindow(event, owns)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from Escalation Log itself.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'No action was named.' } };
    }
    return core.call(method, input);
  });
}
