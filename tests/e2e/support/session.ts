import type { Page } from 'playwright-core';
import { RecoveryKeyPage, SetupPage } from '../pages/setup-page';

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
