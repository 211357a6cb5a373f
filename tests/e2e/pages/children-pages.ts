import type { Page } from 'playwright-core';
import { AppShell } from './app-shell';
import { fillDate } from './controls';

export interface ChildDetails {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  classOrYear: string;
  levelOfNeed: string;
  plan?: string;
  socialWorker?: string;
  socialWorkerContact?: string;
}

export class ChildrenPage {
  constructor(private readonly page: Page) {}

  async addChild() {
    await this.page.getByRole('link', { name: 'Add a child' }).click();
    await this.page.getByRole('heading', { name: 'Add a child' }).waitFor();
  }

  /** The register's own search, above the list. */
  async search(text: string) {
    await this.page.getByLabel('Search the register').fill(text);
  }

  table() {
    return this.page.getByRole('table', { name: 'Children' });
  }

  async open(name: string) {
    await this.page.getByRole('link', { name }).click();
  }
}

export class AddChildPage {
  constructor(private readonly page: Page) {}

  async fill(child: ChildDetails) {
    await this.page.getByLabel('First name').fill(child.firstName);
    await this.page.getByLabel('Last name').fill(child.lastName);
    await fillDate(this.page, 'Date of birth', child.dateOfBirth);
    await this.page.getByLabel('Class or year group').fill(child.classOrYear);
    await this.choose('Level of need', child.levelOfNeed);
    if (child.plan) await this.choose('Plan', child.plan);
    if (child.socialWorker !== undefined) await this.page.getByLabel('Allocated social worker’s full name').fill(child.socialWorker);
    if (child.socialWorkerContact !== undefined)
      await this.page.getByLabel('Social worker’s contact details').fill(child.socialWorkerContact);
  }

  async choose(label: string, option: string) {
    // A required field's label ends in an asterisk (hidden from screen readers, but part of the label text).
    // The option list is labelled by the same label, so take the input itself.
    await this.page
      .getByLabel(new RegExp(`^${label}( \\*)?$`))
      .and(this.page.locator('input'))
      .click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save the child' }).click();
  }
}

/** Adds a child through the screens (Children, Add a child, the form, Save) and waits for the child's page. */
export async function addChildThroughScreens(page: Page, child: ChildDetails): Promise<void> {
  await new AppShell(page).goTo('Children');
  await new ChildrenPage(page).addChild();
  const form = new AddChildPage(page);
  await form.fill(child);
  await form.save();
  await page.getByRole('heading', { name: `${child.firstName} ${child.lastName}`, level: 1 }).waitFor();
}

/** A child's page: who they are, and the timeline of their referrals and escalations. */
export class ChildRecordPage {
  constructor(private readonly page: Page) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The timeline's entries, in the order it shows them. */
  timelineEntries() {
    return this.page.getByRole('list', { name: 'Timeline' }).locator(':scope > li');
  }
}
