import type { Locator, Page } from 'playwright-core';

/** A field by its label; a required field's label ends in an asterisk that is hidden from screen readers. */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`)).and(scope.locator('input, textarea'));
}

/** Picks an option of a Mantine Select (its option list is labelled by the same label). */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A date and time in London, as the datetime-local field takes it. */
export async function fillDateTime(scope: Page | Locator, label: string, londonLocal: string): Promise<void> {
  await field(scope, label).fill(londonLocal);
}
