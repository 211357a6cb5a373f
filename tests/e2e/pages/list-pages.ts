import type { Locator, Page } from 'playwright-core';
import { choose } from './controls';

/**
 * A long list screen (the register, the referrals, the escalations): its table a page at a time, the
 * line saying how many rows are shown of how many match, "Show more", and its filters by label.
 */
export class PagedListPage {
  constructor(
    private readonly page: Page,
    /** The table's name, which is also the screen's: 'Children', 'Referrals', 'Escalations'. */
    private readonly name: 'Children' | 'Referrals' | 'Escalations',
  ) {}

  table(): Locator {
    return this.page.getByRole('table', { name: this.name });
  }

  rows(): Locator {
    return this.table().locator('tbody tr');
  }

  /** The table has its rows for the filters now set (it is busy while a page is read). */
  async settled(): Promise<void> {
    await this.page.getByRole('table', { name: this.name }).and(this.page.locator('[aria-busy="false"]')).waitFor();
  }

  /** 'Showing 50 of 750 children'. */
  shown(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Showing/ });
  }

  /** "Show 50 more …", at the foot of the list. */
  showMore(): Locator {
    return this.page.getByRole('button', { name: `Show 50 more ${this.name.toLowerCase()}` });
  }

  /** Picks an option of one of the list's filters. */
  async filter(label: string, option: string): Promise<void> {
    await choose(this.page, this.page.getByRole('group', { name: `Filter the ${this.name.toLowerCase()}` }), label, option);
  }
}
