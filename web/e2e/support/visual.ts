import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { screenshotDir } from './browser';

/**
 * Screenshots compared with committed baselines (e2e/visual-baselines/).
 * To accept the pages as they look now, after a deliberate change of layout:
 *
 *   UPDATE_VISUAL_BASELINES=1 npm run e2e -- e2e/visual.e2e.ts
 *
 * and commit the changed PNGs. A failed comparison leaves the actual
 * screenshot and a diff image (changed pixels in red) in
 * e2e/screenshots/visual/.
 */
export const baselineDir = resolve(import.meta.dirname, '../visual-baselines');
const failureDir = join(screenshotDir, 'visual');
const updating = process.env.UPDATE_VISUAL_BASELINES === '1';

/**
 * How different a page may look and still pass: pixelmatch's per-pixel colour
 * threshold (0 exact, 1 anything; anti-aliased edges are ignored), and the
 * share of pixels that may differ beyond it. Small enough that a block
 * moved, hidden or resized fails; large enough for font hinting noise.
 */
export const TOLERANCE = { pixelThreshold: 0.1, maxDifferentShare: 0.005 };

export const PHONE_390 = { width: 390, height: 844 };

/**
 * Adds a style sheet to the page through the CSSOM (a constructed sheet),
 * which the app's Content-Security-Policy (style-src 'self') allows where a
 * <style> element is refused.
 */
export async function addStyles(page: Page, css: string) {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/**
 * Makes the page render the same on every run: one installed font (Debian's
 * fonts-dejavu-core) rather than whichever the system picks for Bulma's
 * stack, no animations, transitions or caret, every image loaded (lazy ones
 * too) and the fonts ready.
 */
async function steady(page: Page) {
  await addStyles(
    page,
    `*, *::before, *::after {
      font-family: 'DejaVu Sans', sans-serif !important;
      animation: none !important; transition: none !important; caret-color: transparent !important;
    }`,
  );
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await Promise.all(
      [...document.images].map((img) =>
        img.complete
          ? null
          : new Promise((done) => img.addEventListener('load', done, { once: true })),
      ),
    );
    await document.fonts.ready;
  });
}

/** A full-page screenshot, steadied, with what changes from run to run (dates, the chart) masked. */
export async function capture(page: Page): Promise<Buffer> {
  await steady(page);
  return page.screenshot({
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
    mask: [
      page.locator('time'),
      page.locator('.revenue-chart'),
      page.locator('[data-visual-mask]'),
    ],
    maskColor: '#ff00ff',
  });
}

export interface Comparison {
  /** null when the sizes match. */
  sizes: string | null;
  differentShare: number;
  diff: PNG | null;
}

/** Compares two PNGs under TOLERANCE. */
export function compare(actual: Buffer, expected: Buffer): Comparison {
  const a = PNG.sync.read(actual);
  const e = PNG.sync.read(expected);
  if (a.width !== e.width || a.height !== e.height)
    return {
      sizes: `${a.width}×${a.height} instead of ${e.width}×${e.height}`,
      differentShare: 1,
      diff: null,
    };
  const diff = new PNG({ width: a.width, height: a.height });
  const different = pixelmatch(a.data, e.data, diff.data, a.width, a.height, {
    threshold: TOLERANCE.pixelThreshold,
  });
  return { sizes: null, differentShare: different / (a.width * a.height), diff };
}

export const passes = (comparison: Comparison) =>
  comparison.sizes === null && comparison.differentShare <= TOLERANCE.maxDifferentShare;

/**
 * The page as it is now must look like its baseline `name`.png; with
 * UPDATE_VISUAL_BASELINES=1 it becomes the baseline instead.
 */
export async function expectLooksLikeBaseline(page: Page, name: string) {
  const actual = await capture(page);
  const baseline = join(baselineDir, `${name}.png`);
  if (updating) {
    mkdirSync(baselineDir, { recursive: true });
    writeFileSync(baseline, actual);
    return;
  }
  if (!existsSync(baseline))
    throw new Error(
      `No visual baseline ${name}.png: run UPDATE_VISUAL_BASELINES=1 npm run e2e -- e2e/visual.e2e.ts and commit it`,
    );
  const comparison = compare(actual, readFileSync(baseline));
  if (passes(comparison)) return;
  mkdirSync(failureDir, { recursive: true });
  writeFileSync(join(failureDir, `${name}.actual.png`), actual);
  if (comparison.diff)
    writeFileSync(join(failureDir, `${name}.diff.png`), PNG.sync.write(comparison.diff));
  throw new Error(
    `${name} does not look like its baseline: ` +
      (comparison.sizes ??
        `${(comparison.differentShare * 100).toFixed(2)}% of pixels differ ` +
          `(at most ${TOLERANCE.maxDifferentShare * 100}% may)`) +
      `; see e2e/screenshots/visual/${name}.*.png, or update the baselines if the change is meant`,
  );
}
