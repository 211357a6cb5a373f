import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

// axe-core on what the page shows now (a screen, or a screen with a dialog or pop-up open). A test
// fails on any serious or critical violation; the accessibility test asks for none at all, so the
// moderate and minor ones (landmarks, heading order, empty table headers) stay fixed too.

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeFinding {
  impact: Impact;
  rule: string;
  help: string;
  /** Where: the CSS selectors of the offending elements, and axe's summary for the first. */
  nodes: string[];
  summary: string;
}

const ORDER: Impact[] = ['minor', 'moderate', 'serious', 'critical'];

function isImpact(value: unknown): value is Impact {
  return typeof value === 'string' && ORDER.some((impact) => impact === value);
}

/** Every violation axe finds on the page as it is now, most severe first. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Mantine's transitions (a dialog fading in) would be caught half-way: wait for them to end.
  await page.waitForTimeout(250);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .map((violation) => ({
      impact: isImpact(violation.impact) ? violation.impact : 'minor',
      rule: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.map(String).join(' ')),
      summary: violation.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 300) ?? '',
    }))
    .sort((a, b) => ORDER.indexOf(b.impact) - ORDER.indexOf(a.impact));
}

/** One line per violation, for a failure message a person can act on. */
export function describeFindings(findings: readonly AxeFinding[]): string[] {
  return findings.map(
    (finding) =>
      `${finding.impact} ${finding.rule}: ${finding.help} (${finding.nodes.length}: ${finding.nodes.slice(0, 4).join(' | ')}) ${finding.summary}`,
  );
}

/**
 * Fails (throws, naming each violation) when axe finds anything of `worst` impact or above on the
 * page as it is now: by default serious and critical.
 */
export async function expectAccessible(page: Page, where: string, worst: Impact = 'serious'): Promise<AxeFinding[]> {
  const findings = await axeFindings(page);
  const failing = findings.filter((finding) => ORDER.indexOf(finding.impact) >= ORDER.indexOf(worst));
  if (failing.length > 0) {
    throw new Error(`axe found ${failing.length} violation(s) on ${where}:\n${describeFindings(failing).join('\n')}`);
  }
  return findings;
}
