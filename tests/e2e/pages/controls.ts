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

function ukDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** A date and time in London ('YYYY-MM-DDTHH:mm'), typed as a person would: dd/mm/yyyy and hh:mm. */
export async function fillDateTime(scope: Page | Locator, label: string, londonLocal: string): Promise<void> {
  const [date = '', time = ''] = londonLocal.split('T');
  await scope.getByRole('textbox', { name: `${label}: date`, exact: true }).fill(ukDate(date));
  await scope.getByRole('textbox', { name: `${label}: time`, exact: true }).fill(time);
}

/** A date ('YYYY-MM-DD'), typed as dd/mm/yyyy. */
export async function fillDate(scope: Page | Locator, label: string, isoDate: string): Promise<void> {
  await field(scope, label).fill(ukDate(isoDate));
}
