import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, screenshot } from './browser';
import { expectAccessible } from './axe';

// What a person on a small laptop, or with the text zoomed to 200%, would see go wrong: the page
// scrolling sideways, a control beyond the right edge of the window, a badge's word cut short.
// 200% zoom of a 1366×900 window lays out exactly as a 683×450 window does (CSS pixels), so that
// is how it is checked.

export interface Viewport {
  name: string;
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { name: '1366x900', width: 1366, height: 900 };
export const SMALL_LAPTOP: Viewport = { name: '1024x700', width: 1024, height: 700 };
export const ZOOM_200: Viewport = { name: 'zoom200', width: 683, height: 450 };

/** What does not fit the window as it is now; empty when everything reflows. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) {
      // Name what sticks out furthest, innermost first, so the message says what to fix.
      const out = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 1 && element.getBoundingClientRect().width > 0)
        .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > width + 1))
        .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
        .slice(0, 3)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${[...element.classList].slice(-1).join('')} to ${Math.round(element.getBoundingClientRect().right)}`,
        );
      problems.push(`the page scrolls sideways (${root.scrollWidth} > ${width} CSS pixels: ${out.join(', ')})`);
    }
    const name = (element: Element) =>
      (element.getAttribute('aria-label') ?? element.textContent ?? element.tagName).replace(/\s+/g, ' ').trim().slice(0, 60);
    /** Inside something that scrolls or clips on purpose (a list of options, a scroll area): not the page's layout. */
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') return true;
      }
      return false;
    };
    for (const element of document.querySelectorAll('button, a[href], input:not([type=hidden]), textarea, [role=tab], [role=radio]')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (box.right > width + 1 && !clipped(element))
        problems.push(`beyond the right edge: ${element.tagName.toLowerCase()} “${name(element)}”`);
    }
    for (const label of document.querySelectorAll('.mantine-Badge-label')) {
      if (label.scrollWidth > label.clientWidth + 1) problems.push(`badge cut short: “${name(label)}”`);
    }
    return problems;
  });
}

/**
 * Checks the layout at each width, taking a screenshot at the two laptop sizes when `shot` names
 * it, and puts the window back to the desktop size.
 */
export async function checkReflow(page: Page, where: string, shot?: string): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of [DESKTOP, SMALL_LAPTOP, ZOOM_200]) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.waitForTimeout(120);
    problems.push(...(await layoutProblems(page)).map((problem) => `${where} at ${viewport.name}: ${problem}`));
    if (shot && viewport !== ZOOM_200) {
      // A dialog is fixed to the window: the window is what a person sees, not the page behind it.
      const dialogOpen = (await page.locator('[role=dialog][aria-modal=true]').count()) > 0;
      if (dialogOpen) await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-${viewport.name}.png` });
      else await screenshot(page, `${shot}-${viewport.name}`);
    }
  }
  await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
  await page.waitForTimeout(80);
  return problems;
}

/**
 * Checked with axe (no serious or critical violation), then full-page screenshots at the DSL's office
 * screen (`<name>-1366`) and a small laptop's (`<name>-1024`); the window is put back to the desktop size.
 */
export async function accessibleAtBothSizes(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  for (const viewport of [DESKTOP, SMALL_LAPTOP]) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.waitForTimeout(200);
    await screenshot(page, `${name}-${viewport.width}`);
  }
  await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
  await page.waitForTimeout(200);
}
