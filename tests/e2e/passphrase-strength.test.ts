import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newDataDir, startApp, type RunningApp } from './support/app';
import { launchChromium, newUkPage, screenshot } from './support/browser';
import { SetupPage } from './pages/setup-page';
import { PASSPHRASE, closeAll } from './support/session';
import { expectAccessible } from './support/axe';
import { AppShell } from './pages/app-shell';
import { UnlockPage } from './pages/unlock-page';

// A weak passphrase is refused with the reason, shown as it is typed (under the field) and again
// beside the field when the form is sent, because the core applies the same rule.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp(newDataDir('strength'));
  page = await newUkPage(browser);
});

afterAll(() => closeAll(browser, app));

describe('passphrase strength at setup', () => {
  it('says why a passphrase is weak as it is typed, refuses it, and accepts random words', async () => {
    await page.goto(app.url);
    const setup = new SetupPage(page);
    await setup.heading().waitFor();
    await setup.fillSetting({ name: 'Northway Primary and Nursery School' });
    await setup.continue();
    const meter = page.getByTestId('passphrase-strength');
    await meter.getByText('At least 12 characters.', { exact: false }).waitFor();

    await page.getByLabel('Designated Safeguarding Lead’s full name').fill('Priya Raman');
    // As it is typed (the field not yet left): the meter gives the reason.
    const passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
    await passphrase.fill('aaaaa');
    await meter.getByText('Too short: 7 more characters needed.').waitFor();
    await passphrase.fill('aaaaaaaaaaaa');
    await meter.getByText('Too easy to guess. Repeated characters like "aaa" are easy to guess.', { exact: false }).waitFor();
    await screenshot(page, 'strength-00-typing');
    await page.getByLabel('Passphrase again').fill('aaaaaaaaaaaa');
    await setup.create();
    // Then beside the field, from the same rule the core applies (said once, not twice); nothing is set up.
    await page
      .getByText('This passphrase is too easy to guess. Repeated characters like "aaa" are easy to guess.', { exact: false })
      .waitFor();
    expect((await meter.innerText()).trim()).toBe('Too easy to guess.');
    expect(await page.getByRole('heading', { name: 'Your recovery key' }).count()).toBe(0);
    await screenshot(page, 'strength-01-weak');
    await expectAccessible(page, 'set-up with a weak passphrase');

    await setup.fillDsl({ name: 'Priya Raman', passphrase: PASSPHRASE });
    await meter.getByText('Strong enough: hard to guess.').waitFor();
    await screenshot(page, 'strength-02-strong');
    await setup.create();
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('I have printed the recovery sheet and stored it safely').check();
    await page.getByLabel('Where is it stored?').fill('Sealed envelope in the school safe');
    await page.getByRole('button', { name: 'Continue to Escalation Log' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  });

  it('says why on every screen that sets a passphrase: changing one’s own, adding a person, the recovery key’s new one', async () => {
    const meter = page.getByTestId('passphrase-strength');
    await new AppShell(page).goTo('Settings');
    await page.getByRole('tab', { name: 'Passphrase and security' }).click();
    await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('password1234');
    await meter.getByText('similar to a commonly used password', { exact: false }).waitFor();
    await screenshot(page, 'strength-03-change-passphrase');
    await expectAccessible(page, 'Settings, passphrase change with a weak passphrase');

    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('textbox', { name: 'Their passphrase', exact: true }).fill('qwertyuiopas');
    await meter.getByText('Too easy to guess.', { exact: false }).waitFor();
    await screenshot(page, 'strength-04-add-person');
    await expectAccessible(page, 'Settings, People with a weak passphrase');

    await page.keyboard.press('Control+l');
    const unlock = new UnlockPage(page);
    await unlock.heading().waitFor();
    await page.getByRole('button', { name: 'Forgotten your passphrase? Use the recovery key' }).click();
    await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('aaaaaaaaaaaa');
    await meter.getByText('Repeated characters like "aaa" are easy to guess.', { exact: false }).waitFor();
    await screenshot(page, 'strength-05-recovery-unlock');
    await expectAccessible(page, 'unlock with the recovery key, weak new passphrase');
  });
});
