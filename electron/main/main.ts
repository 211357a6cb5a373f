import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, session, shell, type MenuItemConstructorOptions } from 'electron';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { startCoreWorker, type CoreClient } from '../core/client';
import { registerIpc } from './ipc';
import { createAppWindow, denyEverythingByDefault } from './window-security';
import { defaultUserDataDir, networkFolderProblem, resolveDataDir } from '../hosting/data-dir';
import { acquireDataFolderLock, FolderInUseError } from '../hosting/data-lock';
import { rendererOrigin } from '../hosting/origins';

// The Electron main process: app lifecycle, the one window, the menu. Everything else (the
// encrypted file, services, documents) is in the core worker; this file only relays. The window's
// security settings and handlers are in window-security.ts, the IPC relay in ipc.ts, the app://
// protocol in app-protocol.ts (each tested with a fake `electron`).

registerAppScheme();
// UK dates in the window's own controls (date pickers) whatever the PC's language is set to.
app.commandLine.appendSwitch('lang', 'en-GB');
// Chromium's own profile (caches, storage) in the same local folder as the records, not the roaming
// profile, which folder redirection can put on a network share (see hosting/data-dir.ts).
app.setPath('userData', defaultUserDataDir());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

let mainWindow: BrowserWindow | null = null;
const renderer = rendererOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

async function start(): Promise<void> {
  await app.whenReady();
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dataDir = resolveDataDir(process.argv, process.env, () => defaultUserDataDir());
  const onNetwork = networkFolderProblem(dataDir);
  if (onNetwork) {
    dialog.showErrorBox('Escalation Log can’t use this folder', onNetwork);
    app.exit(1);
    return;
  }
  // One Escalation Log per data folder (browser mode may be running on it): the second one says so and stops.
  try {
    acquireDataFolderLock(dataDir, 'desktop');
  } catch (error) {
    if (!(error instanceof FolderInUseError)) throw error;
    dialog.showErrorBox('Escalation Log is already running', error.message);
    app.exit(1);
    return;
  }
  const fontsDir = app.isPackaged ? join(process.resourcesPath, 'fonts') : join(app.getAppPath(), 'resources', 'fonts');
  const core: RunningCore = {
    client: startCoreWorker(new URL('./core-worker.js', import.meta.url), { dataDir, fontsDir }),
    closing: false,
  };

  serveRenderer(join(here, '..', 'renderer'));
  registerIpc(core.client, renderer.owns);
  denyEverythingByDefault(app, session.defaultSession, shell, renderer.owns);
  Menu.setApplicationMenu(buildMenu(core));

  // The core locked itself (idle): reload so the window shows the unlock screen and drops any record on screen.
  core.client.onLocked(() => mainWindow?.webContents.reload());
  const lockNow = () => void lock(core);
  powerMonitor.on('lock-screen', lockNow);
  powerMonitor.on('suspend', lockNow);

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (core.closing) return;
    event.preventDefault();
    core.closing = true;
    void core.client.close().finally(() => app.exit(0));
  });

  mainWindow = createWindow(here);
}

function createWindow(here: string): BrowserWindow {
  const window = createAppWindow(BrowserWindow, { preload: join(here, '..', 'preload', 'preload.cjs'), packaged: app.isPackaged });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(renderer.entry);
  return window;
}

interface RunningCore {
  client: CoreClient;
  closing: boolean;
}

async function lock(core: RunningCore): Promise<void> {
  await core.client.call('session.lock', {});
  mainWindow?.webContents.reload();
}

function buildMenu(core: RunningCore): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [{ label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => void lock(core) }, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
