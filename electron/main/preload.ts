import { contextBridge, ipcRenderer } from 'electron';
import type { ApiBridge } from '../../shared/api';
import { bridgeGlobalName, ipcCallChannel } from '../../shared/bridge';

// The sandboxed preload (built as CommonJS). It exposes exactly one function, typed from the
// shared contract; the main process relays it to the core, where the dispatcher parses the input.
const bridge = {
  call: (method, input) => ipcRenderer.invoke(ipcCallChannel, method, input),
} satisfies ApiBridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
