import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Download, Page } from 'playwright-core';
import { newDataDir, startApp, type RunningApp } from './support/app';
import { launchChromium, newUkPage, screenshot } from './support/browser';
import { RecoveryKeyPage, SetupPage } from './pages/setup-page';
import { PASSPHRASE, closeAll } from './support/session';

// The recovery key is printed from memory, never downloaded: Print opens the print dialog on a
// print-only copy of the sheet (window.print is replaced here, to count the calls), and no file is
// made. A PDF copy is saved only when the DSL asks for one and acknowledges the warning; the screen
// then says to delete it once printed. The data folder never holds the key.

let browser: Browser;
let app: RunningApp;
let page: Page;
const downloads: Download[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp(newDataDir('recovery-sheet'));
  page = await newUkPage(browser);
  page.on('download', (download) => downloads.push(download));
  await page.addInitScript(() => {
    const counted = window as unknown as { printCalls: number };
    counted.printCalls = 0;
    window.print = () => {
      counted.printCalls += 1;
    };
  });
});

afterAll(() => closeAll(browser, app));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function seriousViolations(target: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: target }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

describe('the recovery sheet', () => {
  let key = '';

  it('is printed from the screen, with no file made', async () => {
    await page.goto(app.url);
    const setup = new SetupPage(page);
    await setup.heading().waitFor();
    await setup.fillSetting({ name: 'Northway Primary and Nursery School' });
    await setup.continue();
    await setup.fillDsl({ name: 'Priya Raman', passphrase: PASSPHRASE });
    await setup.create();
    const recovery = new RecoveryKeyPage(page);
    await recovery.heading().waitFor({ timeout: 30_000 });
    key = await recovery.key();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'recovery-01-key');

    await recovery.printSheet();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    const sheet = recovery.printedSheet();
    await sheet.waitFor({ state: 'attached' });
    // Hidden on screen; when printing it is the whole page, with the key in its groups.
    expect(await sheet.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Your recovery key' }).isVisible()).toBe(false);
    expect((await sheet.getByLabel('Recovery key').locator('span').allInnerTexts()).join('-')).toBe(key);
    await screenshot(page, 'recovery-02-printed-sheet');
    await page.emulateMedia({ media: 'screen' });
    expect(downloads).toHaveLength(0);
  });

  it('is saved as a file only when asked for, after a warning, and the screen says to delete it', async () => {
    const recovery = new RecoveryKeyPage(page);
    await recovery.offerCopy();
    await page.getByText('A saved copy is the master key to every record, in a file.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Save a copy (PDF)' }).isDisabled()).toBe(true);
    expect(downloads).toHaveLength(0);
    await screenshot(page, 'recovery-03-copy-warning');
    expect(await seriousViolations(page)).toEqual([]);

    const download = await recovery.saveCopy();
    expect(download.suggestedFilename()).toBe('Escalation Log recovery sheet.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.getByText('Delete the saved copy once the sheet is printed').waitFor();
    await screenshot(page, 'recovery-04-copy-saved');
    expect(await seriousViolations(page)).toEqual([]);
    expect(downloads).toHaveLength(1);
  });

  it('is in no file of the data folder, once stored', async () => {
    const recovery = new RecoveryKeyPage(page);
    await recovery.confirmStored('Sealed envelope in the school safe');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const bare = key.replace(/-/g, '');
    for (const file of filesUnder(app.dataDir)) {
      const bytes = readFileSync(file);
      for (const spelling of [key, bare, bare.toLowerCase()]) {
        expect(bytes.includes(Buffer.from(spelling, 'utf8')), `${spelling} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(spelling, 'utf16le')), `${spelling} (UTF-16) in ${file}`).toBe(false);
      }
    }
  });
});
