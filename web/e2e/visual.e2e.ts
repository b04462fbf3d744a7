import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/a11y';
import { signIn } from './support/actions';
import { DESKTOP, openBrowser, type Actor } from './support/browser';
import { Mailbox } from './support/mailbox';
import { SEED, seed, type Seeded } from './support/seed';
import { startServer, type RunningServer } from './support/server';
import {
  PHONE_390,
  addStyles,
  baselineDir,
  capture,
  compare,
  expectLooksLikeBaseline,
  passes,
} from './support/visual';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Visual regression: the key pages, on a fixed little marketplace
// (support/seed.ts), at desktop width and on a 390 px phone, must look like
// the committed baselines in e2e/visual-baselines/ (support/visual.ts says
// how to update them). A broken layout fails here even when every element
// is still in the DOM.

const VIEWPORTS = { desktop: DESKTOP, phone: PHONE_390 } as const;

describe('the key pages look as they did', () => {
  let server: RunningServer;
  let seeded: Seeded;
  let guest: Actor;
  let buyer: Actor;
  let vendor: Actor;

  beforeAll(async () => {
    server = await startServer();
    seeded = await seed(server, new Mailbox(server));
    [guest, buyer, vendor] = await Promise.all([
      openBrowser(server.url),
      openBrowser(server.url),
      openBrowser(server.url),
    ]);
    await signIn(buyer.page, SEED.buyer.email, SEED.buyer.password, SEED.buyer.name);
    await signIn(vendor.page, SEED.vendor.email, SEED.vendor.password, SEED.vendor.name);
  });

  afterAll(async () => {
    await Promise.all([guest, buyer, vendor].map((actor) => actor?.close()));
    await server?.stop();
  });

  /** Each key page: who looks at it, where, and what shows it has loaded. */
  const pages: Record<
    string,
    { actor: () => Actor; path: () => string; ready: (page: Page) => Promise<void> }
  > = {
    home: {
      actor: () => guest,
      path: () => '/',
      ready: (page) => page.getByRole('heading', { name: 'New products' }).waitFor(),
    },
    product: {
      actor: () => guest,
      path: () => `/products/${seeded.productIds['Moss terrarium']}`,
      ready: (page) => page.getByRole('heading', { name: 'Reviews' }).waitFor(),
    },
    search: {
      actor: () => guest,
      path: () => '/search?category=plants',
      ready: (page) =>
        page
          .getByRole('link', { name: /Fern seedling/ })
          .first()
          .waitFor(),
    },
    cart: {
      actor: () => buyer,
      path: () => '/cart',
      ready: (page) =>
        page
          .getByRole('link', { name: /Cork stopper jar/ })
          .first()
          .waitFor(),
    },
    'vendor-dashboard': {
      actor: () => vendor,
      path: () => '/vendor',
      ready: (page) => page.getByRole('heading', { name: /Top products/i }).waitFor(),
    },
  };

  async function open(name: string, viewport: { width: number; height: number }) {
    const { actor, path, ready } = pages[name];
    const { page } = actor();
    await page.setViewportSize(viewport);
    await page.goto(path());
    await ready(page);
    return page;
  }

  for (const name of Object.keys(pages))
    for (const [width, viewport] of Object.entries(VIEWPORTS))
      test(`${name} at ${width} width`, async () => {
        const page = await open(name, viewport);
        await expectLooksLikeBaseline(page, `${name}-${width}`);
      });

  test.skipIf(process.env.UPDATE_VISUAL_BASELINES === '1')(
    'a broken layout does not pass: the product grid in one column',
    async () => {
      const page = await open('home', DESKTOP);
      await addStyles(page, '.product-grid { grid-template-columns: 1fr !important; }');
      const broken = compare(
        await capture(page),
        readFileSync(join(baselineDir, 'home-desktop.png')),
      );
      expect(passes(broken)).toBe(false);
    },
  );

  test('the home page passes axe', async () => {
    const page = await open('home', DESKTOP);
    await expectAccessible(page, 'the home page');
  });
});
