import type { Page } from 'playwright-core';
import { field } from './controls';

/** Settings, Backups: the folder, how many to keep, Back up now. Found by role and label. */
export class BackupSettingsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Backups' }).click();
    await this.page.getByRole('heading', { name: 'Where backups go' }).waitFor();
  }

  async chooseFolder(folder: string, keep = 10) {
    await field(this.page, 'Backup folder').fill(folder);
    await field(this.page, 'Backups to keep').fill(String(keep));
    await this.page.getByRole('button', { name: 'Save backup settings' }).click();
  }

  async backUpNow() {
    await this.page.getByRole('button', { name: 'Back up now' }).click();
  }

  backedUp() {
    return this.page.getByRole('status').filter({ hasText: 'Backed up' });
  }
}

/** Restore from a backup: choose the folder and set, open it, check what it holds, confirm. */
export class RestorePage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Restore from a backup', level: 1 });
  }

  async showBackups(folder: string) {
    await field(this.page, 'Folder that holds the backups').fill(folder);
    await this.page.getByRole('button', { name: 'Show backups' }).click();
  }

  async choose(setName: string) {
    await this.page.getByRole('radio', { name: setName }).check();
    await this.page.getByRole('button', { name: 'Use this backup' }).click();
  }

  async openWithRecoveryKey(recoveryKey: string) {
    await this.page.getByText('Recovery key', { exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
    await this.page.getByRole('button', { name: 'Open and check this backup' }).click();
  }

  async openWithPassphrase(passphrase: string) {
    await this.page.getByRole('textbox', { name: "Designated Safeguarding Lead's passphrase" }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Open and check this backup' }).click();
  }

  whatItHolds() {
    return this.page.getByRole('heading', { name: 'What this backup holds' });
  }

  async confirm() {
    await this.page.getByRole('checkbox').check();
    await this.page.getByRole('button', { name: 'Restore this backup' }).click();
  }

  restored() {
    return this.page.getByRole('status').filter({ hasText: 'Backup restored' });
  }
}
