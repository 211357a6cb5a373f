import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { launchChromium } from './support/browser';
import { closeAll, freshSetUpApp } from './support/session';
import { daysAgo } from './support/time';
import { callApi } from './support/api-calls';
import { accessibleAtBothSizes } from './support/layout';
import { AppShell } from './pages/app-shell';
import { EscalationPage, OpenEscalationPage } from './pages/escalation-pages';
import { choose, field, fillDate, fillDateTime } from './pages/controls';

// Issue 11, items 5–8, 15 and 16, end to end as a DSL sees them: the forms name the child and start
// from their social worker; "Who took part" starts with only the DSL, the people already involved
// one click away; an action agreed at a meeting is recorded afterwards, done on time before it was
// recorded (met, with the reason), another withdrawn; a Liverpool situation 6 escalation goes
// straight from step a to LSCB Stage 1 with the policy's reason, the steps between shown as skipped;
// the dashboard lists it with its stage and next target; the outcome is agreed by agencies whose
// names hold commas, each kept whole. Screenshots at 1366×900 and 1024×700.

let browser: Browser;
let app: RunningApp;
let page: Page;
let childId = '';

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'escalation-smoothing'));
});

afterAll(() => closeAll(browser, app));

const api = <T = { id: string }>(method: string, input: unknown) => callApi<T>(page, method, input);

const atBothSizes = (name: string) => accessibleAtBothSizes(page, name);

const escalation = () => new EscalationPage(page);

describe('escalating, smoothed, end to end', () => {
  it('names the child at the top of the referral and escalation forms, and starts from their social worker', async () => {
    await api('procedures.choose', { id: 'liverpool' });
    ({ id: childId } = await api('children.create', {
      firstName: 'Zephyrine',
      lastName: 'Quillfeather',
      dateOfBirth: '2017-03-14',
      classOrYear: 'Year 4',
      levelOfNeed: 4,
      planStatus: 'child-protection',
      socialWorkerName: 'Daniel Okafor',
      socialWorkerContact: '0151 233 3700',
    }));
    await page.goto(`${app.origin}/#/children/${childId}`);
    await page.getByRole('heading', { name: 'Zephyrine Quillfeather', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Record a referral' }).click();
    await page.getByRole('heading', { name: 'Record a referral to children’s social care' }).waitFor();
    const forChild = page.getByTestId('form-child');
    await forChild.waitFor();
    expect(await forChild.innerText()).toMatch(
      /For\s+Zephyrine Quillfeather\s+born 14\/03\/2017 \(\d+ years\), Year 4\. Social worker: Daniel Okafor/,
    );
    await atBothSizes('11b-10-referral-form-names-the-child');

    await page.goto(`${app.origin}/#/escalations/new?child=${childId}`);
    await page.getByRole('heading', { name: 'Open an escalation' }).waitFor();
    await page.getByTestId('form-child').getByText('Zephyrine Quillfeather').waitFor();
    // The disagreement is with children's social care to start with: the child's social worker is named.
    await expect.poll(() => field(page, 'Professional’s full name').inputValue()).toBe('Daniel Okafor');
    expect(await field(page, 'Their role').inputValue()).toBe('Social worker');
    expect(await field(page, 'Contact details (optional)').inputValue()).toBe('0151 233 3700');
    await new OpenEscalationPage(page).fill({
      category: 'A child protection plan is not progressing',
      agencyKind: 'Children’s social care',
      agencyName: 'Liverpool Careline',
      professionalName: 'Daniel Okafor',
      professionalRole: 'Social worker',
    });
    await fillDateTime(page, 'When the disagreement was first raised', daysAgo(6, '09:00'));
    await atBothSizes('11b-11-open-escalation-names-the-child');
    await new OpenEscalationPage(page).open();
  });

  it('starts “Who took part” with only the DSL, offering the people already involved with one click', async () => {
    const dialog = await escalation().openConversationDialog();
    await dialog.getByTestId('form-child').getByText('Zephyrine Quillfeather').waitFor();
    const tookPart = dialog.getByRole('textbox', { name: /^Who took part \(full names and roles, no initials\): full name \d+$/ });
    expect(await tookPart.count()).toBe(1);
    expect(await tookPart.first().inputValue()).toBe('Priya Raman');
    expect(await dialog.getByRole('textbox', { name: 'Who took part (full names and roles, no initials): role 1' }).inputValue()).toBe(
      'Designated Safeguarding Lead',
    );
    const involved = dialog.getByRole('group', { name: 'Who took part (full names and roles, no initials): people already involved' });
    await involved.getByRole('button', { name: 'Add Daniel Okafor (Social worker)' }).click();
    expect(await tookPart.count()).toBe(2);
    expect(await tookPart.nth(1).inputValue()).toBe('Daniel Okafor');
    // Added once: no longer offered.
    expect(await involved.count()).toBe(0);
    await fillDateTime(dialog, 'When', daysAgo(6, '10:00'));
    await field(dialog, 'What was said').fill('Asked when the core group will meet.');
    await field(dialog, 'Decision').fill('No date yet.');
    await field(dialog, 'Rationale for the decision').fill('The team is short of staff.');
    await atBothSizes('11b-12-who-took-part');
    await dialog.getByRole('button', { name: 'Save the record' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('article', { name: /^Record of / })
      .getByText('Asked when the core group will meet.')
      .waitFor();
  });

  it('records an action after the meeting that agreed it, done on time before it was recorded, and withdraws another', async () => {
    let dialog = await escalation().openDialog('Agree an action');
    await field(dialog, 'What is to be done').fill('Home visit to see Zephyrine alone');
    await field(dialog, 'Who will do it (full name)').fill('Daniel Okafor');
    await field(dialog, 'Their role').fill('Social worker');
    await fillDate(dialog, 'When it was agreed', daysAgo(6).slice(0, 10));
    await fillDate(dialog, 'Due by', daysAgo(3).slice(0, 10));
    // Its date has passed (it is recorded after the event): the form asks for that to be confirmed.
    await field(dialog, 'Due by').blur();
    await dialog.getByText('This date has passed', { exact: false }).waitFor();
    await dialog.getByLabel('Record it with this date: it is already overdue').check();
    await dialog.getByRole('button', { name: 'Save the action' }).click();
    await dialog.waitFor({ state: 'detached' });
    const actions = page.getByRole('table', { name: 'Agreed actions' });
    await actions.getByText('Home visit to see Zephyrine alone').waitFor();

    await page.getByRole('button', { name: 'Mark done: Home visit to see Zephyrine alone' }).click();
    dialog = escalation().dialog();
    await dialog.waitFor();
    await fillDateTime(dialog, 'When it was done', daysAgo(4, '15:30'));
    // Before the action was recorded: the reason is asked for.
    const why = field(dialog, 'Why it is recorded after it was done');
    await why.waitFor();
    await dialog.getByRole('button', { name: 'Mark as done' }).click();
    await dialog
      .getByText('Enter why it is recorded after it was done.')
      .or(dialog.getByText(/say why it is recorded after it was done/))
      .first()
      .waitFor();
    await why.fill('The visit was made before the core group notes reached us.');
    await atBothSizes('11b-13-action-done-before-it-was-recorded');
    await dialog.getByRole('button', { name: 'Mark as done' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = actions.getByRole('row').filter({ hasText: 'Home visit to see Zephyrine alone' });
    await row.getByText('Met', { exact: true }).waitFor();
    await row.getByText('Recorded afterwards: The visit was made before the core group notes reached us.').waitFor();

    dialog = await escalation().openDialog('Agree an action');
    await field(dialog, 'What is to be done').fill('Core group meeting');
    await field(dialog, 'Who will do it (full name)').fill('Daniel Okafor');
    await field(dialog, 'Their role').fill('Social worker');
    await fillDate(dialog, 'Due by', daysAgo(-3).slice(0, 10));
    await dialog.getByRole('button', { name: 'Save the action' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Withdraw: Core group meeting' }).click();
    dialog = escalation().dialog();
    await field(dialog, 'Why it is withdrawn').fill('A strategy discussion replaces it: the conference chair has been told.');
    await dialog.getByRole('button', { name: 'Withdraw the action' }).click();
    await dialog.waitFor({ state: 'detached' });
    const withdrawn = actions.getByRole('row').filter({ hasText: 'Core group meeting' });
    await withdrawn.getByText('Withdrawn', { exact: true }).waitFor();
    await withdrawn.getByText(/by Priya Raman: A strategy discussion replaces it/).waitFor();
    expect(await page.getByRole('button', { name: 'Mark done: Core group meeting' }).count()).toBe(0);
    await atBothSizes('11b-14-actions');
  });

  it('goes straight from step a to LSCB Stage 1 with the policy’s reason; the steps between show as skipped', async () => {
    await page.getByRole('button', { name: 'Go straight to a later stage' }).click();
    const dialog = escalation().dialog();
    await dialog.waitFor();
    await choose(page, dialog, 'Which stage', 'LSCB Stage 1: Attempt Resolution; Escalate to Line Manager');
    // The one rule that allows it is chosen, with the policy's words quoted.
    await dialog.getByText('the typical steps that can be taken to support colleagues thinking', { exact: false }).waitFor();
    expect(await dialog.getByRole('radio', { name: /^The steps are the guidance’s typical steps/ }).isChecked()).toBe(true);
    await field(dialog, 'Why it is going straight there').fill(
      'Six weeks without a core group: the social worker and their manager agree but cannot act; the LSCB route is needed now.',
    );
    await fillDateTime(dialog, 'When', daysAgo(2, '11:00'));
    await atBothSizes('11b-15-go-straight-to-a-later-stage');
    await dialog.getByRole('button', { name: 'Go straight to LSCB Stage 1' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await escalation().currentStage().innerText()).toContain('LSCB Stage 1');
    const ladder = (await escalation().ladder().textContent()) ?? '';
    expect(ladder.match(/Skipped: went straight from Step a to LSCB Stage 1, as the procedure allows\./g)?.length).toBe(8);
    expect(ladder).toContain('Went straight here from Step a, as the procedure allows');
    await atBothSizes('11b-16-ladder-with-skipped-steps');
  });

  it('lists the open escalation on the dashboard with its stage and next target', async () => {
    await new AppShell(page).goTo('Dashboard');
    const open = page.getByRole('table', { name: /^Open escalations/ });
    await open.waitFor();
    const row = open.getByRole('row').filter({ hasText: 'Zephyrine Quillfeather' });
    await row.getByText('LSCB Stage 1', { exact: true }).waitFor();
    await row.getByText('Liverpool Careline').waitFor();
    // Liverpool sets no timescale for a stage, and the only open action was withdrawn.
    await row.getByText('No date: the procedure sets no timescale for this stage, and no action is due.').waitFor();
    await atBothSizes('11b-17-dashboard-open-escalations');
  });

  it('keeps agencies whose names hold commas as one agency each, from the form to the record', async () => {
    await page
      .getByRole('table', { name: /^Open escalations/ })
      .getByRole('link', { name: 'Liverpool Careline' })
      .click();
    await page.getByRole('heading', { name: /^Escalation: / }).waitFor();
    await escalation().recordConversation({
      when: daysAgo(1, '10:00'),
      summary: 'LSCB representatives agreed a core group on Friday.',
      decision: 'Agreed.',
      rationale: 'Both agencies accept the plan had drifted.',
    });
    await page.getByRole('button', { name: 'Resolve with a written statement of the outcome' }).click();
    const dialog = escalation().dialog();
    await field(dialog, 'Written statement of the outcome').fill('A core group meets on Friday and monthly after that.');
    await field(dialog, 'Consequent actions').fill('The social worker books the core group today.');
    await dialog.getByRole('textbox', { name: 'Agency 2' }).fill('Liverpool Children’s Services, North Team');
    await dialog.getByRole('button', { name: 'Add another agency' }).click();
    await dialog.getByRole('textbox', { name: 'Agency 3' }).fill('Alder Hey Children’s Hospital, Safeguarding Team');
    await fillDateTime(dialog, 'When it was agreed', daysAgo(1, '11:00'));
    await atBothSizes('11b-18-resolve-agencies-with-commas');
    await dialog.getByRole('button', { name: 'Record the outcome' }).click();
    await dialog.waitFor({ state: 'detached' });
    const agreed = page.getByRole('list', { name: 'Agencies that agreed the statement' });
    await agreed.waitFor();
    expect(await agreed.getByRole('listitem').allInnerTexts()).toEqual([
      'Northway Primary and Nursery School',
      'Liverpool Children’s Services, North Team',
      'Alder Hey Children’s Hospital, Safeguarding Team',
    ]);
    const detail = await api<{ resolution: { agreedBy: string[] } }>('escalations.get', {
      id: new URL(page.url()).hash.replace('#/escalations/', ''),
    });
    expect(detail.resolution.agreedBy).toHaveLength(3);
    await atBothSizes('11b-19-outcome-agencies');
  });
});
