import type { Browser, Page } from 'playwright-core';
import { RecoveryKeyPage, SetupPage } from '../pages/setup-page';
import { newDataDir, startApp, type RunningApp } from './app';
import { newUkPage } from './browser';

export const PASSPHRASE = 'meadow lantern copper harbour';

/** Sets up a new data folder through the screens; returns the recovery key shown. */
export async function setUpThroughScreens(
  page: Page,
  settingName = 'Northway Primary and Nursery School',
  dslName = 'Priya Raman',
): Promise<string> {
  const setup = new SetupPage(page);
  await setup.heading().waitFor();
  await setup.fillSetting({ name: settingName });
  await setup.continue();
  await setup.fillDsl({ name: dslName, passphrase: PASSPHRASE });
  await setup.create();
  const recovery = new RecoveryKeyPage(page);
  await recovery.heading().waitFor({ timeout: 30_000 });
  const key = await recovery.key();
  await recovery.confirmStored('Sealed envelope in the school safe');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  return key;
}

export interface SetUpApp {
  app: RunningApp;
  page: Page;
  recoveryKey: string;
}

/**
 * The built app started on a new data folder (named by `label`), a DSL's page on it, set up
 * through the screens: the page is on the dashboard, signed in as the DSL. With `pageClock`, the page
 * has a clock of its own, running in real time until the test moves it on: installed before the page
 * loads, as Playwright advises, so every timer the app sets is on it.
 */
export async function freshSetUpApp(browser: Browser, label: string, options: { pageClock?: boolean } = {}): Promise<SetUpApp> {
  const app = await startApp(newDataDir(label));
  const page = await newUkPage(browser);
  if (options.pageClock) await page.clock.install();
  await page.goto(app.url);
  const recoveryKey = await setUpThroughScreens(page);
  return { app, page, recoveryKey };
}

/** Closes the browser and stops the apps a test started (any not started yet is passed over). */
export async function closeAll(browser: Browser | undefined, ...apps: (RunningApp | null | undefined)[]): Promise<void> {
  await browser?.close();
  for (const app of apps) await app?.stop();
}
