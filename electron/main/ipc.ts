import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcCallChannel } from '../../shared/bridge';
import type { CoreClient } from '../core/client';

// Relays calls from the window to the core worker. Only the app's own top frame may call: a
// frame from anywhere else (which should never load, but defence in depth) is refused.

function fromOurWindow(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, owns: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && owns(frame.url);
}

/** The IPC handler: checks who is calling, then hands the call to the core. */
export function relayCall(core: Pick<CoreClient, 'call'>, owns: (url: string) => boolean) {
  return (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, input: unknown) => {
    if (!fromOurWindow(event, owns)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are only accepted from Escalation Log itself.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'No action was named.' } };
    }
    return core.call(method, input);
  };
}

export function registerIpc(core: CoreClient, owns: (url: string) => boolean): void {
  ipcMain.handle(ipcCallChannel, relayCall(core, owns));
}
