import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipcCallChannel } from '../../../shared/bridge';
import { rendererOrigin } from '../../../electron/hosting/origins';
import type { BrowserWindowConstructorOptions } from 'electron';

// The Electron glue's handlers, with a fake `electron` (the runtime can't run here): navigation,
// new windows, permissions, who may call over IPC, and what the app:// protocol will serve. Each
// attack is tried against the real handler the app registers.

const fake = vi.hoisted(() => ({
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => fake.ipcHandlers.set(channel, handler) },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) =>
      fake.protocolHandlers.set(scheme, handler),
  },
}));

const { registerIpc } = await import('../../../electron/main/ipc');
const { serveRenderer } = await import('../../../electron/main/app-protocol');
const { createAppWindow, denyEverythingByDefault } = await import('../../../electron/main/window-security');

type Listener = (event: { preventDefault: () => void; url?: string }, url?: string) => void;

/** A web contents that records its listeners and window-open handler, to fire them as Electron would. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
    /** Fires `event` for `url`; true when a handler prevented it. */
    fire(event: string, url: string): boolean {
      let prevented = false;
      const details = { url, preventDefault: () => (prevented = true) };
      const registered = listeners.get(event) ?? [];
      if (registered.length === 0) throw new Error(`no ${event} handler`);
      for (const listener of registered) listener(details, url);
      return prevented;
    },
    open(url: string) {
      if (!openHandler) throw new Error('no window-open handler');
      return openHandler({ url });
    },
  };
}

/** The app and session as denyEverythingByDefault sees them; returns what it registered. */
function wire(owns: (url: string) => boolean) {
  const created: ((event: unknown, contents: ReturnType<typeof fakeContents>) => void)[] = [];
  const opened: string[] = [];
  const session = {
    request: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void),
    check: null as null | ((contents: unknown, permission: string, origin: string, details: unknown) => boolean),
    setPermissionRequestHandler(handler: typeof this.request) {
      this.request = handler;
    },
    setPermissionCheckHandler(handler: typeof this.check) {
      this.check = handler;
    },
  };
  const app = {
    on(event: string, listener: (event: unknown, contents: ReturnType<typeof fakeContents>) => void) {
      if (event === 'web-contents-created') created.push(listener);
      return app;
    },
  };
  const shell = { openExternal: (url: string) => Promise.resolve(void opened.push(url)) };
  // The fakes carry only what the handlers use.
  denyEverythingByDefault(app as never, session as never, shell as never, owns);
  const contents = fakeContents();
  for (const listener of created) listener({}, contents);
  return { contents, session, opened };
}

const packaged = rendererOrigin(undefined, true);
const FOREIGN = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'app://renderer.evil/index.html',
  'app://renderer@evil/',
  'app://evil/renderer/index.html',
  'app://renderer:8080/index.html',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
];

describe('navigation', () => {
  it('stays on app://renderer: every other address is stopped, for the page, its frames and redirects', () => {
    const { contents } = wire(packaged.owns);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(contents.fire(event, 'app://renderer/index.html'), event).toBe(false);
      expect(contents.fire(event, 'app://renderer/index.html#/children'), event).toBe(false);
      for (const url of FOREIGN) expect(contents.fire(event, url), `${event} ${url}`).toBe(true);
    }
    expect(contents.fire('will-attach-webview', 'app://renderer/index.html')).toBe(true);
  });

  it('in development, trusts only the dev server’s exact origin', () => {
    const dev = rendererOrigin('http://localhost:5173/', false);
    const { contents } = wire(dev.owns);
    expect(contents.fire('will-navigate', 'http://localhost:5173/#/children')).toBe(false);
    for (const url of ['http://localhost:5174/', 'http://127.0.0.1:5173/', 'https://localhost:5173/', ...FOREIGN]) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
    }
  });
});

describe('new windows', () => {
  it('are never opened; only an https link goes to the system browser', () => {
    const { contents, opened } = wire(packaged.owns);
    for (const url of ['https://www.gov.uk/guidance', 'app://renderer/index.html', 'http://example.org/', ...FOREIGN]) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://www.gov.uk/guidance', 'https://evil.example/']);
    const withCredentials = wire(packaged.owns);
    withCredentials.contents.open('https://user:secret@example.org/');
    expect(withCredentials.opened).toEqual([]);
  });
});

describe('permissions', () => {
  it('refuses every request and every check', () => {
    const { session } = wire(packaged.owns);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'fullscreen', 'openExternal', 'fileSystem']) {
      const answers: boolean[] = [];
      session.request?.({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(session.check?.({}, permission, 'app://renderer', {}), permission).toBe(false);
    }
  });
});

describe('the window', () => {
  it('is sandboxed and isolated, with no Node, no webviews, no spellcheck, and DevTools only when unpackaged', () => {
    const made: BrowserWindowConstructorOptions[] = [];
    class FakeWindow {
      readonly options: BrowserWindowConstructorOptions;
      constructor(options: BrowserWindowConstructorOptions) {
        this.options = options;
        made.push(options);
      }
    }
    createAppWindow(FakeWindow, { preload: '/app/preload.cjs', packaged: true });
    createAppWindow(FakeWindow, { preload: '/app/preload.cjs', packaged: false });
    expect(made[0]?.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(made[1]?.webPreferences?.devTools).toBe(true);
  });
});

describe('the IPC relay', () => {
  const calls: [string, unknown][] = [];
  registerIpc(
    {
      call: (method: string, input: unknown) => Promise.resolve(void calls.push([method, input])).then(() => ({ ok: true, value: null })),
      close: () => Promise.resolve(),
      onLocked: () => undefined,
    },
    packaged.owns,
  );
  const relay = fake.ipcHandlers.get(ipcCallChannel);

  it('passes on calls from the app’s own top frame only', async () => {
    if (!relay) throw new Error('no IPC handler registered');
    const top = { url: 'app://renderer/index.html', parent: null };
    expect(await relay({ senderFrame: top }, 'children.list', {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['children.list', {}]]);
    for (const senderFrame of [
      null,
      { url: 'app://renderer/index.html', parent: top },
      { url: 'https://evil.example/', parent: null },
      { url: 'app://renderer.evil/index.html', parent: null },
      { url: 'file:///index.html', parent: null },
    ]) {
      expect(await relay({ senderFrame }, 'children.list', {}), JSON.stringify(senderFrame)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await relay({ senderFrame: top }, { method: 'children.list' }, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(calls).toHaveLength(1);
  });
});

describe('the app:// protocol', () => {
  let root: string;
  let handler: (request: { url: string; method: string }) => Promise<Response>;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'escalation-log-protocol-'));
    const rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(rendererDir, '.env'), 'SECRET=1');
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
    symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
    serveRenderer(rendererDir);
    const registered = fake.protocolHandlers.get('app');
    if (!registered) throw new Error('no app:// handler registered');
    handler = registered;
  });
  afterAll(() => undefined);

  it('serves the renderer’s own files with the security headers', async () => {
    const page = await handler({ url: 'app://renderer/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>app</title>');
    expect((await handler({ url: 'app://renderer/assets/app.js', method: 'GET' })).status).toBe(200);
  });

  it('serves nothing outside the renderer folder, nothing hidden, and nothing for another host or method', async () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://renderer/assets/..%5c..%5csecret.txt',
      'app://renderer/assets/link.txt',
      'app://renderer/.env',
      'app://renderer/assets',
      'app://renderer/assets/%00app.js',
      'app://evil/index.html',
    ]) {
      const response = await handler({ url, method: 'GET' });
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    expect((await handler({ url: 'app://renderer/index.html', method: 'POST' })).status).toBe(404);
  });
});
