import type { App, BrowserWindowConstructorOptions, Session, Shell, WebContents } from 'electron';

// The window's security settings and the handlers that keep every web contents to the app's own
// pages, in one place so they can be tested with a fake `electron` (the runtime can't run here).
// - The window: context isolation, the sandbox, no Node, no webviews, no auxclick, no spellcheck
//   (on Linux it downloads dictionaries: a network call), and DevTools only in an unpackaged build.
// - Navigation and redirects only within the renderer's own origin (origins compared after
//   parsing, in hosting/origins); no webviews; no new windows: an https link opens in the system
//   browser (the only outside links are to published guidance), anything else goes nowhere.
// - Every permission request and check is refused.

/**
 * The app's one window. Its webPreferences are written out here, literally, so a reader (and
 * Electronegativity, which reads the source) sees each setting where the window is made.
 */
export function createAppWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  options: { preload: string; packaged: boolean },
): W {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Escalation Log',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !options.packaged,
      // A middle-click on a link would ask for a new window (which is refused anyway): no auxclick at all.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** Only https links leave the app, and only to the system browser. */
export function isExternalLink(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Holds one web contents to the renderer's origin: no navigating away, no webviews, no windows. */
export function secureWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  owns: (url: string) => boolean,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!owns(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!owns(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!owns(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission the page could ask for (camera, notifications, clipboard, …). */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** No navigation away, no new windows, no permissions, no webviews: for every web contents the app makes. */
export function denyEverythingByDefault(
  app: Pick<App, 'on'>,
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  shell: Pick<Shell, 'openExternal'>,
  owns: (url: string) => boolean,
): void {
  denyPermissions(session);
  app.on('web-contents-created', (_event, contents) => {
    secureWebContents(contents, owns, (url) => void shell.openExternal(url));
  });
}
