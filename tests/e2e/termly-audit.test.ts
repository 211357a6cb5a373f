import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { launchChromium, screenshot, SCREENSHOT_DIR } from './support/browser';
import { pdfPageToPng } from './support/pdf-image';
import { closeAll, freshSetUpApp } from './support/session';
import { callApi } from './support/api-calls';
import { AuditPage } from './pages/audit-page';
import { EscalationPage } from './pages/escalation-pages';
import { pdfText } from '../unit/documents/pdf-text';
import { readFileSync } from 'node:fs';

// Issue 13, end to end: a DSL opens Audit, picks a term, sees the figures, the charts and the gaps
// in the records, follows a gap to its record and fixes it, and makes the PDF for governors with
// the children's names left out. Axe finds no serious or critical problem on the audit screen.
// The records are put in through the app's own API (as the screens would) with fixed dates in the
// autumn term 2025, so the test gives the same figures whatever day it runs.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'termly-audit'));
});

afterAll(() => closeAll(browser, app));

const api = <T = { id: string }>(method: string, input: unknown) => callApi<T>(page, method, input);

const child = { dateOfBirth: '2016-09-02', classOrYear: 'Year 5', levelOfNeed: 4, planStatus: 'child-in-need' };
const disagreement = {
  immediateRisk: false,
  concern: 'The referral was not accepted.',
  areasOfAgreement: 'None yet.',
  areasOfDisagreement: 'Whether the threshold is met.',
  riskRelevance: 'Neglect continues at home.',
  outcomeSought: 'An assessment.',
};
const conversation = (escalationId: string, occurredAt: string, rationale: string) => ({
  escalationId,
  occurredAt,
  method: 'phone',
  participants: [
    { name: 'Priya Raman', role: 'Designated Safeguarding Lead' },
    { name: 'Grace Adeyemi', role: 'Social worker', agency: 'Liverpool Careline' },
  ],
  summary: 'Discussed the referral.',
  decision: 'No agreement.',
  rationale,
  toldOfOutcome: [],
  originalReferrerTold: false,
});

async function seedAutumn2025() {
  await api('procedures.choose', { id: 'liverpool' });
  const amelia = await api('children.create', { ...child, firstName: 'Amelia', lastName: 'Rose-Whitfield' });
  const okonkwo = await api('children.create', { ...child, firstName: 'J.', lastName: 'Okonkwo' });
  const first = await api('escalations.open', {
    ...disagreement,
    childId: amelia.id,
    category: 'threshold-disagreement',
    otherAgencyKind: 'childrens-social-care',
    otherAgencyName: 'Liverpool Careline',
    otherProfessional: { name: 'Grace Adeyemi', role: 'Social worker' },
    openedAt: '2025-11-03T09:00:00.000Z',
  });
  await api('escalations.recordEntry', conversation(first.id, '2025-11-04T10:00:00.000Z', 'n/a'));
  await api('escalations.escalate', {
    escalationId: first.id,
    reason: 'Not resolved at Stage 1.',
    escalatedAt: '2025-11-06T09:00:00.000Z',
  });
  await api('escalations.recordEntry', conversation(first.id, '2025-11-10T10:00:00.000Z', 'The manager agreed the threshold is met.'));
  await api('escalations.resolve', {
    escalationId: first.id,
    resolvedAt: '2025-11-12T15:00:00.000Z',
    outcomeStatement: 'Liverpool Careline will start an assessment.',
    consequentActions: 'None.',
    agreedBy: ['Northway Primary and Nursery School', 'Liverpool Careline'],
  });
  await api('escalations.open', {
    ...disagreement,
    childId: okonkwo.id,
    category: 'action-or-inaction',
    otherAgencyKind: 'police',
    otherAgencyName: 'Merseyside Police Public Protection Unit',
    otherProfessional: { name: 'Daniel Okafor', role: 'Detective Constable' },
    openedAt: '2025-12-01T09:00:00.000Z',
  });
  await api('referrals.create', {
    childId: amelia.id,
    madeAt: '2025-11-17T10:00:00.000Z',
    method: 'phone',
    concern: 'child-in-need',
    category: 'standard',
    referredTo: 'Liverpool Careline',
    madeByName: 'Priya Raman',
    madeByRole: 'Designated Safeguarding Lead',
    summary: 'Neglect concerns.',
  });
}

describe('the termly audit', () => {
  it('shows a term’s figures, charts and gaps; a gap is followed to its record and fixed; the PDF is made for governors', async () => {
    await seedAutumn2025();
    const audit = new AuditPage(page);
    await audit.open();
    await audit.chooseTerm('Autumn term 2025 (01/09/2025 to 31/12/2025)');
    await audit.periodHeading('Autumn term 2025').waitFor();
    expect(page.url()).toContain('#/audit?period=term%3A2025%3Aautumn');

    expect(await audit.figure('Escalations open at some time in the period').innerText()).toBe('2');
    expect(await audit.figure('Resolved').innerText()).toBe('1');
    expect(await audit.figure('Still open at the end').innerText()).toBe('1');
    // Opened Mon 03/11/2025, resolved Wed 12/11/2025: 7 working days.
    expect(await audit.figure('Median working days to resolution').innerText()).toBe('7');
    // The records check follows in its own section, its result said in its live region.
    await audit
      .recordsCheck()
      .getByRole('status')
      .getByText(/^Checked at .*: the audit log’s \d+ entries are intact/)
      .waitFor();
    expect(await audit.recordsCheck().getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => audit.charts().count()).toBe(4);
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(4);
    const quality = await audit.recordQuality().innerText();
    for (const words of [
      'gives no rationale for its decision',
      'No record says the original referrer was told of the outcome.',
      'Resolved, but no learning review is recorded.',
      'no conversation or decision recorded',
      'recorded as “J. Okonkwo”',
    ]) {
      expect(quality).toContain(words);
    }
    const late = await audit.lateDeadlines().innerText();
    expect(late).toContain('Written follow-up of the phone referral');
    expect(late).toContain('The setting (Northway Primary and Nursery School)');
    expect(late).toContain('Children’s social care (Liverpool Careline)');
    await screenshot(page, '20-audit-autumn-term');

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(
      serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
    ).toEqual([]);

    // The governors' pack: children's names left out.
    const download = await audit.makePdf();
    expect(download.suggestedFilename()).toMatch(/^Termly audit Autumn term 2025 - \d{2}-\d{2}-\d{4} - ref [0-9A-F]{8}\.pdf$/);
    const pdfPath = join(SCREENSHOT_DIR, 'termly-audit-autumn-2025.pdf');
    await download.saveAs(pdfPath);
    await page.getByText('Made and kept:', { exact: false }).waitFor();
    await page
      .getByText('Termly audit of escalation records: Autumn term 2025 (children’s names left out), made by Priya Raman', { exact: false })
      .waitFor();
    const text = await pdfText(readFileSync(pdfPath));
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain('Autumn term 2025');
    expect(text).toContain('E-2025-11-03-AR');
    expect(text).toMatch(/Records checked\s+\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}: the audit log’s \d+ entries are intact/);
    for (const name of ['Amelia', 'Rose-Whitfield', 'Okonkwo']) expect(text).not.toContain(name);
    await pdfPageToPng(pdfPath, 1, join(SCREENSHOT_DIR, 'termly-audit-autumn-2025-page-1.png'));
    await pdfPageToPng(pdfPath, 2, join(SCREENSHOT_DIR, 'termly-audit-autumn-2025-page-2.png'));

    // Follow the missing learning review to its record, record it there, and come back to the same audit.
    await audit.gap('Resolved, but no learning review is recorded.').getByRole('link', { name: 'Fix this in E-2025-11-03-AR' }).click();
    await page.getByRole('heading', { name: /^Escalation: / }).waitFor();
    await new EscalationPage(page).learningReview();
    await page.getByRole('heading', { name: 'Learning review' }).waitFor();
    await page.goBack();
    await audit.periodHeading('Autumn term 2025').waitFor();
    await expect.poll(async () => audit.recordQuality().innerText()).not.toContain('no learning review is recorded');
    await screenshot(page, '21-audit-after-fixing-a-gap');

    // The terms it counted by: the English default until the DSL enters a year's own dates.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Term dates' }).click();
    await page.getByRole('combobox', { name: 'School year' }).click();
    await page.getByRole('option', { name: '2025/26', exact: true }).click();
    const terms = page.getByRole('table', { name: 'Terms of 2025/26' });
    expect(await terms.innerText()).toContain('Autumn term 2025\t01/09/2025\t31/12/2025\tDefault');
    await screenshot(page, '22-settings-term-dates');
  });
});
