import type { Locator, Page } from 'playwright-core';

// Driving the app with the keyboard alone, as a person who cannot use a mouse does: Tab and
// Shift+Tab to move, Enter, Space and the arrow keys to act. Every element Tab reaches must show
// where the focus is (an outline of at least 2 pixels, or Mantine's own focus style on a field).

/** Why the focus cannot be seen on the element that has it; null when it can. */
export function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'nothing has the focus (it fell to the page)';
    const describe = `${element.tagName.toLowerCase()} “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 50)}”`;
    // A field's ring is on its box (a passphrase field's input is inside one, with its eye button).
    const ringed = element.closest('.mantine-Input-input') ?? element;
    const style = getComputedStyle(ringed);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    if (!element.matches(':focus-visible') && !outline) return `the focus is not shown on ${describe}`;
    if (!outline) return `no outline marks the focus on ${describe}`;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return `the focus is on something that cannot be seen: ${describe}`;
    return null;
  });
}

async function focused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus can be seen on every
 * element passed on the way; fails if it is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, options: { max?: number; backwards?: boolean } = {}): Promise<void> {
  await target.waitFor();
  const max = options.max ?? 60;
  for (let presses = 0; presses <= max; presses += 1) {
    if (await focused(target)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const problem = await focusProblem(page);
    if (problem) throw new Error(`After ${presses + 1} Tab presses towards ${target.toString()}: ${problem}`);
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** The element that has the focus, for an assertion that it is the one expected. */
export async function hasFocus(target: Locator): Promise<boolean> {
  return focused(target);
}
