import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { newDataDir, startApp, type RunningApp } from './support/app';
import { launchChromium, newUkPage, screenshot } from './support/browser';
import { focusProblem, hasFocus, tabTo, typeInto } from './support/keyboard';
import { PASSPHRASE, closeAll } from './support/session';

// Issue 11: setting up, adding a child, opening an escalation, recording a conversation,
// escalating and resolving, with the keyboard alone (Tab, Shift+Tab, Enter, Space, the arrows;
// no mouse, no locator.click). The focus is seen on everything Tab reaches, goes to a new screen's
// heading, comes back to the button that opened a dialog (or to the heading when that button went
// with the change), and a record is saved only by its button or Ctrl+Enter, never by Enter in a
// one-line field.

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp(newDataDir('keyboard'));
  page = await newUkPage(browser);
});

afterAll(() => closeAll(browser, app));

/** Opens a Mantine Select from the keyboard and picks `option` with the arrows and Enter (typing first to narrow a searchable one). */
async function chooseWithKeys(field: Locator, option: string, typeFirst?: string): Promise<void> {
  await tabTo(page, field);
  if (typeFirst) await page.keyboard.type(typeFirst);
  else await page.keyboard.press('ArrowDown');
  for (let presses = 0; presses < 20; presses += 1) {
    const highlighted = page.locator('[data-combobox-selected]');
    if ((await highlighted.count()) > 0 && (await highlighted.innerText()).trim() === option) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The arrows never reached “${option}”`);
}

/** Replaces what a focused field holds, as a person would: select all, then type. */
async function retype(field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

function heading(name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

function londonAgo(minutes: number): { date: string; time: string } {
  const at = DateTime.now().setZone('Europe/London').minus({ minutes });
  return { date: at.toFormat('dd/MM/yyyy'), time: at.toFormat('HH:mm') };
}

describe('with the keyboard alone', () => {
  it('sets up Escalation Log', async () => {
    await page.goto(app.url);
    await heading('Set up Escalation Log').waitFor();
    // The setting's name has the focus; Enter in it goes on to the next step instead of sending half a set-up.
    expect(await hasFocus(page.getByRole('textbox', { name: 'Setting name' }))).toBe(true);
    await page.keyboard.type('Northway Primary and Nursery School');
    await page.keyboard.press('Enter');
    const dslName = page.getByRole('textbox', { name: 'Designated Safeguarding Lead’s full name' });
    await dslName.waitFor();
    expect(await hasFocus(dslName)).toBe(true);
    await page.keyboard.type('Priya Raman');
    await typeInto(page, page.getByRole('textbox', { name: 'Passphrase', exact: true }), PASSPHRASE);
    await typeInto(page, page.getByRole('textbox', { name: 'Passphrase again' }), PASSPHRASE);
    await tabTo(page, page.getByRole('button', { name: 'Create the encrypted records file' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
    await tabTo(page, page.getByRole('checkbox', { name: 'I have printed the recovery sheet and stored it safely' }));
    await page.keyboard.press('Space');
    await typeInto(page, page.getByRole('textbox', { name: 'Where is it stored?' }), 'Sealed envelope in the school safe');
    await tabTo(page, page.getByRole('button', { name: 'Continue to Escalation Log' }));
    await page.keyboard.press('Enter');
    await heading('Dashboard').waitFor();
    // The app opens with its heading focused, not the page.
    await expect.poll(() => hasFocus(heading('Dashboard'))).toBe(true);
  });

  it('skips to the main content, and chooses the procedure', async () => {
    // The first thing on the page is the skip link (back from the heading, past the navigation),
    // shown while it has the focus; it takes the focus to the screen's heading.
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    const hidden = await skip.boundingBox();
    expect(hidden && hidden.y + hidden.height <= 0).toBe(true);
    await tabTo(page, skip, { backwards: true });
    expect(await page.evaluate(() => document.querySelector('a, button, input') === document.activeElement)).toBe(true);
    expect(await focusProblem(page)).toBeNull();
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.x >= 0).toBe(true);
    await screenshot(page, 'keyboard-01-skip-link');
    await page.keyboard.press('Enter');
    expect(await hasFocus(heading('Dashboard'))).toBe(true);

    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }), { backwards: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(heading('Settings'))).toBe(true);
    // Into the procedure list; the arrows move through it and choose (none is chosen at first).
    await tabTo(page, page.getByRole('radio').first());
    for (let presses = 0; presses < 10; presses += 1) {
      if (await hasFocus(page.getByRole('radio', { name: 'Liverpool escalation guidance (LSCB)' }))) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Space');
    await page.getByText('New escalations will follow Liverpool escalation guidance (LSCB).').waitFor();
  });

  it('adds a child; Enter in a one-line field saves nothing', async () => {
    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children' }), { backwards: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(heading('Children'))).toBe(true);
    await tabTo(page, page.getByRole('link', { name: 'Add a child' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(heading('Add a child'))).toBe(true);
    await typeInto(page, page.getByRole('textbox', { name: 'First name' }), 'Zephyrine');
    await typeInto(page, page.getByRole('textbox', { name: 'Last name' }), 'Quillfeather');
    await typeInto(page, page.getByRole('textbox', { name: 'Date of birth' }), '14/03/2017');
    await typeInto(page, page.getByRole('textbox', { name: 'Class or year group' }), 'Year 4');
    // Enter here used to send the whole record, half-filled.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    expect(await heading('Add a child').isVisible()).toBe(true);
    expect(await page.getByText('Choose the level of need', { exact: false }).count()).toBe(0);
    await chooseWithKeys(page.getByRole('combobox', { name: 'Level of need' }), 'Level 4: child in need or child protection');
    await chooseWithKeys(page.getByRole('combobox', { name: 'Plan' }), 'Child protection plan');
    await typeInto(page, page.getByRole('textbox', { name: 'Allocated social worker’s full name' }), 'Daniel Okafor');
    await tabTo(page, page.getByRole('button', { name: 'Save the child' }));
    await page.keyboard.press('Enter');
    await heading('Zephyrine Quillfeather').waitFor();
    await expect.poll(() => hasFocus(heading('Zephyrine Quillfeather'))).toBe(true);
  });

  it('opens an escalation, saving it with Ctrl+Enter', async () => {
    await tabTo(page, page.getByRole('link', { name: 'Open an escalation' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(heading('Open an escalation'))).toBe(true);
    // No answer is chosen to begin with: Tab reaches the first, the arrow moves to "No" and chooses it.
    await tabTo(page, page.getByRole('radio', { name: 'Yes' }));
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await chooseWithKeys(
      page.getByRole('combobox', { name: 'What the disagreement is about' }),
      'A child protection plan is not progressing',
      'plan is not',
    );
    await typeInto(page, page.getByRole('textbox', { name: 'Agency or team' }), 'Liverpool Careline');
    await typeInto(page, page.getByRole('textbox', { name: 'Professional’s full name' }), 'Grace Adeyemi');
    await typeInto(page, page.getByRole('textbox', { name: 'Their role' }), 'Social worker');
    await typeInto(page, page.getByRole('textbox', { name: 'What the concern is' }), 'No visits for four weeks.');
    await typeInto(page, page.getByRole('textbox', { name: 'Areas of agreement' }), 'The child needs a plan.');
    await typeInto(page, page.getByRole('textbox', { name: 'Areas of disagreement' }), 'Whether the plan is progressing.');
    await typeInto(
      page,
      page.getByRole('textbox', { name: 'How the disagreement bears on the risk to the child' }),
      'The child is unseen.',
    );
    await typeInto(page, page.getByRole('textbox', { name: 'The outcome you are seeking' }), 'Visits as the plan says.');
    const raised = londonAgo(120);
    await retype(page.getByRole('textbox', { name: 'When the disagreement was first raised: date' }), raised.date);
    await retype(page.getByRole('textbox', { name: 'When the disagreement was first raised: time' }), raised.time);
    await page.keyboard.press('Control+Enter');
    await heading(/^Escalation: /).waitFor();
    await expect.poll(() => hasFocus(heading(/^Escalation: /))).toBe(true);
  });

  it('records a conversation, and the focus goes back to the button that opened the dialog', async () => {
    const opener = page.getByRole('button', { name: 'Record a conversation or decision' });
    await tabTo(page, opener);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const happened = londonAgo(60);
    await retype(dialog.getByRole('textbox', { name: 'When: date' }), happened.date);
    await retype(dialog.getByRole('textbox', { name: 'When: time' }), happened.time);
    await typeInto(page, dialog.getByRole('textbox', { name: 'What was said' }), 'Raised the lapsed visits with Grace Adeyemi.');
    await typeInto(page, dialog.getByRole('textbox', { name: 'Decision', exact: true }), 'No agreement.');
    await typeInto(page, dialog.getByRole('textbox', { name: 'Rationale for the decision' }), 'Visits are still not happening.');
    await tabTo(page, dialog.getByRole('checkbox', { name: 'The original referrer has been told of the outcome' }));
    await page.keyboard.press('Space');
    await screenshot(page, 'keyboard-02-conversation-dialog');
    await tabTo(page, dialog.getByRole('button', { name: 'Save the record' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('article', { name: /^Record of / }).waitFor();
    await expect.poll(() => hasFocus(opener)).toBe(true);

    // Esc closes a dialog, and the focus goes back the same way.
    const agree = page.getByRole('button', { name: 'Agree an action' });
    await tabTo(page, agree);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(agree)).toBe(true);
  });

  it('escalates to the next step', async () => {
    const escalate = page.getByRole('button', { name: 'Escalate to Step b' });
    await tabTo(page, escalate);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await typeInto(page, dialog.getByRole('textbox', { name: 'Why it is being escalated' }), 'No agreement with the social worker.');
    await tabTo(page, dialog.getByRole('button', { name: 'Escalate to Step b' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Escalate to Step c' }).waitFor();
    // The same button, now naming the next step, has the focus back.
    await expect.poll(() => hasFocus(page.getByRole('button', { name: 'Escalate to Step c' }))).toBe(true);
  });

  it('resolves it; the focus goes to the heading when the button that opened the dialog has gone', async () => {
    // The procedure asks for a record of each stage before resolving: this one at the moment it is made.
    await tabTo(page, page.getByRole('button', { name: 'Record a conversation or decision' }), { backwards: true });
    await page.keyboard.press('Enter');
    const entry = page.getByRole('dialog');
    await typeInto(page, entry.getByRole('textbox', { name: 'What was said' }), 'The team leader agreed visits restart.');
    await typeInto(page, entry.getByRole('textbox', { name: 'Decision', exact: true }), 'Resolved.');
    await typeInto(page, entry.getByRole('textbox', { name: 'Rationale for the decision' }), 'Visits are booked.');
    // Ctrl+Enter saves from a text area too.
    await page.keyboard.press('Control+Enter');
    await entry.waitFor({ state: 'detached' });

    await tabTo(page, page.getByRole('button', { name: 'Resolve with a written statement of the outcome' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await typeInto(page, dialog.getByRole('textbox', { name: 'Written statement of the outcome' }), 'Visits restart this week.');
    await typeInto(page, dialog.getByRole('textbox', { name: 'Consequent actions' }), 'The DSL checks at the next core group.');
    await tabTo(page, dialog.getByRole('button', { name: 'Record the outcome' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Written statement of the outcome' }).waitFor();
    await expect.poll(() => hasFocus(heading(/^Escalation: /))).toBe(true);
    await screenshot(page, 'keyboard-03-resolved');
  });
});
