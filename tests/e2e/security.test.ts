import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openEncryptedDatabase } from '../../db/connection';
import { dataPaths, unlockWithPassphrase } from '../../db/vault';
import type { RunningApp } from './support/app';
import { expectAccessible } from './support/axe';
import { launchChromium, screenshot } from './support/browser';
import { PASSPHRASE, closeAll, freshSetUpApp } from './support/session';
import { AppShell } from './pages/app-shell';
import { UnlockPage } from './pages/unlock-page';
import { choose, field } from './pages/controls';

// Settings, as the DSL sees the protections of issue 10: the records' key and what the checks at
// unlock found; removing a person (the key is replaced); replacing the key on demand ("I think a copy
// of the files was taken"); the audit log, filtered by person, record and date, and exported as a
// PDF with a neutral name; and a records file changed outside the app while locked, said loudly in
// red at the next unlock. Each screen checked with axe and captured.

let browser: Browser;
let app: RunningApp;
let page: Page;
const DEPUTY = 'orchard lantern seven tides';

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'security'));
}, 120_000);
afterAll(() => closeAll(browser, app));

async function securityTab() {
  await new AppShell(page).goTo('Settings');
  await page.getByRole('tab', { name: 'Passphrase and security' }).click();
  await page.getByRole('heading', { name: 'The records’ key and the checks' }).waitFor();
}

describe('the records’ key and the checks', () => {
  it('says which key generation is in use and that nothing was changed outside the app', async () => {
    await securityTab();
    await page.getByText('Key generation 1, never replaced.', { exact: false }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Nothing changed outside Escalation Log' }).waitFor();
    await expectAccessible(page, 'Settings, Passphrase and security');
    await screenshot(page, 'issue10-1-security-key-and-checks');
  });

  it('removing a person replaces the key, and says so', async () => {
    await page.getByRole('tab', { name: 'People' }).click();
    await field(page, 'Full name').fill('Tom Okonkwo');
    await page.getByRole('textbox', { name: 'Their passphrase', exact: true }).fill(DEPUTY);
    await page.getByRole('textbox', { name: 'Their passphrase again', exact: true }).fill(DEPUTY);
    await page.getByRole('button', { name: 'Add this person' }).click();
    const people = page.getByRole('table', { name: 'People' });
    await people.getByText('Tom Okonkwo').waitFor();
    await people.getByRole('button', { name: 'Remove access' }).click();
    await people.getByRole('button', { name: 'Remove Tom Okonkwo' }).click();
    await page.getByText("Removed. The records' key was replaced too", { exact: false }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'issue10-2-person-removed-key-replaced');
    await page.getByRole('tab', { name: 'Passphrase and security' }).click();
    await page.getByText('Key generation 2, last replaced', { exact: false }).waitFor();
  });

  it('replaces the key on demand, after saying what it does', async () => {
    await page.getByRole('button', { name: 'Replace the key now' }).click();
    const confirm = page.getByRole('alert').filter({ hasText: 'Replace the records’ key?' });
    await confirm.getByText('I think a copy of the files was taken', { exact: false }).click();
    await expectAccessible(page, 'replacing the key, confirming');
    await screenshot(page, 'issue10-3-replace-key-confirm');
    await confirm.getByRole('button', { name: 'Yes, replace the key' }).click();
    await page.getByText("The records' key was replaced (key generation 3)", { exact: false }).waitFor({ timeout: 60_000 });
    await page.getByText('Key generation 3, last replaced', { exact: false }).waitFor();
    await screenshot(page, 'issue10-4-key-replaced');
  });
});

describe('the audit log', () => {
  it('lists every entry newest first, filters by person, record and date, and exports a PDF with a neutral name', async () => {
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const log = page.getByRole('table', { name: 'Audit log' });
    await log.waitFor();
    expect(await log.textContent()).toContain('copy of the records may have been taken');
    await expectAccessible(page, 'Settings, Audit log');
    await screenshot(page, 'issue10-5-audit-log');

    // By person: Tom's own entries (none: he never signed in) and Priya's.
    await choose(page, page, 'Person', 'Priya Raman');
    await page.getByText(/Showing \d+ of \d+ entries/).waitFor();
    expect(await log.textContent()).not.toContain('No one signed in');

    // By record: the entries about Tom.
    await log
      .getByRole('button', { name: /^Show only the user / })
      .first()
      .click();
    await page.getByText('Showing only the user', { exact: false }).waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('Loading'));
    const rows = await log.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes('Tom Okonkwo'))).toBe(true);
    await screenshot(page, 'issue10-6-audit-log-one-record');
    await page.getByRole('button', { name: 'Clear the filters' }).click();

    // By date, typed as a DSL types it (dd/mm/yyyy on every PC): a day with nothing on it.
    await field(page, 'From').fill('01/01/2001');
    await field(page, 'To').fill('02/01/2001');
    await page.getByText('No entries match these filters.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await log.waitFor();
    // Cleared means the boxes too, not only the list.
    expect(await field(page, 'From').inputValue()).toBe('');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^Audit log - \d{2}-\d{2}-\d{4} - ref [0-9A-F]{8}\.pdf$/);
  });
});

describe('records changed outside Escalation Log while locked', () => {
  it('are said loudly, in red, at the next unlock, and the alert is in the audit log', async () => {
    await new AppShell(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.heading().waitFor();
    // Someone with the passphrase and the files drops a protecting trigger offline.
    const opened = await unlockWithPassphrase(dataPaths(app.dataDir), PASSPHRASE);
    if (!opened) throw new Error('the passphrase opens no slot');
    const sqlite = openEncryptedDatabase(join(app.dataDir, 'escalation-log.db'), opened.dataKey, { create: false });
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.close();
    await unlock.unlock(PASSPHRASE);
    const alert = page.getByRole('alert').filter({ hasText: 'The records were changed outside Escalation Log' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('stops rows being deleted from the audit log was removed');
    await expectAccessible(page, 'the dashboard with an integrity alert');
    await screenshot(page, 'issue10-7-integrity-alert-at-unlock');
  });
});
