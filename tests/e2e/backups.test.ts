import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newDataDir, startApp, type RunningApp } from './support/app';
import { launchChromium, screenshot } from './support/browser';
import { expectAccessible } from './support/axe';
import { closeAll, freshSetUpApp, PASSPHRASE } from './support/session';
import { AppShell } from './pages/app-shell';
import { addChildThroughScreens, ChildrenPage } from './pages/children-pages';
import { UnlockPage } from './pages/unlock-page';
import { SetupPage } from './pages/setup-page';
import { BackupSettingsPage, RestorePage } from './pages/backup-pages';
import { field } from './pages/controls';

// Issue 9, end to end: the DSL backs up to a "USB stick" (a folder) from Settings, the dashboard
// says when, then on a new computer (a second app with an empty data folder) the set is restored
// with the recovery key through the screens, and the child is there. A damaged records file is
// named on the unlock screen, with the way out.

let browser: Browser;
let page: Page;
let office: RunningApp;
let newComputer: RunningApp | null = null;
const usbStick = newDataDir('usb-stick');
let recoveryKey = '';
let setName = '';

beforeAll(async () => {
  browser = await launchChromium();
  ({ app: office, page, recoveryKey } = await freshSetUpApp(browser, 'backups-office'));
});
afterAll(() => closeAll(browser, office, newComputer));

describe('backups, end to end', () => {
  it('the dashboard says no backup has been made yet', async () => {
    await page.getByRole('status').filter({ hasText: 'No backup has been made yet' }).waitFor();
    await expectAccessible(page, 'Dashboard with no backup yet');
    await screenshot(page, '89-dashboard-no-backup');
    await addChildThroughScreens(page, {
      firstName: 'Zephyrine',
      lastName: 'Quillfeather',
      dateOfBirth: '2017-03-14',
      classOrYear: 'Year 4',
      levelOfNeed: '4',
    });
    // The child's record says how long it is kept.
    await page.getByText('Review date: 14/03/2042').waitFor();
    await screenshot(page, '90-child-review-date');
  });

  it('backs up to a folder from Settings, in one click once the folder is chosen', async () => {
    await new AppShell(page).goTo('Settings');
    const backups = new BackupSettingsPage(page);
    await backups.open();
    await backups.chooseFolder('backups on the stick');
    await page.getByText('Enter the full path of the folder', { exact: false }).waitFor();
    await backups.chooseFolder(join(usbStick, 'not-there'));
    await page.getByText('There is no folder at', { exact: false }).waitFor();
    await backups.chooseFolder(usbStick, 5);
    await page.getByText('Backup settings saved.').waitFor();
    await backups.backUpNow();
    await backups.backedUp().waitFor();
    const text = (await backups.backedUp().textContent()) ?? '';
    setName = /"(Escalation Log backup [^"]+)"/.exec(text)?.[1] ?? '';
    expect(setName).toMatch(/^Escalation Log backup \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d$/);
    expect(readdirSync(join(usbStick, setName)).sort()).toEqual([
      'escalation-log.db',
      'escalation-log.keys.json',
      'escalation-log.keys.previous.json',
      'manifest.json',
    ]);
    // Still encrypted: the child's name is nowhere in the set.
    for (const file of readdirSync(join(usbStick, setName))) {
      expect(readFileSync(join(usbStick, setName, file)).includes(Buffer.from('Quillfeather'))).toBe(false);
    }
    await page.getByRole('table').filter({ hasText: 'Backed up by hand' }).waitFor();
    await expectAccessible(page, 'Settings, Backups');
    await screenshot(page, '91-settings-backups');
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.getByText('No records have reached their review date.').waitFor();
    await expectAccessible(page, 'Settings, Retention');
    await screenshot(page, '91b-settings-retention');
  });

  it('the dashboard shows when the last good backup was made, in UK dates', async () => {
    await new AppShell(page).goTo('Dashboard');
    const line = page.getByRole('status').filter({ hasText: 'Last good backup' });
    await line.waitFor();
    expect(await line.textContent()).toMatch(/Last good backup: \d\d\/\d\d\/\d{4} \d\d:\d\d \(today\)/);
    await screenshot(page, '92-dashboard-backup-line');
    await new AppShell(page).lock();
    await new UnlockPage(page).heading().waitFor();
  });

  it('restores the set on a new computer with the recovery key, after showing what it holds', async () => {
    newComputer = await startApp(newDataDir('backups-new-computer'));
    await page.goto(newComputer.url);
    await new SetupPage(page).heading().waitFor();
    await page.getByRole('button', { name: 'Restore from a backup instead' }).click();
    const restore = new RestorePage(page);
    await restore.heading().waitFor();
    await restore.showBackups('E:backups');
    await page.getByText('Enter the full path of the folder', { exact: false }).waitFor();
    await restore.showBackups(usbStick);
    await page.getByRole('radio', { name: setName }).waitFor();
    await expectAccessible(page, 'Restore: choose a backup');
    await screenshot(page, '93-restore-choose');
    await restore.choose(setName);
    await restore.openWithRecoveryKey('NOT-A-REAL-KEY');
    await page.getByText('A recovery key is 52 letters and numbers', { exact: false }).first().waitFor();
    await restore.openWithRecoveryKey(recoveryKey);
    await restore.whatItHolds().waitFor({ timeout: 30_000 });
    const holds = (await page.locator('.mantine-Paper-root').filter({ hasText: 'What this backup holds' }).last().textContent()) ?? '';
    expect(holds).toContain('Northway Primary and Nursery School');
    expect(holds).toMatch(/1 child, 0 escalations, 0 referrals, 0 stored documents/);
    expect(holds).toMatch(/Made: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await expectAccessible(page, 'Restore: what the backup holds');
    await screenshot(page, '94-restore-check');
    await restore.confirm();
    await restore.restored().waitFor();
    await screenshot(page, '95-restore-done');
    await page.getByRole('button', { name: 'Go to unlock' }).click();
    const unlock = new UnlockPage(page);
    await unlock.heading().waitFor();
    await unlock.unlock(PASSPHRASE);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await new AppShell(page).goTo('Children');
    await new ChildrenPage(page).table().getByRole('link', { name: 'Quillfeather, Zephyrine' }).waitFor();
  });

  it('names a damaged records file on the unlock screen, with the way out', async () => {
    if (!newComputer) throw new Error('The new computer is not running.');
    await new AppShell(page).lock();
    await new UnlockPage(page).heading().waitFor();
    await newComputer.stop();
    const database = join(newComputer.dataDir, 'escalation-log.db');
    const bytes = readFileSync(database);
    for (let at = 4096 * 2 + 100; at < bytes.length; at += 4096) bytes.writeUInt8(bytes.readUInt8(at) ^ 0x5a, at);
    writeFileSync(database, bytes);
    newComputer = await startApp(newComputer.dataDir);
    await page.goto(newComputer.url);
    const unlock = new UnlockPage(page);
    await unlock.heading().waitFor();
    await unlock.unlock(PASSPHRASE);
    const alert = page.getByRole('alert').filter({ hasText: 'The records file is damaged' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Restore from a backup');
    expect(await alert.textContent()).not.toContain('Something went wrong');
    await expectAccessible(page, 'Unlock: damaged records file');
    await screenshot(page, '96-unlock-damaged');
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await new RestorePage(page).heading().waitFor();
    await field(page, 'Folder that holds the backups').waitFor();
  });
});
