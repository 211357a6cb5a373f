import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pdfText } from '../unit/documents/pdf-text';
import type { RunningApp } from './support/app';
import { SCREENSHOT_DIR, launchChromium, screenshot } from './support/browser';
import { expectAccessible } from './support/axe';
import { pdfPageToPng } from './support/pdf-image';
import { closeAll, freshSetUpApp } from './support/session';
import { minutesAgo } from './support/time';
import { AppShell } from './pages/app-shell';
import { addChildThroughScreens } from './pages/children-pages';
import { SettingsPage } from './pages/settings-page';
import { EscalationPage, OpenEscalationPage } from './pages/escalation-pages';
import { choose, field, fillDateTime } from './pages/controls';

// Issue 8: a CSCP escalation whose Escalation Notification Form is made at stage 3 while the
// escalation is still open, with what the form exists to say filled in: the lead agency (the other
// agency here, not the school), the policy or practice issues, the current position and the
// remaining issues, the stage 3 meeting, and the date it was sent to the partnership. The PDF is read
// back and its first page drawn to a PNG to be looked at.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'partnership-forms'));
});
afterAll(() => closeAll(browser, app));

describe('a CSCP escalation at stage 3', () => {
  it('makes the Escalation Notification Form while open, with the issues filled in', async () => {
    await new AppShell(page).goTo('Settings');
    await new SettingsPage(page).chooseProcedure('CSCP five stages of escalation');
    await addChildThroughScreens(page, {
      firstName: 'Imogen',
      lastName: 'Ashworth-Kaur',
      dateOfBirth: '2015-02-20',
      classOrYear: 'Year 6',
      levelOfNeed: 'Level 4: child in need or child protection',
      plan: 'Child in need plan',
    });
    const form = await OpenEscalationPage.fromChild(page, minutesAgo(240));
    await form.fill({
      category: 'Thresholds or the level of the child’s needs',
      agencyKind: 'Children’s social care',
      agencyName: 'Children’s Social Care, Assessment Team 2',
      professionalName: 'Tomasz Nowak',
      professionalRole: 'Social worker',
    });
    await form.open();

    const escalation = new EscalationPage(page);
    const talk = (when: number) => ({
      when: minutesAgo(when),
      summary: 'Discussed the threshold for a child in need plan.',
      decision: 'No agreement.',
      rationale: 'The team reads the threshold differently.',
    });
    await escalation.recordConversation(talk(230));
    await escalation.escalate('Stage 2', 'Not resolved between the front line workers.', minutesAgo(220));
    await escalation.recordConversation(talk(210));
    await escalation.escalate('Stage 3', 'The managers could not agree.', minutesAgo(200));
    // The stage 3 case meeting.
    await escalation.recordConversation({
      when: minutesAgo(120),
      summary: 'Case meeting with the service manager and the named safeguarding lead.',
      decision: 'The assessment will be reopened; the school will share attendance weekly.',
      rationale: 'New information about attendance and the home changes the picture.',
    });
    expect(await escalation.currentStage().textContent()).toContain('Stage 3');

    // What the form says, recorded while the escalation is open.
    const partnership = page.getByRole('region', { name: 'For the partnership' });
    await partnership.getByText('Escalation Notification Form: from Stage 3').waitFor();
    await partnership.getByRole('button', { name: 'Record what the partnership’s form says' }).click();
    await choose(page, partnership, 'Lead agency', 'Children’s Social Care, Assessment Team 2');
    await field(partnership, 'Policy or practice issues identified').fill(
      'Thresholds for child in need are read differently by the front door and the school.',
    );
    await field(partnership, 'Current position').fill('Assessment reopened; agreed at the stage 3 case meeting.');
    await field(partnership, 'Remaining issues').fill('Whether a child in need plan follows the reopened assessment.');
    await partnership.getByRole('button', { name: 'Save for the partnership' }).click();
    await partnership.getByText('Last recorded', { exact: false }).waitFor();
    await fillDateTime(partnership, 'Sent to the partnership on', minutesAgo(60));
    await partnership.getByRole('button', { name: 'Record it as sent' }).click();
    await partnership.getByText('Escalation Notification Form: sent to the partnership on', { exact: false }).waitFor();
    await screenshot(page, '23-cscp-partnership-form-at-stage-3');
    await expectAccessible(page, 'the escalation page with the partnership’s form');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make the Escalation Notification Form (PDF)' }).click();
    const pdfPath = join(SCREENSHOT_DIR, 'cscp-escalation-notification-form.pdf');
    await (await download).saveAs(pdfPath);
    const words = (await pdfText(readFileSync(pdfPath))).replace(/\s+/g, ' ');
    for (const expected of [
      'Escalation Notification Form',
      'Lead agency Children’s Social Care, Assessment Team 2',
      'Highest stage reached Stage 3: Escalate to Service Managers or Named Safeguarding Leads',
      'Status Open: not yet resolved',
      'Thresholds for child in need are read differently by the front door and the school.',
      'Assessment reopened; agreed at the stage 3 case meeting.',
      'Whether a child in need plan follows the reopened assessment.',
      // The stage 3 meeting, in a table: its columns are read across, so a short piece of each.
      'The stage 3 meeting When How and who took part Decision and rationale',
      'The assessment will be reopened',
    ])
      expect(words).toContain(expected);
    // The label wraps in its column: 'Date notified to the' on one line, the date beside it.
    expect(words).toMatch(/Date notified to the \d{2}\/\d{2}\/\d{4} partnership/);
    expect(words).not.toMatch(/seed|Not recorded yet/i);
    // pdftoppm is not installed here: the page is drawn with pdfjs onto @napi-rs/canvas instead.
    const png = await pdfPageToPng(pdfPath, 1, join(SCREENSHOT_DIR, 'cscp-escalation-notification-form-page-1.png'));
    expect(png).not.toBeNull();
  });
});
