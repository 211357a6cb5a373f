import type { Page } from 'playwright-core';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  async chooseProcedure(name: string) {
    await this.page.getByRole('tab', { name: 'Escalation procedure' }).click();
    // The choice is saved at once; the radio shows it when the core confirms.
    await this.page.getByRole('radio', { name }).click();
    await this.page.getByText(`New escalations will follow ${name}.`).waitFor();
  }

  /** Settings, Passphrase and security: make a new recovery key, confirming that the old one stops working. */
  async makeNewRecoveryKey() {
    await this.page.getByRole('tab', { name: 'Passphrase and security' }).click();
    await this.page.getByRole('button', { name: 'Make a new recovery key' }).click();
    await this.page.getByRole('button', { name: 'Yes, make a new recovery key' }).click();
  }
}
