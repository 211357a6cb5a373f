import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../../../scripts/fixtures/core';

// The main process as it starts, with a fake `electron` and a fake core: the window it makes has
// the settings window-security.ts gives (DevTools off when packaged, no spellcheck), every web
// contents gets the navigation and window-open handlers, permissions are refused, the IPC relay
// and app:// protocol are registered, Chromium's profile is put in the local data folder, and a
// data folder on a network share is refused with the reason before anything starts.

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { webPreferences: Record<string, unknown> }[],
    appListeners: new Map<string, ((...args: unknown[]) => void)[]>(),
    paths: new Map<string, string>(),
    errors: [] as [string, string][],
    exits: [] as number[],
    permissionRequestHandler: null as unknown,
    permissionCheckHandler: null as unknown,
    ipcChannels: [] as string[],
    protocols: [] as string[],
    coreStarted: 0,
    packaged: true,
  };
  class BrowserWindow {
    webContents = { reload: () => undefined };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      state.windows.push(options);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const app = {
    get isPackaged() {
      return state.packaged;
    },
    commandLine: { appendSwitch: () => undefined },
    setPath: (name: string, path: string) => state.paths.set(name, path),
    getPath: (name: string) => state.paths.get(name) ?? `/electron-default/${name}`,
    getAppPath: () => process.cwd(),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
      return app;
    },
    quit: () => undefined,
    exit: (code: number) => void state.exits.push(code),
  };
  return { state, BrowserWindow, app };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  dialog: { showErrorBox: (title: string, message: string) => void fake.state.errors.push([title, message]) },
  Menu: { setApplicationMenu: () => undefined, buildFromTemplate: () => ({}) },
  powerMonitor: { on: () => undefined },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: unknown) => (fake.state.permissionRequestHandler = handler),
      setPermissionCheckHandler: (handler: unknown) => (fake.state.permissionCheckHandler = handler),
    },
  },
  shell: { openExternal: () => Promise.resolve() },
  ipcMain: { handle: (channel: string) => void fake.state.ipcChannels.push(channel) },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: (scheme: string) => void fake.state.protocols.push(scheme) },
}));

vi.mock('../../../electron/core/client', () => ({
  startCoreWorker: () => {
    fake.state.coreStarted += 1;
    return { call: () => Promise.resolve({ ok: true, value: null }), close: () => Promise.resolve(), onLocked: () => undefined };
  },
}));

const argv = process.argv;
beforeEach(() => {
  vi.resetModules();
  fake.state.windows = [];
  fake.state.appListeners = new Map();
  fake.state.paths = new Map();
  fake.state.errors = [];
  fake.state.exits = [];
  fake.state.permissionRequestHandler = null;
  fake.state.permissionCheckHandler = null;
  fake.state.ipcChannels = [];
  fake.state.protocols = [];
  fake.state.coreStarted = 0;
  Object.defineProperty(process, 'resourcesPath', { value: process.cwd(), configurable: true });
});
afterEach(() => {
  process.argv = argv;
});

async function startMain(dataDir: string, packaged: boolean): Promise<void> {
  fake.state.packaged = packaged;
  process.argv = [...argv.slice(0, 2), `--data-dir=${dataDir}`];
  await import('../../../electron/main/main');
  await vi.waitFor(() => {
    if (fake.state.windows.length === 0 && fake.state.exits.length === 0) throw new Error('not started yet');
  });
}

describe('the main process', () => {
  it('opens a locked-down window, with DevTools off in a packaged build, and wires every guard', async () => {
    await startMain(tempDataDir('main-wiring'), true);
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0]?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(fake.state.appListeners.get('web-contents-created')).toHaveLength(1);
    expect(typeof fake.state.permissionRequestHandler).toBe('function');
    expect(typeof fake.state.permissionCheckHandler).toBe('function');
    expect(fake.state.ipcChannels).toEqual(['escalation-log:call']);
    expect(fake.state.protocols).toEqual(['app']);
    // Chromium's own profile goes to the same local folder the records default to (not Roaming on Windows).
    expect(fake.state.paths.get('userData')).toMatch(/Escalation Log$/);
  });

  it('keeps DevTools for an unpackaged (development) build', async () => {
    await startMain(tempDataDir('main-wiring-dev'), false);
    expect(fake.state.windows[0]?.webPreferences).toMatchObject({ devTools: true, spellcheck: false });
  });

  it('refuses a data folder on a network share, says why, and starts nothing', async () => {
    await startMain('//fileserver/staff/Escalation Log', true);
    expect(fake.state.exits).toEqual([1]);
    expect(fake.state.errors[0]?.[1]).toContain('is on a network share');
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.coreStarted).toBe(0);
  });
});
