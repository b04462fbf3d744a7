import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const screenshotDir = resolve(import.meta.dirname, '../screenshots');

export const DESKTOP = { width: 1280, height: 900 };
/** A small phone (iPhone SE/mini width): the narrowest the layout must fit. */
export const PHONE = { width: 375, height: 812 };

export interface Actor {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with its own fresh profile directory: one per
 * person in a scenario, so a vendor and a buyer have separate sessions.
 * Playwright never downloads a browser here.
 */
export async function openBrowser(baseURL: string): Promise<Actor> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pocketshop-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    baseURL,
    viewport: DESKTOP,
    timeout: 30_000,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      if (errors.length) console.warn(`page errors:\n${errors.join('\n')}`);
    },
  };
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The same page at phone width, then back to the desktop size. */
export async function phoneScreenshot(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await screenshot(page, name);
  await page.setViewportSize(DESKTOP);
}
