import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newDataDir, startApp, type RunningApp } from './support/app';
import { launchChromium, newUkPage, screenshot } from './support/browser';
import { setUpThroughScreens } from './support/session';
import { daysAgo } from './support/time';
import { AppShell } from './pages/app-shell';
import { AddChildPage, ChildrenPage } from './pages/children-pages';
import { SettingsPage } from './pages/settings-page';
import { DashboardPage, NewReferralPage } from './pages/referral-pages';
import { EscalationPage } from './pages/escalation-pages';
import { field } from './pages/controls';

// Issue 4: a referral whose strategy discussion is missed shows as overdue on the dashboard, with
// its working, and becomes an escalation filled in from Berkshire West's steps.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp(newDataDir('referral'));
  page = await newUkPage(browser);
  await page.goto(app.url);
  await setUpThroughScreens(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a missed strategy discussion', () => {
  it('is overdue on the dashboard and turns into an escalation', async () => {
    await new AppShell(page).goTo('Settings');
    await new SettingsPage(page).chooseProcedure('Bromley (BSCP) escalation policy');
    await new AppShell(page).goTo('Children');
    await new ChildrenPage(page).addChild();
    const child = new AddChildPage(page);
    await child.fill({
      firstName: 'Noah',
      lastName: 'Featherstonehaugh',
      dateOfBirth: '2021-06-11',
      classOrYear: 'Nursery',
      levelOfNeed: 'Level 3: complex early help',
    });
    await child.save();
    await page.getByRole('heading', { name: 'Noah Featherstonehaugh', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Record a referral' }).click();
    const referral = new NewReferralPage(page);
    await referral.fill({
      madeAt: daysAgo(10),
      referredTo: 'Bromley MASH',
      summary: 'Unexplained bruising on both arms; explanation changed twice.',
    });
    await referral.save();
    const table = referral.milestones();
    const strategy = table.getByRole('row', { name: /^Strategy discussion/ });
    expect(await strategy.textContent()).toContain('Overdue');
    await screenshot(page, '14-referral-overdue');

    await new AppShell(page).goTo('Dashboard');
    const overdue = new DashboardPage(page).section('Overdue');
    await overdue.getByText('Strategy discussion', { exact: true }).waitFor();
    expect(await overdue.textContent()).toContain('Noah Featherstonehaugh');
    const item = overdue.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Strategy discussion', exact: true }) });
    await item.getByRole('button', { name: /^How Due by end of .* was worked out$/ }).hover();
    await page.getByText('How this date was worked out').waitFor();
    expect(await page.getByRole('dialog').textContent()).toMatch(/1 working day → due by end of/);
    await screenshot(page, '15-dashboard');

    await page.mouse.move(0, 0);
    await item.getByRole('link', { name: 'Escalate this missed timescale' }).click();
    await page.getByRole('heading', { name: 'Open an escalation' }).waitFor();
    await page.getByText('A statutory timescale was missed: Berkshire West: missed strategy-meeting timescales').waitFor();
    expect(await field(page, 'Agency or team').inputValue()).toBe('Bromley MASH');
    expect(await field(page, 'What the concern is').inputValue()).toContain('Strategy discussion for the referral made');
    await field(page, 'Professional’s full name').fill('Grace Adeyemi');
    await screenshot(page, '16-escalation-from-missed-timescale');
    await page.getByRole('button', { name: 'Open the escalation' }).click();
    await page.getByRole('heading', { name: 'Escalation: Noah Featherstonehaugh' }).waitFor();
    const escalation = new EscalationPage(page);
    expect(await escalation.currentStage().textContent()).toContain('Step 1');
    await page.getByText('BSO.TogetherForFamilies@brighterfuturesforchildren.org', { exact: false }).first().waitFor();

    await new AppShell(page).goTo('Dashboard');
    const after = new DashboardPage(page)
      .section('Overdue')
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Strategy discussion', exact: true }) });
    await after.getByRole('link', { name: 'Escalation opened: see it' }).waitFor();
  });
});
