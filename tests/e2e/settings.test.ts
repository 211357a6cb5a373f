import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { launchChromium, screenshot } from './support/browser';
import { PASSPHRASE, closeAll, freshSetUpApp } from './support/session';
import { AppShell } from './pages/app-shell';
import { UnlockPage } from './pages/unlock-page';
import { field, fillDate } from './pages/controls';

// Settings: the partnership procedure (choose, copy, edit the copy as a new version), the calendar
// (closure days count against working days), and the passphrase.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'settings'));
  await new AppShell(page).goTo('Settings');
});
afterAll(() => closeAll(browser, app));

describe('settings', () => {
  it('copies a built-in procedure, edits the copy and saves it as a new version', async () => {
    await page.getByText('No procedure chosen yet').waitFor();
    await screenshot(page, '20-settings-procedures');
    const bromley = page.locator('.mantine-Card-root').filter({ hasText: 'Bromley (BSCP) escalation policy' });
    await bromley.getByRole('button', { name: 'Copy to edit' }).click();
    await field(page, 'Name for the copy').fill('Ready Steady Grow: Bromley procedure');
    await page.getByRole('button', { name: 'Make the copy' }).click();
    await page.getByRole('heading', { name: 'Editing Ready Steady Grow: Bromley procedure (version 1)' }).waitFor();
    await page.getByRole('button', { name: 'Stage 1: Front-line Professional to Professional' }).click();
    await field(page, 'Title').first().fill('Practitioner to practitioner');
    await screenshot(page, '21-settings-procedure-editor');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByText('Saved version 2 of Ready Steady Grow: Bromley procedure.').waitFor();
    const copy = page.locator('.mantine-Card-root').filter({ hasText: 'Ready Steady Grow: Bromley procedure' });
    // The message shows as soon as the save returns; the list is asked for again after it.
    await copy.getByText('· version 2', { exact: false }).waitFor();
    await copy.getByRole('radio').click();
    await page.getByText('New escalations will follow Ready Steady Grow: Bromley procedure.').waitFor();
  });

  it('adds a closure day', async () => {
    await page.getByRole('tab', { name: 'Calendar' }).click();
    await fillDate(page, 'Date', '2027-01-04');
    await field(page, 'Reason').fill('INSET day');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    const table = page.getByRole('table', { name: 'Closure days' });
    await table.waitFor();
    expect(await table.textContent()).toContain('04/01/2027INSET day');
    await screenshot(page, '22-settings-calendar');
  });

  it('changes the passphrase: the new one unlocks', async () => {
    await page.getByRole('tab', { name: 'Passphrase and security' }).click();
    const next = 'quiet orchard silver kettle';
    await page.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill(PASSPHRASE);
    await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
    await page.getByRole('textbox', { name: 'New passphrase again', exact: true }).fill(next);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByText('Your passphrase is changed.', { exact: false }).waitFor();
    await screenshot(page, '23-settings-security');
    await new AppShell(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.unlock(PASSPHRASE);
    await unlock.passphraseError().waitFor();
    await unlock.unlock(next);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });
});

describe('people', () => {
  it('adds a deputy, who unlocks with their own passphrase and sees their role', async () => {
    await new AppShell(page).goTo('Settings');
    await page.getByRole('tab', { name: 'People' }).click();
    await field(page, 'Full name').fill('Tom Okonkwo');
    await page.getByRole('textbox', { name: 'Their passphrase', exact: true }).fill('orchard lantern seven tides');
    await page.getByRole('textbox', { name: 'Their passphrase again', exact: true }).fill('orchard lantern seven tides');
    await page.getByRole('button', { name: 'Add this person' }).click();
    await page.getByRole('table', { name: 'People' }).getByText('Tom Okonkwo').waitFor();
    await screenshot(page, '24-settings-people');
    await new AppShell(page).lock();
    await new UnlockPage(page).unlock('orchard lantern seven tides');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await new AppShell(page).signedInName().innerText()).toBe('Tom Okonkwo');
    await page.getByText('Deputy Designated Safeguarding Lead').waitFor();
    await new AppShell(page).goTo('Settings');
    expect(await page.getByRole('tab', { name: 'People' }).count()).toBe(0);
  });
});
