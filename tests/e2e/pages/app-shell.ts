import type { Page } from 'playwright-core';

/** The signed-in app: navigation, the Lock button, who is signed in. */
export class AppShell {
  constructor(private readonly page: Page) {}

  async goTo(section: 'Dashboard' | 'Children' | 'Escalations' | 'Referrals' | 'Settings') {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();
    await this.page.getByRole('heading', { level: 1, name: section === 'Dashboard' ? 'Dashboard' : section }).waitFor();
  }

  async lock() {
    await this.page.getByRole('button', { name: /^Lock/ }).click();
  }

  signedInName() {
    return this.page.getByTestId('signed-in-name');
  }
}
