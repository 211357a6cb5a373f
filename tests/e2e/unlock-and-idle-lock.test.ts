import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { launchChromium, screenshot } from './support/browser';
import { closeAll, freshSetUpApp } from './support/session';
import { AppShell } from './pages/app-shell';
import { RecoveryKeyPage } from './pages/setup-page';
import { UnlockPage } from './pages/unlock-page';
import { tokenHeaderName, tokenStorageKey } from '../../shared/bridge';

// Issue 11, items 9 and 10, as a DSL meets them. "Forgotten your passphrase? Use the recovery key"
// works with one click (the passphrase field's message appeared as it lost the focus, moving the
// link from under the pointer); after unlocking with the recovery key the new key is shown, not a
// message that one "was offered but can't be shown again". The idle lock is saved as typed with its
// Save button (typing 45 saved 4), its limits said beside it (0 and 45 refused, with the reason).

let browser: Browser;
let app: RunningApp;
let page: Page;
let recoveryKey = '';

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page, recoveryKey } = await freshSetUpApp(browser, 'unlock-idle'));
});

afterAll(() => closeAll(browser, app));

describe('unlocking with the recovery key', () => {
  it('is one click away, and shows the new recovery key afterwards', async () => {
    await new AppShell(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.heading().waitFor();
    // The passphrase field has the focus and nothing typed: the click takes it away.
    expect(await page.getByRole('textbox', { name: 'Passphrase', exact: true }).evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Forgotten your passphrase? Use the recovery key' }).click();
    await page.getByRole('textbox', { name: 'Recovery key' }).waitFor({ timeout: 2_000 });
    expect(await page.getByText('Enter your passphrase.').count()).toBe(0);

    await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
    const next = 'quiet orchard beacon thistle';
    await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
    await page.getByRole('textbox', { name: 'New passphrase again' }).fill(next);
    await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();

    const recovery = new RecoveryKeyPage(page);
    await recovery.heading().waitFor({ timeout: 30_000 });
    await page.getByTestId('recovery-key').waitFor();
    const fresh = await recovery.key();
    expect(fresh).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(fresh).not.toBe(recoveryKey);
    expect(await page.getByText('can’t be shown again', { exact: false }).count()).toBe(0);
    await screenshot(page, 'unlock-recovery-new-key');
    await recovery.confirmStored('Sealed envelope in the school safe, replaced');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  });
});

describe('the idle lock setting', () => {
  it('saves what was typed, and refuses 0 and 45 minutes beside the field', async () => {
    await new AppShell(page).goTo('Settings');
    await page.getByRole('tab', { name: 'Passphrase and security' }).click();
    const minutes = page.getByRole('textbox', { name: 'Lock after this many minutes without use' });
    const save = page.getByRole('button', { name: 'Save the idle lock' });
    expect(await minutes.inputValue()).toBe('5');

    await minutes.fill('0');
    await save.click();
    await page.getByRole('alert').filter({ hasText: 'Lock after at least 1 minute.' }).waitFor();
    await minutes.fill('45');
    await save.click();
    await page.getByRole('alert').filter({ hasText: 'Lock after 30 minutes at most' }).waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'idle-lock-refused');

    // Typed a key at a time, as a person does: nothing is saved on the way (4 on the way to 25).
    await minutes.fill('');
    await minutes.pressSequentially('25');
    await save.click();
    await page.getByRole('status').filter({ hasText: 'Saved: Escalation Log now locks after 25 minutes without use.' }).waitFor();
    // Saved in the records (tests/unit/session shows the open session locks by it at once).
    const status = await page.evaluate(
      async ({ header, key }) => {
        const response = await fetch('/api/session.status', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [header]: sessionStorage.getItem(key) ?? '' },
          body: '{}',
        });
        return (await response.json()) as { value: { idleLockMinutes: number } };
      },
      { header: tokenHeaderName, key: tokenStorageKey },
    );
    expect(status.value.idleLockMinutes).toBe(25);
    await page.reload();
    await page.getByRole('tab', { name: 'Passphrase and security' }).click();
    expect(await page.getByRole('textbox', { name: 'Lock after this many minutes without use' }).inputValue()).toBe('25');
  });
});
