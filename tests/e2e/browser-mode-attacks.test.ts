import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { newDataDir, startApp, type RunningApp } from './support/app';
import { launchChromium, newUkPage } from './support/browser';

// Attacks on browser mode from the same computer, in a real Chromium. Every port of 127.0.0.1 is
// the same "site" to a browser, and cookies are shared across ports: a token kept in a cookie was
// sent to any other local server the browser visited. The token now travels only in the address's
// fragment (never sent to a server) and in a header the page adds itself, so a listener on another
// port sees nothing, however the browser reaches it.

let browser: Browser;
let app: RunningApp;
let listener: Server;
let listenerOrigin: string;
const captured: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp(newDataDir('attacks'));
  listener = createServer((request, response) => {
    captured.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>Another local server</title><p>Another local server</p>');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  listenerOrigin = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

describe('browser mode against another local server', () => {
  it('never sends the token to a listener on another 127.0.0.1 port', async () => {
    const token = new URL(app.url).hash.replace('#token=', '');
    expect(token.length).toBeGreaterThan(20);
    const page = await newUkPage(browser);
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Set up Escalation Log' }).waitFor();
    // The page has taken the token out of its address, and made its API calls with it.
    expect(page.url()).toBe(`${app.origin}/`);
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // The same browser then visits the other server: in the same tab, in a new tab, and by a
    // request the app's own tab makes to it (which the app's CSP blocks; tried anyway).
    await page.goto(`${listenerOrigin}/same-tab`);
    const other = await page.context().newPage();
    await other.goto(`${listenerOrigin}/new-tab`);
    await other.evaluate(async (target) => {
      await fetch(`${target}/fetch`, { credentials: 'include' }).catch(() => undefined);
    }, listenerOrigin);
    const back = await page.context().newPage();
    await back.goto(app.url);
    await back.getByRole('heading', { name: 'Set up Escalation Log' }).waitFor();
    await back.evaluate((target) => {
      const image = document.createElement('img');
      image.src = `${target}/image`;
      document.body.appendChild(image);
    }, listenerOrigin);
    await back.waitForTimeout(300);

    expect(captured.map((request) => request.url)).toEqual(expect.arrayContaining(['/same-tab', '/new-tab', '/fetch']));
    for (const request of captured) {
      expect(request.url).not.toContain(token);
      expect(JSON.stringify(request.headers), request.url).not.toContain(token);
      expect(request.headers.cookie, request.url).toBeUndefined();
    }
    // What the other server can read of the app (another origin): no sessionStorage of the app's.
    expect(await other.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(token);
  });
});
