import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from './support/app';
import { launchChromium } from './support/browser';
import { closeAll, freshSetUpApp } from './support/session';
import { callApi } from './support/api-calls';
import { accessibleAtBothSizes } from './support/layout';
import { AppShell } from './pages/app-shell';
import { AddChildPage, ChildrenPage } from './pages/children-pages';
import { choose, field } from './pages/controls';

// Issue 11, items 1–4, end to end: a child is found from the header of any screen whatever the
// accents, capitals and apostrophes typed, or by date of birth; the register lists children by
// surname as a school's MIS does; a second record for the same child is warned of, with a link to
// the first, and saved only when confirmed; a child's details are changed on screen with the reason,
// kept as an amendment. Screenshots at 1366×900 and 1024×700.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ app, page } = await freshSetUpApp(browser, 'find-children'));
});

afterAll(() => closeAll(browser, app));

const api = <T = { id: string }>(method: string, input: unknown) => callApi<T>(page, method, input);

const atBothSizes = (name: string) => accessibleAtBothSizes(page, name);

const children = [
  { firstName: 'Zofia', lastName: 'Łukasik', dateOfBirth: '2016-05-02' },
  { firstName: 'Caoimhe', lastName: 'Ó Súilleabháin', dateOfBirth: '2017-03-14' },
  { firstName: 'Marta', lastName: 'Wiśniewska', dateOfBirth: '2018-11-30' },
  { firstName: 'Gwenllian', lastName: 'ap Dafydd', dateOfBirth: '2016-09-09' },
  { firstName: 'Liam', lastName: 'O’Connor', dateOfBirth: '2019-01-21' },
  { firstName: 'Ieuan', lastName: 'Williams', dateOfBirth: '2015-12-01' },
  { firstName: 'Amara', lastName: 'Bello', dateOfBirth: '2017-03-14' },
];

const findChild = () => page.getByRole('textbox', { name: 'Find a child' });

describe('finding and changing children, end to end', () => {
  it('finds any child from the header of any screen, whatever the accents, capitals and apostrophes', async () => {
    for (const child of children) {
      await api('children.create', { ...child, classOrYear: 'Year 4', levelOfNeed: 2, planStatus: 'none', socialWorkerContact: '' });
    }
    await new AppShell(page).goTo('Settings');
    // Ctrl+K puts the cursor in the header's box, without leaving the screen.
    await page.keyboard.press('Control+k');
    await expect.poll(() => findChild().evaluate((input) => input === document.activeElement)).toBe(true);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    const found = page.getByRole('listbox', { name: 'Children found' });
    for (const [typed, expected] of [
      ['Łukasik', 'Łukasik, Zofia'],
      ['Ó Súill', 'Ó Súilleabháin, Caoimhe'],
      ['Wisniewska', 'Wiśniewska, Marta'],
      ['gwenllian', 'ap Dafydd, Gwenllian'],
      ['oconnor', 'O’Connor, Liam'],
      ['O’Connor', 'O’Connor, Liam'],
      ["O'Connor", 'O’Connor, Liam'],
    ] as const) {
      await findChild().fill(typed);
      await found.getByRole('option', { name: new RegExp(`^${expected}`) }).waitFor();
      expect(await found.getByRole('option').count(), typed).toBe(1);
    }
    // A date of birth as dd/mm/yyyy: both children born that day.
    await findChild().fill('14/03/2017');
    await found.getByRole('option', { name: /^Bello, Amara/ }).waitFor();
    await found.getByRole('option', { name: /^Ó Súilleabháin, Caoimhe/ }).waitFor();
    await atBothSizes('11b-01-header-find-a-child');
    await findChild().fill('nobody at all');
    await page.getByText('No child matches “nobody at all”.').waitFor();
    // Enter opens the first match.
    await findChild().fill('lukasik');
    await found.getByRole('option', { name: /^Łukasik, Zofia/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Zofia Łukasik', level: 1 }).waitFor();
    expect(await findChild().inputValue()).toBe('');
  });

  it('lists the register by surname as written, accents and capitals folded', async () => {
    await new AppShell(page).goTo('Children');
    const list = new ChildrenPage(page);
    await list.table().waitFor();
    const names = await list.table().getByRole('link').allInnerTexts();
    expect(names).toEqual([
      'ap Dafydd, Gwenllian',
      'Bello, Amara',
      'Łukasik, Zofia',
      'Ó Súilleabháin, Caoimhe',
      'O’Connor, Liam',
      'Williams, Ieuan',
      'Wiśniewska, Marta',
    ]);
    await list.search('o suill');
    await expect.poll(() => list.table().getByRole('link').allInnerTexts()).toEqual(['Ó Súilleabháin, Caoimhe']);
    await list.search('');
    await atBothSizes('11b-02-children-in-order');
  });

  it('warns of a child already on the register, links to them, and adds a second record only when confirmed', async () => {
    const list = new ChildrenPage(page);
    await list.addChild();
    const form = new AddChildPage(page);
    await form.fill({
      firstName: 'zofia',
      lastName: 'Lukasik',
      dateOfBirth: '2016-05-02',
      classOrYear: 'Year 5',
      levelOfNeed: 'Level 2: early help',
    });
    const warning = page.getByRole('alert').filter({ hasText: 'This child may already be on the register' });
    await warning.waitFor();
    await warning.getByRole('link', { name: 'Open Zofia Łukasik’s record' }).waitFor();
    await form.save();
    await page
      .getByText(
        'Zofia Łukasik, born 02/05/2016, is already on the register. Open their record instead, or confirm this is a different child.',
      )
      .waitFor();
    await page.waitForTimeout(250);
    await atBothSizes('11b-03-add-child-already-on-register');
    // Nothing was saved.
    expect((await api<{ items: unknown[] }>('children.list', { search: 'lukasik' })).items.length).toBe(1);
    await page.getByLabel('This is a different child with the same name and date of birth').check();
    await form.save();
    await page.getByRole('heading', { name: 'zofia Lukasik', level: 1 }).waitFor();
    expect((await api<{ items: unknown[] }>('children.list', { search: 'lukasik' })).items.length).toBe(2);
  });

  it('changes a child’s details on screen with the reason, kept as an amendment on the timeline', async () => {
    await findChild().fill('ap dafydd');
    await page.getByRole('option', { name: /^ap Dafydd, Gwenllian/ }).click();
    await page.getByRole('heading', { name: 'Gwenllian ap Dafydd', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Change details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change Gwenllian ap Dafydd’s details' });
    await dialog.waitFor();
    expect(await field(dialog, 'Class or year group').inputValue()).toBe('Year 4');
    // Nothing changed: said so, nothing saved.
    await field(dialog, 'Why the record is being changed').fill('Checking');
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await dialog.getByText('Change at least one detail.').waitFor();
    await field(dialog, 'Class or year group').fill('Year 5');
    await choose(page, dialog, 'Plan', 'Child protection plan');
    await choose(page, dialog, 'Level of need', 'Level 4: child in need or child protection');
    await field(dialog, 'Allocated social worker’s full name').fill('Daniel Okafor');
    await field(dialog, 'Social worker’s contact details').fill('0151 233 3700');
    await field(dialog, 'Why the record is being changed').fill('Child protection plan made at the initial conference on 24/11/2026.');
    await atBothSizes('11b-04-change-child-details');
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Child protection plan', { exact: true }).waitFor();
    await page.getByText('Daniel Okafor', { exact: true }).waitFor();
    await page.getByText('Amended', { exact: true }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('Amended by Priya Raman: plan').waitFor();
    expect(await timeline.innerText()).toContain('Reason: Child protection plan made at the initial conference on 24/11/2026.');
    await atBothSizes('11b-05-child-after-change');
  });
});
