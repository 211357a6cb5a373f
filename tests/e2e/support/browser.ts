import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium, never a downloaded browser. The flags keep it from reaching for the network
// (this machine has none, and the app must never need it).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Chromium takes the locale of its date and time controls from the environment.
    env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB:en', LC_ALL: 'en_GB.UTF-8' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // UK date and time controls, as on a DSL's PC.
      '--lang=en-GB',
    ],
  });
}

/** A DSL's browser: UK English, London time, a laptop-sized window, downloads allowed. */
export async function newUkPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return context.newPage();
}

export const SCREENSHOT_DIR = 'test-results';

/** A full-page screenshot under test-results/, to be opened and looked at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // The app's header and navigation are fixed to the window; in a full-page capture they would be
  // painted part-way down, so for the capture they scroll with the page.
  await page.screenshot({
    path,
    fullPage: true,
    style: '.mantine-AppShell-header, .mantine-AppShell-navbar { position: absolute !important; }',
  });
  return path;
}
