/**
 * Issue 17: the accessibility check every page passes: axe-core (through @axe-core/playwright) run on
 * the page as the user sees it, WCAG 2.1 A and AA rules and axe's best practices, failing on any
 * violation axe rates serious or critical. Minor and moderate findings are returned for the report.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Every violation axe finds on the page now, most severe first. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const order = ['critical', 'serious', 'moderate', 'minor'];
  return results.violations
    .map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
    .sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact));
}

/** Fails with the rule, its help and the elements when axe finds a serious or critical violation on the page. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const serious = (await axeFindings(page)).filter((f) => f.impact === 'serious' || f.impact === 'critical');
  expect(serious.map((f) => `${where}: ${f.impact} ${f.rule} (${f.help}) at ${f.targets.join(', ')}`)).toEqual([]);
}
