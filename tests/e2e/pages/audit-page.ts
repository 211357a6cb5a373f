import type { Locator, Page } from 'playwright-core';
import { choose } from './controls';

/** The Audit screen: what to audit, the figures, the charts, the gaps in the records and the PDF for governors. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
  }

  async chooseTerm(label: string) {
    await this.page.getByRole('radio', { name: 'A term' }).check({ force: true });
    await choose(this.page, this.page.getByRole('region', { name: 'What to audit' }), 'Term', label);
  }

  /** A whole school year, by its label: 'School year 2025/26'. */
  async chooseSchoolYear(label: string) {
    // The kinds are radios drawn as labels (the inputs are hidden): the label is what is clicked.
    await this.page.getByRole('region', { name: 'What to audit' }).getByText('A school year', { exact: true }).click();
    await choose(this.page, this.page.getByRole('region', { name: 'What to audit' }), 'School year', label);
  }

  /** The audit's own heading: the period's name. */
  periodHeading(label: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: label, exact: true });
  }

  /** A key figure's number, by its label. */
  figure(label: string): Locator {
    return this.page.getByRole('region', { name: 'Figures' }).getByText(label, { exact: true }).locator('xpath=preceding-sibling::*[1]');
  }

  /** The records check's section: busy while it runs, then what it found. */
  recordsCheck(): Locator {
    return this.page.getByRole('region', { name: 'Records check' });
  }

  charts(): Locator {
    return this.page.getByRole('region', { name: 'Charts' }).getByRole('figure');
  }

  recordQuality(): Locator {
    return this.page.getByRole('region', { name: /^Record quality/ });
  }

  /** The gap that says `words`, as a list item with its link to the record. */
  gap(words: string): Locator {
    return this.recordQuality().getByRole('listitem').filter({ hasText: words }).last();
  }

  lateDeadlines(): Locator {
    return this.page.getByRole('table', { name: 'Deadlines met late or still overdue' });
  }

  /** Makes the PDF for governors (children's names left out unless `withNames`) and waits for the download. */
  async makePdf(withNames = false) {
    const panel = this.page.getByRole('region', { name: 'PDF for the governing body' });
    const box = panel.getByRole('checkbox', { name: /Leave children’s names out/ });
    if (withNames === (await box.isChecked())) await box.click();
    const download = this.page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Make the PDF' }).click();
    return download;
  }
}
