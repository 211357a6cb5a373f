import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, session, shell, type MenuItemConstructorOptions } from 'electron';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { startCoreWorker, type CoreClient } from '../core/client';
import { registerIpc } from './ipc';
import { resolveDataDir } from '../hosting/data-dir';
import { acquireDataFolderLock, FolderInUseError } from '../hosting/data-lock';
import { rendererOrigin } from '../hosting/origins';

// The Electron main process: app lifecycle, the one window, the menu. Everything else (the
// encrypted file, services, documents) is in the core worker; this file only relays.

registerAppScheme();
// UK dates in the window's own controls (date pickers) whatever the PC's language is set to.
app.commandLine.appendSwitch('lang', 'en-GB');

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
  const dataDir = resolveDataDir(process.argv, process.env, () => app.getPath('userData'));
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
  denyEverythingByDefault();
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
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Escalation Log',
    show: false,
    webPreferences: {
      preload: join(here, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(renderer.entry);
  return window;
}

/** No navigation away, no new windows, no permissions, no webviews: for every web contents. */
function denyEverythingByDefault(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!renderer.owns(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!renderer.owns(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // The only outside links are to published guidance: open them in the system browser, never in-app.
      if (/^https:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
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
