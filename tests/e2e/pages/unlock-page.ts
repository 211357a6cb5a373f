import type { Page } from 'playwright-core';

export class UnlockPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Escalation Log is locked' });
  }

  async unlock(passphrase: string) {
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  passphraseError() {
    return this.page.getByText('That passphrase is not right.');
  }
}
