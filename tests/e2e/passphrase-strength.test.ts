import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { newDataDir, startApp, type RunningApp } from './support/app';
import { launchChromium, newUkPage, screenshot } from './support/browser';
import { SetupPage } from './pages/setup-page';
import { PASSPHRASE } from './support/session';

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

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

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
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);

    await setup.fillDsl({ name: 'Priya Raman', passphrase: PASSPHRASE });
    await meter.getByText('Strong enough: hard to guess.').waitFor();
    await screenshot(page, 'strength-02-strong');
    await setup.create();
    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
  });
});
