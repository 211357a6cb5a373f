import type { Page } from 'playwright-core';

/** First run: the setting, the DSL and passphrase, then the recovery key. Found by role and label. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Set up Escalation Log' });
  }

  async fillSetting(input: { name: string; type?: 'School' | 'Early years setting'; region?: string }) {
    await this.page.getByLabel('Setting name').fill(input.name);
    await this.page.getByRole('radio', { name: input.type ?? 'School', exact: true }).check();
    await this.page.getByRole('radio', { name: input.region ?? 'England and Wales' }).check();
  }

  async continue() {
    await this.page.getByRole('button', { name: 'Continue', exact: true }).click();
  }

  async fillDsl(input: { name: string; passphrase: string; confirm?: string }) {
    await this.page.getByLabel('Designated Safeguarding Lead’s full name').fill(input.name);
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(input.passphrase);
    await this.page.getByLabel('Passphrase again').fill(input.confirm ?? input.passphrase);
  }

  async create() {
    await this.page.getByRole('button', { name: 'Create the encrypted records file' }).click();
  }
}

export class RecoveryKeyPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Your recovery key' });
  }

  async key(): Promise<string> {
    return (await this.page.getByTestId('recovery-key').locator('span').allInnerTexts()).join('-');
  }

  /** Prints from memory: the page's print dialog (tests replace window.print to count calls). */
  async printSheet() {
    await this.page.getByRole('button', { name: 'Print the recovery sheet' }).click();
  }

  /** The print-only copy of the sheet (hidden on screen, the only thing printed). */
  printedSheet() {
    return this.page.getByTestId('recovery-sheet-print');
  }

  /** Saving a PDF copy: offered behind a warning, and only once it is acknowledged. */
  async offerCopy() {
    await this.page.getByRole('button', { name: 'Save a copy as a file instead' }).click();
  }

  async saveCopy() {
    await this.page.getByLabel('I understand: I will delete the saved copy once the sheet is printed').check();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Save a copy (PDF)' }).click();
    return download;
  }

  /** Shown instead of the key when the key is no longer in memory (the page was reloaded). */
  async makeNewKey() {
    await this.page.getByRole('button', { name: 'Make a new recovery key' }).click();
    await this.page.getByTestId('recovery-key').waitFor();
  }

  async confirmStored(where: string) {
    await this.page.getByLabel('I have printed the recovery sheet and stored it safely').check();
    await this.page.getByLabel('Where is it stored?').fill(where);
    await this.page.getByRole('button', { name: 'Continue to Escalation Log' }).click();
  }
}
