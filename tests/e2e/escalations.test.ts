import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { launchChromium, screenshot } from './support/browser';
import { freshSetUpApp } from './support/session';
import { watchApiCalls } from './support/api-calls';
import { londonFields, minutesAgo, pageNow } from './support/time';
import { AppShell } from './pages/app-shell';
import { addChildThroughScreens } from './pages/children-pages';
import { SettingsPage } from './pages/settings-page';
import { EscalationPage, OpenEscalationPage } from './pages/escalation-pages';
import { field } from './pages/controls';

// Issue 4, end to end: a Birmingham school v school disagreement goes from stage 1 straight to
// stage 5; a Liverpool situation 6 case walks up its ladder and is resolved with a written
// statement of the outcome and a learning review; the child's timeline shows it all.

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A Year 5 child on a child protection plan, added through the screens. */
const addChild = (page: Page, firstName: string, lastName: string) =>
  addChildThroughScreens(page, {
    firstName,
    lastName,
    dateOfBirth: '2016-09-02',
    classOrYear: 'Year 5',
    levelOfNeed: 'Level 4: child in need or child protection',
    plan: 'Child protection plan',
  });

describe('a Birmingham school v school disagreement', () => {
  let app: RunningApp;
  afterAll(async () => app?.stop());

  it('goes from stage 1 straight to stage 5 and is resolved', async () => {
    const started = await freshSetUpApp(browser, 'birmingham', { pageClock: true });
    app = started.app;
    const page = started.page;
    await new AppShell(page).goTo('Settings');
    await new SettingsPage(page).chooseProcedure('Birmingham escalation policy');
    await addChild(page, 'Kofi', 'Mensah-Blake');
    const form = await OpenEscalationPage.fromChild(page, minutesAgo(120));
    await form.fill({
      category: 'Sharing or withholding information',
      agencyKind: 'A school',
      agencyName: 'St Mary’s Church of England Primary School',
      professionalName: 'Helen Marsh',
      professionalRole: 'Designated Safeguarding Lead',
    });
    await form.open();

    const escalation = new EscalationPage(page);
    expect(await escalation.currentStage().innerText()).toContain('Stage One');
    await page
      .getByText('If this stage does not resolve it, the next is Stage Five: Mediation by a third-party agency.', { exact: false })
      .waitFor();

    // Each dialog's form exists only while it is open: loading the page asks for no drafts; each
    // opening asks for its own once, starts empty, and its "When" is the time it was opened.
    const escalationAddress = page.url();
    const entryDraft = { formKey: `escalation-entry:${new URL(escalationAddress).hash.split('/').pop()}` };
    const draftReads = watchApiCalls(page, 'drafts.get');
    await new AppShell(page).goTo('Dashboard');
    await page.goto(escalationAddress);
    await page.getByRole('heading', { name: 'Conversations and decisions' }).waitFor();
    const loadedAt = await pageNow(page);
    // Two minutes pass on the page's clock between loading the page and opening a dialog, so a
    // "When" taken when the page loaded cannot pass for one taken when the dialog opened.
    await page.clock.fastForward('02:00');
    await page.waitForTimeout(500);
    expect(draftReads.inputs()).toEqual([]);

    let before = await pageNow(page);
    let dialog = await escalation.openConversationDialog();
    let after = await pageNow(page);
    let shown = await escalation.conversationValues(dialog);
    expect([londonFields(before), londonFields(after)]).toContainEqual(shown.when);
    expect(shown.when).not.toEqual(londonFields(loadedAt));
    await expect.poll(() => draftReads.inputs()).toEqual([entryDraft]);
    await escalation.cancelDialog();

    await escalation.recordConversation({
      when: minutesAgo(110),
      summary: 'Spoke to Helen Marsh about transferring the file.',
      decision: 'No agreement.',
      rationale: 'St Mary’s will not share the file before a meeting.',
    });
    await page
      .getByRole('article', { name: /^Record of / })
      .getByText('Spoke to Helen Marsh about transferring the file.')
      .waitFor();

    // Reopened after the save: an empty record, timed when it was opened, not the one just saved.
    before = await pageNow(page);
    dialog = await escalation.openConversationDialog();
    after = await pageNow(page);
    shown = await escalation.conversationValues(dialog);
    expect({ ...shown, when: null }).toEqual({
      when: null,
      // Only the DSL recording it: whoever else took part is chosen from those already involved.
      tookPart: ['Priya Raman'],
      summary: '',
      decision: '',
      rationale: '',
      toldOfOutcome: [],
      originalReferrerTold: false,
    });
    expect([londonFields(before), londonFields(after)]).toContainEqual(shown.when);
    await expect.poll(() => draftReads.inputs()).toEqual([entryDraft, entryDraft, entryDraft]);
    await screenshot(page, '10a-escalation-dialog-reopened-empty');
    await escalation.cancelDialog();

    // Another dialog after the save starts empty too, with its own "When".
    before = await pageNow(page);
    dialog = await escalation.openDialog('Escalate to Stage Five');
    after = await pageNow(page);
    expect(await field(dialog, 'Why it is being escalated').inputValue()).toBe('');
    expect([londonFields(before), londonFields(after)]).toContainEqual(await escalation.dateTimeShown(dialog, 'When'));
    await expect
      .poll(() => draftReads.inputs())
      .toEqual([entryDraft, entryDraft, entryDraft, { formKey: entryDraft.formKey.replace('escalation-entry:', 'escalation-escalate:') }]);
    await escalation.cancelDialog();
    draftReads.stop();

    await escalation.escalate(
      'Stage Five',
      'The two schools cannot agree; the policy sends school v school disagreements to Stage Five.',
      minutesAgo(100),
    );
    expect(await escalation.currentStage().innerText()).toContain('Stage Five');
    const ladder = (await escalation.ladder().textContent()) ?? '';
    expect(ladder.match(/Skipped: the procedure routes this disagreement from Stage One to Stage Five\./g)?.length).toBe(3);
    expect(ladder).toContain('it will progress directly from Stage One to Stage Five');
    await screenshot(page, '10-escalation-birmingham-stage-5');
    await escalation.recordConversation({
      when: minutesAgo(60),
      summary: 'Mediation meeting chaired by a Board member from an uninvolved agency.',
      decision: 'The file will be transferred in full.',
      rationale: 'Both schools accepted the chair’s view that the child’s safety needs the history.',
    });
    await escalation.resolve(
      'St Mary’s will transfer the full safeguarding file by the end of the week. Both schools will place this statement on the child’s record.',
      minutesAgo(30),
    );
    await page.getByRole('heading', { name: 'Written statement of the outcome' }).waitFor();
    await page.getByText('Resolved', { exact: true }).first().waitFor();
  });
});

describe('a Liverpool situation 6 case', () => {
  let app: RunningApp;
  afterAll(async () => app?.stop());

  it('walks up its ladder, is resolved with an outcome statement, and shows on the timeline', async () => {
    const started = await freshSetUpApp(browser, 'liverpool');
    app = started.app;
    const page = started.page;
    await new AppShell(page).goTo('Settings');
    await new SettingsPage(page).chooseProcedure('Liverpool escalation guidance (LSCB)');
    await addChild(page, 'Amelia', 'Rose-Whitfield');
    const form = await OpenEscalationPage.fromChild(page, minutesAgo(200));
    await form.fill({
      category: 'A child protection plan is not progressing',
      agencyKind: 'Children’s social care',
      agencyName: 'Liverpool Careline',
      professionalName: 'Grace Adeyemi',
      professionalRole: 'Social worker',
    });
    await form.open();

    const escalation = new EscalationPage(page);
    await page.getByRole('heading', { name: '6. Concerns about the progress of a child protection plan' }).waitFor();
    const steps = ['Step b', 'Step c', 'Step d', 'Step e', 'Step f'];
    let minutes = 190;
    for (const next of steps) {
      await escalation.recordConversation({
        when: minutesAgo(minutes),
        summary: `Raised the plan’s progress (before ${next}).`,
        decision: 'No agreement.',
        rationale: 'Visits still not happening.',
      });
      await escalation.escalate(next, 'Not resolved at this step.', minutesAgo(minutes - 5));
      minutes -= 10;
    }
    expect(await escalation.currentStage().innerText()).toContain('Step f');
    await page.getByText('The Independent Reviewing Officer', { exact: true }).waitFor();
    const step = page
      .getByRole('group', { name: 'The procedure’s steps at this stage' })
      .getByRole('checkbox', { name: 'Contact the Independent Reviewing Officer to discuss your concerns.' });
    await step.click();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('[aria-label="The procedure’s steps at this stage"] input[type=checkbox]')?.checked ===
        true,
    );
    await screenshot(page, '11-escalation-liverpool-step-f');
    await escalation.recordConversation({
      when: minutesAgo(100),
      summary: 'The IRO agreed visits had lapsed and asked the team leader to act.',
      decision: 'Visits to restart this week; core group brought forward.',
      rationale: 'The plan requires fortnightly visits.',
    });
    await escalation.resolve(
      'Agreed with the Independent Reviewing Officer: statutory visits restart this week and the core group meets on Friday. Liverpool Careline and the school will each place this statement on the child’s record.',
      minutesAgo(90),
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make the Written statement of the outcome (PDF)' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/^Written statement of the outcome - \d{2}-\d{2}-\d{4} - ref [0-9A-F]{8}\.pdf$/);
    await page.getByText('Written statement of the outcome, made by Priya Raman', { exact: false }).waitFor();
    await escalation.learningReview();
    await page.getByRole('heading', { name: 'Learning review' }).waitFor();
    await screenshot(page, '12-escalation-liverpool-resolved');

    await page.getByRole('link', { name: 'Open Amelia Rose-Whitfield’s record' }).click();
    await page.getByRole('heading', { name: 'Amelia Rose-Whitfield', level: 1 }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('Escalation opened with Liverpool Careline');
    expect(text).toContain('Step f reached: Contact the Independent Reviewing Officer to discuss your concerns');
    expect(text).toContain('Written statement of the outcome agreed');
    const filter = page.getByRole('group', { name: 'Show on the timeline' }).getByText('Conversations and decisions', { exact: true });
    expect(await timeline.innerText()).toContain('Phone call:');
    await filter.click();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Timeline"]')?.textContent?.includes('Phone call:'));
    await filter.click();
    await timeline.getByText('Phone call:', { exact: false }).first().waitFor();
    const chronology = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make the escalation chronology (PDF)' }).click();
    expect((await chronology).suggestedFilename()).toMatch(/^Escalation chronology - \d{2}-\d{2}-\d{4} - ref [0-9A-F]{8}\.pdf$/);
    await timeline.getByText('Escalation chronology (download)').waitFor();
    await screenshot(page, '13-child-timeline');
  });
});
