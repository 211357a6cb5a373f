import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { SCREENSHOT_DIR, launchChromium, screenshot } from './support/browser';
import { expectAccessible } from './support/axe';
import { closeAll, freshSetUpApp } from './support/session';
import { daysAgo } from './support/time';
import { AppShell } from './pages/app-shell';
import { addChildThroughScreens } from './pages/children-pages';
import { SettingsPage } from './pages/settings-page';
import { DashboardPage, NewReferralPage } from './pages/referral-pages';
import { EscalationPage } from './pages/escalation-pages';
import { field } from './pages/controls';

// Issue 8: a Liverpool setting's referral has Liverpool's timescales only (the written follow-up in 24
// hours, the national decision and assessment; the strategy discussion something to record, with no
// invented date); its missed decision is overdue on the dashboard, counted in children's social
// care's working days, and becomes a Liverpool escalation on the LSCB stages, with nothing of any
// other partnership's. The ladder is captured to be looked at.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'referral'));
});
afterAll(() => closeAll(browser, app));

describe('a Liverpool setting’s missed decision', () => {
  it('is overdue on the dashboard and becomes a Liverpool escalation', async () => {
    await new AppShell(page).goTo('Settings');
    await new SettingsPage(page).chooseProcedure('Liverpool escalation guidance (LSCB)');
    await addChildThroughScreens(page, {
      firstName: 'Noah',
      lastName: 'Featherstonehaugh',
      dateOfBirth: '2021-06-11',
      classOrYear: 'Nursery',
      levelOfNeed: 'Level 3: complex early help',
    });
    // The level of need in Liverpool's own words.
    await page.getByText('Level 3: Complex Early Help (the partnership’s levels of need)').waitFor();

    await page.getByRole('link', { name: 'Record a referral' }).click();
    const referral = new NewReferralPage(page);
    await referral.fill({
      madeAt: daysAgo(10),
      referredTo: 'Liverpool Careline',
      summary: 'Unexplained bruising on both arms; explanation changed twice.',
    });
    await referral.save();
    const table = referral.milestones();
    expect(await table.getByRole('row', { name: /^Children's social care decision/ }).textContent()).toContain('Overdue');
    // Liverpool sets no time for a strategy discussion: something to record, with no due date.
    expect(await table.getByRole('row', { name: /^Strategy discussion/ }).count()).toBe(0);
    const toRecord = page.getByRole('heading', { name: 'To record when it happens (no due date)' });
    await toRecord.waitFor();
    await page.getByText('Your partnership’s procedure sets no time for a strategy discussion', { exact: false }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/Berkshire|BSO\.|seed/i);
    await screenshot(page, '14-referral-liverpool-overdue');
    await expectAccessible(page, 'the referral page');

    await new AppShell(page).goTo('Dashboard');
    const overdue = new DashboardPage(page).section('Overdue');
    const decision = "Children's social care decision and acknowledgement";
    await overdue.getByText(decision, { exact: true }).waitFor();
    const item = overdue.getByRole('listitem').filter({ has: page.getByRole('link', { name: decision, exact: true }) });
    await item.getByRole('button', { name: /^How Due by end of .* was worked out$/ }).hover();
    await page.getByText('How this date was worked out').waitFor();
    const working = await page.getByRole('dialog').textContent();
    expect(working).toContain('Counted in children’s social care’s working days');
    expect(working).toMatch(/1 working day → due by end of/);
    await screenshot(page, '15-dashboard');

    await page.mouse.move(0, 0);
    await item.getByRole('link', { name: 'Escalate this missed timescale' }).click();
    await page.getByRole('heading', { name: 'Open an escalation' }).waitFor();
    await page.getByText('A statutory timescale was missed: Liverpool escalation guidance (LSCB)').waitFor();
    expect(await field(page, 'Agency or team').inputValue()).toBe('Liverpool Careline');
    await field(page, 'Professional’s full name').fill('Grace Adeyemi');
    await screenshot(page, '16-escalation-from-missed-timescale');
    await page.getByRole('button', { name: 'Open the escalation' }).click();
    await page.getByRole('heading', { name: 'Escalation: Noah Featherstonehaugh' }).waitFor();

    const escalation = new EscalationPage(page);
    const ladder = escalation.ladder();
    const rungs = await ladder.innerText();
    for (const title of [
      'Attempt Resolution; Escalate to Line Manager',
      'Escalation to Organisation Safeguarding Representative',
      'Escalation to LSCB Safeguarding Representative',
      'Escalation to LSCB Chair',
    ])
      expect(rungs).toContain(title);
    expect(await escalation.currentStage().textContent()).toContain('Stage 1');
    await page.getByText('now the Liverpool Safeguarding Children Partnership', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'For the partnership' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/Berkshire|BSO\.|Step 1|seed/i);
    await ladder.screenshot({ path: join(SCREENSHOT_DIR, '17-liverpool-ladder.png') });
    await screenshot(page, '17-liverpool-escalation-from-missed-decision');
    await expectAccessible(page, 'the escalation page');

    await new AppShell(page).goTo('Dashboard');
    const after = new DashboardPage(page)
      .section('Overdue')
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: decision, exact: true }) });
    await after.getByRole('link', { name: 'Escalation opened: see it' }).waitFor();
  });
});
