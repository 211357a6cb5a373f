import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { choose, field, fillDateTime } from './controls';

export interface Disagreement {
  category: string;
  agencyKind: string;
  agencyName: string;
  professionalName: string;
  professionalRole: string;
}

export class OpenEscalationPage {
  constructor(private readonly page: Page) {}

  /** From a child's page: Open an escalation, with when the disagreement was first raised. */
  static async fromChild(page: Page, firstRaised: string): Promise<OpenEscalationPage> {
    await page.getByRole('link', { name: 'Open an escalation' }).click();
    await page.getByRole('heading', { name: 'Open an escalation' }).waitFor();
    await fillDateTime(page, 'When the disagreement was first raised', firstRaised);
    return new OpenEscalationPage(page);
  }

  async fill(d: Disagreement) {
    await this.page.getByRole('radio', { name: 'No' }).check();
    await choose(this.page, this.page, 'What the disagreement is about', d.category);
    await choose(this.page, this.page, 'Kind of agency', d.agencyKind);
    await field(this.page, 'Agency or team').fill(d.agencyName);
    await field(this.page, 'Professional’s full name').fill(d.professionalName);
    await field(this.page, 'Their role').fill(d.professionalRole);
    await field(this.page, 'What the concern is').fill('The plan agreed at conference is not being carried out; no visits for four weeks.');
    await field(this.page, 'Areas of agreement').fill('The child needs a child protection plan.');
    await field(this.page, 'Areas of disagreement').fill('Whether the plan is progressing.');
    await field(this.page, 'How the disagreement bears on the risk to the child').fill(
      'The child is unseen by social care while the risk at home continues.',
    );
    await field(this.page, 'The outcome you are seeking').fill('Visits as set out in the plan, and a core group meeting this week.');
  }

  async open() {
    await this.page.getByRole('button', { name: 'Open the escalation' }).click();
    await this.page.getByRole('heading', { name: /^Escalation: / }).waitFor();
  }
}

export class EscalationPage {
  constructor(private readonly page: Page) {}

  ladder(): Locator {
    return this.page.getByRole('list', { name: 'Stages' });
  }

  currentStage(): Locator {
    return this.ladder().locator('[aria-current="step"]');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Presses one of the page's buttons that opens a dialog, and waits for the dialog. */
  async openDialog(button: string): Promise<Locator> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const dialog = this.dialog();
    await dialog.waitFor();
    return dialog;
  }

  async openConversationDialog(): Promise<Locator> {
    return this.openDialog('Record a conversation or decision');
  }

  async cancelDialog(): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** A date and time field's two boxes, as shown: dd/mm/yyyy and hh:mm. */
  async dateTimeShown(dialog: Locator, label: string): Promise<{ date: string; time: string }> {
    return {
      date: await dialog.getByRole('textbox', { name: `${label}: date`, exact: true }).inputValue(),
      time: await dialog.getByRole('textbox', { name: `${label}: time`, exact: true }).inputValue(),
    };
  }

  /** What the "Record a conversation or decision" dialog holds, as a person sees it. */
  async conversationValues(dialog: Locator) {
    const told = dialog.getByRole('textbox', { name: /^Who was told of the outcome: full name \d+$/ });
    const tookPart = dialog.getByRole('textbox', { name: /^Who took part \(full names and roles, no initials\): full name \d+$/ });
    return {
      when: await this.dateTimeShown(dialog, 'When'),
      tookPart: await Promise.all((await tookPart.all()).map((input) => input.inputValue())),
      summary: await field(dialog, 'What was said').inputValue(),
      decision: await field(dialog, 'Decision').inputValue(),
      rationale: await field(dialog, 'Rationale for the decision').inputValue(),
      toldOfOutcome: await Promise.all((await told.all()).map((input) => input.inputValue())),
      originalReferrerTold: await dialog.getByLabel('The original referrer has been told of the outcome').isChecked(),
    };
  }

  async recordConversation(input: { when: string; summary: string; decision: string; rationale: string }) {
    const dialog = await this.openConversationDialog();
    // A new record starts empty: the one before it is never carried over into it.
    const { summary, decision, rationale, toldOfOutcome, originalReferrerTold } = await this.conversationValues(dialog);
    expect({ summary, decision, rationale, toldOfOutcome, originalReferrerTold }).toEqual({
      summary: '',
      decision: '',
      rationale: '',
      toldOfOutcome: [],
      originalReferrerTold: false,
    });
    await fillDateTime(dialog, 'When', input.when);
    await field(dialog, 'What was said').fill(input.summary);
    await field(dialog, 'Decision').fill(input.decision);
    await field(dialog, 'Rationale for the decision').fill(input.rationale);
    await dialog.getByRole('button', { name: 'Add someone who was told' }).click();
    await dialog.getByRole('textbox', { name: 'Who was told of the outcome: full name 1' }).fill('Amy Doyle');
    await dialog.getByRole('textbox', { name: 'Who was told of the outcome: role 1' }).fill('Class teacher (original referrer)');
    await dialog.getByLabel('The original referrer has been told of the outcome').check();
    await dialog.getByRole('button', { name: 'Save the record' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async escalate(toLabel: string, reason: string, when: string) {
    await this.page.getByRole('button', { name: `Escalate to ${toLabel}` }).click();
    const dialog = this.dialog();
    await field(dialog, 'Why it is being escalated').fill(reason);
    await fillDateTime(dialog, 'When', when);
    await dialog.getByRole('button', { name: `Escalate to ${toLabel}` }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async resolve(statement: string, when: string) {
    await this.page.getByRole('button', { name: 'Resolve with a written statement of the outcome' }).click();
    const dialog = this.dialog();
    await field(dialog, 'Written statement of the outcome').fill(statement);
    await field(dialog, 'Consequent actions').fill('The DSL will check at the next core group that visits have happened.');
    await fillDateTime(dialog, 'When it was agreed', when);
    await dialog.getByRole('button', { name: 'Record the outcome' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async learningReview() {
    await this.page.getByRole('button', { name: 'Record the learning review' }).click();
    const dialog = this.dialog();
    await field(dialog, 'What went well').fill('The Independent Reviewing Officer responded within a day.');
    await field(dialog, 'What did not go well').fill('Two weeks passed before the team leader replied.');
    await field(dialog, 'Policy or practice issues to raise with the partnership').fill('Response times for escalations to team leaders.');
    await dialog.getByRole('button', { name: 'Save the learning review' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}
