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

  unlockButton() {
    return this.page.getByRole('button', { name: 'Unlock', exact: true });
  }

  /** The wait after too many wrong attempts, counting down: "Try again in N seconds". */
  waitNotice() {
    return this.page.getByRole('alert').filter({ hasText: /Too many wrong attempts\. Try again in \d+ seconds?\./ });
  }
}
