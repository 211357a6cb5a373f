import type { Page } from 'playwright-core';
import { field, fillDateTime } from './controls';

export class NewReferralPage {
  constructor(private readonly page: Page) {}

  async fill(input: { madeAt: string; referredTo: string; summary: string; category?: string }) {
    await fillDateTime(this.page, 'When the referral was made', input.madeAt);
    await this.page.getByRole('radio', { name: 'Child protection (significant harm)' }).check();
    await this.page.getByRole('radio', { name: input.category ?? 'Standard' }).check();
    await field(this.page, 'Made to').fill(input.referredTo);
    await field(this.page, 'Summary of the concern referred').fill(input.summary);
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save the referral' }).click();
    await this.page.getByRole('heading', { name: /^Referral for / }).waitFor();
  }

  milestones() {
    return this.page.getByRole('table', { name: 'Statutory milestones' });
  }
}

export class DashboardPage {
  constructor(private readonly page: Page) {}

  section(name: 'Overdue' | 'Due today' | 'Due this week') {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(`) });
  }
}
