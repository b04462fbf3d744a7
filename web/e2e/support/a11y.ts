import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './browser';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The WCAG 2.x A and AA rules axe-core knows (colour contrast, labels, names, ARIA, ...). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Waits for the network to go quiet, at most briefly: a page whose frame keeps
 * sending CSP reports (the mailbox's sandboxed mail) never does.
 */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical
 * WCAG A/AA violation, naming the rule and the elements. axe is evaluated
 * through the DevTools protocol, so no script tag (and no CSP exception) is
 * needed.
 */
export async function expectAccessible(page: Page, what: string) {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: Violation[] };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n` +
          v.nodes
            .slice(0, 5)
            .map(
              (n) => `  ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`,
            )
            .join('\n'),
      )
      .join('\n');
    throw new Error(`Accessibility violations on ${what}:\n${report}`);
  }
}

/**
 * At a phone-wide viewport (375 px) the page must not scroll sideways: nothing is
 * wider than the screen. Names the widest offenders when something is.
 * Leaves the viewport at phone width; the caller restores it.
 */
export async function expectFitsPhoneWidth(page: Page, what: string) {
  await page.setViewportSize(PHONE);
  await settle(page);
  const overflow = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    // Content inside a scrolling box (a table container, tabs) may be wider:
    // only what sticks out of the page itself counts. An absolutely placed
    // box escapes the scrollers between it and its containing block.
    const inScroller = (el: Element) => {
      let node = el as HTMLElement | null;
      while (node && node !== document.body) {
        const position = getComputedStyle(node).position;
        if (position === 'fixed') return false;
        node =
          position === 'absolute' ? (node.offsetParent as HTMLElement | null) : node.parentElement;
        if (node && node !== document.body && getComputedStyle(node).overflowX !== 'visible')
          return true;
      }
      return false;
    };
    const offenders = [...document.querySelectorAll('body *')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ el, right }) => right > width + 0.5 && !inScroller(el))
      .slice(0, 8)
      .map(({ el, right }) => {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
        return `${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(right)} px)`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders };
  });
  if (overflow) {
    throw new Error(
      `${what} scrolls sideways at ${PHONE.width} px: ${overflow.scrollWidth} px wide content in a ` +
        `${overflow.width} px viewport; widest elements:\n  ${overflow.offenders.join('\n  ')}`,
    );
  }
}

/** Both checks: axe at desktop width, then the phone-width overflow check; back to desktop. */
export async function checkPage(page: Page, what: string) {
  await expectAccessible(page, what);
  try {
    await expectFitsPhoneWidth(page, what);
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}
