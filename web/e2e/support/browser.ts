import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const screenshotDir = resolve(import.meta.dirname, '../screenshots');

export const DESKTOP = { width: 1280, height: 900 };
/** A small phone (iPhone SE/mini width): the narrowest the layout must fit. */
export const PHONE = { width: 375, height: 812 };

/** Errors the actors' pages threw that nothing caught, not yet taken. */
const uncaughtPageErrors: string[] = [];

/** Takes the uncaught page errors so far (support/setup.ts fails a test on them). */
export function takeUncaughtPageErrors(): string[] {
  return uncaughtPageErrors.splice(0);
}

export interface Actor {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations reported on this actor's pages, oldest first. */
  cspViolations: string[];
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
  const cspViolations = await watchCspViolations(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => uncaughtPageErrors.push(`${page.url()}: ${error.message}`));
  return {
    context,
    page,
    cspViolations,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Collects the securitypolicyviolation events of every page of the context.
 * The listener is installed and reports through the DevTools protocol, which
 * the page's CSP does not govern, so it sees every violation.
 */
async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__pocketshopCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (text: string) => void>)
        .__pocketshopCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'an inline resource'} ` +
          `on ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png. */
/** The CSP violations the actors' pages reported since the last call; clears them. */
export function takeCspViolations(...actors: Actor[]): string[] {
  return actors.flatMap((actor) => actor.cspViolations.splice(0));
}

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
