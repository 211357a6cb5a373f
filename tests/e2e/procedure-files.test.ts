import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { SCREENSHOT_DIR, launchChromium, screenshot } from './support/browser';
import { expectAccessible } from './support/axe';
import { closeAll, freshSetUpApp } from './support/session';
import { AppShell } from './pages/app-shell';
import { field } from './pages/controls';

// Issue 8, Settings, Escalation procedure: each procedure names its document by title and year and
// when it was last checked; a procedure is saved as a file and a file imported (a broken one refused
// with every problem listed by where it is); a copy's own timescales, contacts and last-checked date
// are edited in one place. Checked with axe.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'procedure-files'));
  await new AppShell(page).goTo('Settings');
  await page.getByRole('tab', { name: 'Escalation procedure' }).click();
});
afterAll(() => closeAll(browser, app));

function card(name: string) {
  return page.locator('.mantine-Card-root').filter({ hasText: name });
}

async function importFile(name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a procedure file' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('procedures as files', () => {
  it('names each procedure’s document and its last check, saves one as a file and imports files', async () => {
    const liverpool = card('Liverpool escalation guidance (LSCB)');
    await liverpool.getByText('From: Escalation Guidance Policy 2018', { exact: false }).waitFor();
    expect(await liverpool.innerText()).toContain('last checked 01/12/2026');
    await expectAccessible(page, 'Settings, Escalation procedure');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save Birmingham escalation policy as a file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Procedure - Birmingham escalation policy - version 2.json');
    const path = join(SCREENSHOT_DIR, 'birmingham-procedure.json');
    await file.saveAs(path);
    const text = readFileSync(path, 'utf8');

    const broken = JSON.parse(text) as Record<string, unknown>;
    await importFile('broken.json', JSON.stringify({ ...broken, name: '', timescaleOverrides: {} }));
    const problems = page.getByRole('list', { name: 'Problems with the procedure file' });
    await problems.waitFor();
    expect(await problems.innerText()).toContain('Name: This cannot be empty.');
    expect(await problems.innerText()).toContain('“timescaleOverrides” is not part of a procedure file: remove it.');
    await screenshot(page, '24-settings-procedure-file-refused');
    await expectAccessible(page, 'a refused procedure file');

    await importFile('birmingham.json', text);
    await page.getByText('Imported Birmingham escalation policy as a procedure of your own.', { exact: false }).waitFor();
    await card('Your copy').first().waitFor();
  });

  it('edits a copy’s own timescales, contacts and last-checked date in one place', async () => {
    await card('Liverpool escalation guidance (LSCB)').getByRole('button', { name: 'Copy to edit' }).click();
    await field(page, 'Name for the copy').fill('Liverpool (our copy)');
    await page.getByRole('button', { name: 'Make the copy' }).click();
    await page.getByRole('heading', { name: 'Editing Liverpool (our copy) (version 1)' }).waitFor();
    // The adviser's address is kept once, here.
    expect(await field(page, 'Contact 1: email').inputValue()).toBe('phil.cooper@si.liverpool.gov.uk');
    await field(page, 'Contact 1: email').fill('safeguarding.adviser@example.org.uk');
    await field(page, 'Last checked against the partnership’s current document').fill('28/11/2026');
    await screenshot(page, '25-settings-procedure-editor-local-rules');
    await expectAccessible(page, 'the procedure editor');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByText('Saved version 2 of Liverpool (our copy).').waitFor();
    // The list of procedures is read again after the save's message shows: wait for it, not a fixed read.
    await card('Liverpool (our copy)').getByText('last checked 28/11/2026', { exact: false }).waitFor();
  });
});
