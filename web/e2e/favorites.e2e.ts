import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkPage } from './support/a11y';
import { signIn } from './support/actions';
import { ApiSetup } from './support/api';
import {
  openBrowser,
  phoneScreenshot,
  screenshot,
  takeCspViolations,
  type Actor,
} from './support/browser';
import { StoryFixtures, type StoryUser } from './support/fixtures';
import { Mailbox } from './support/mailbox';
import { startServer, type RunningServer } from './support/server';

// Favorites on a real server with a fresh database: a buyer saves a product
// with the heart on its card in the search results (the page stays where it
// is), finds the heart still pressed after a reload, and opens Favorites from
// the account menu. The vendor archives the product; the buyer's list keeps
// it, greyed out as no longer available and without a link, until the buyer
// removes it and the list is empty. A guest's heart asks them to sign in,
// brings them back and saves the product then. axe-core audits the pages with hearts and the list, which
// must also fit a phone's width; no page may break the Content-Security-Policy.
//
// Each step makes what it needs through the API when an earlier step did
// not get that far (the product saved, or archived), so a failing step fails
// alone.
const MUG = 'Speckled mug';
const SEARCH = '/search?q=mug';
/** Another product of the shop, never archived. */
const BOWL = 'Glazed bowl';

describe('a buyer keeps favorites', () => {
  let server: RunningServer;
  let api: ApiSetup;
  let fixtures: StoryFixtures;
  let buyer: Actor;
  let guest: Actor;
  let mugId: number;
  const vendorUser: StoryUser = {
    name: 'Ada Clay',
    email: 'ada@example.test',
    password: 'vendor-password-1',
    role: 'vendor',
  };
  const buyerUser: StoryUser = {
    name: 'Bo Buyer',
    email: 'bo@example.test',
    password: 'buyer-password-1',
    role: 'buyer',
  };

  /** The heart of a product (on the page, or in a part of it), saved (pressed) or not. */
  const heart = (scope: Page | Locator, name: string, saved: boolean) =>
    scope.getByRole('button', {
      name: saved ? `Remove ${name} from favorites` : `Save ${name} to favorites`,
      pressed: saved,
    });

  /** The buyer has the mug among their favorites. */
  async function ensureSaved() {
    const token = await fixtures.token(buyerUser);
    const { product_ids } = await api.request<{ product_ids: number[] }>(
      'GET',
      '/api/me/favorites/ids',
      token,
    );
    if (!product_ids.includes(mugId)) await api.request('PUT', `/api/me/favorites/${mugId}`, token);
  }

  /** The vendor has archived the mug: it is on sale no more (its page answers 404). */
  async function ensureArchived() {
    const onSale = await api.request('GET', `/api/products/${mugId}`).then(
      () => true,
      () => false,
    );
    if (onSale)
      await api.request('DELETE', `/api/products/${mugId}`, await fixtures.token(vendorUser));
  }

  beforeAll(async () => {
    server = await startServer({
      // The fixtures sign in through the API as often as steps need them.
      POCKETSHOP_LOGIN_LIMIT_PER_EMAIL: '1000',
      POCKETSHOP_LOGIN_LIMIT_PER_IP: '1000',
    });
    const mailbox = new Mailbox(server);
    api = new ApiSetup(server.url, mailbox);
    fixtures = new StoryFixtures(server.url, 15 * 60, mailbox);
    const { product } = await api.shopWithProduct({
      email: vendorUser.email,
      password: vendorUser.password,
      owner: vendorUser.name,
      shop: 'Clay Corner',
      color: '#b5651d',
      rgb: [181, 101, 29],
      product: MUG,
      category: 'kitchen',
      priceCents: 1800,
    });
    mugId = product.id;
    await api.request('POST', '/api/products', await fixtures.token(vendorUser), {
      name: BOWL,
      description: 'A glazed bowl.',
      category: 'kitchen',
      price_cents: 2400,
      inventory: 5,
    });
    await fixtures.token(buyerUser); // signs the buyer up
    [buyer, guest] = await Promise.all([openBrowser(server.url), openBrowser(server.url)]);
    await signIn(buyer.page, buyerUser.email, buyerUser.password, buyerUser.name);
  });

  afterEach(() => {
    expect(takeCspViolations(buyer, guest)).toEqual([]);
  });

  afterAll(async () => {
    await Promise.all([buyer, guest].map((actor) => actor?.close()));
    await server?.stop();
  });

  test('the buyer saves a product from its card, and stays on the results', async () => {
    const { page } = buyer;
    await page.goto(SEARCH);
    const results = page.getByRole('heading', { level: 1, name: 'Results for “mug”' });
    await results.waitFor();
    const card = page.getByRole('list', { name: 'Products' }).getByRole('listitem').filter({
      hasText: MUG,
    });
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/me/favorites/${mugId}`),
    );
    await heart(card, MUG, false).click();
    await heart(page, MUG, true).waitFor();
    expect((await saved).status()).toBe(200);
    // The heart is above the card's stretched link: pressing it opened nothing.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(SEARCH);
    expect(await results.isVisible()).toBe(true);
    await checkPage(page, 'search results with a saved product');
  });

  test('after a reload the heart is still pressed', async () => {
    await ensureSaved();
    const { page } = buyer;
    await page.goto(SEARCH);
    await heart(page, MUG, true).waitFor();
    await page.reload();
    await heart(page, MUG, true).waitFor();
    expect(await heart(page, MUG, false).count()).toBe(0);
  });

  test('the buyer opens Favorites from the account menu and finds the product there', async () => {
    await ensureSaved();
    const { page } = buyer;
    await page.goto('/');
    await page.getByRole('button', { name: /^Account menu:/ }).click();
    await page.getByRole('link', { name: 'Favorites' }).click();
    await page.waitForURL('**/favorites');
    await page.getByRole('heading', { level: 1, name: 'Favorites' }).waitFor();
    const item = page.getByTestId('favorite-item').filter({ hasText: MUG });
    await item.getByRole('link', { name: MUG }).waitFor();
    expect(await page.title()).toBe('Favorites · PocketShop');
    expect(await item.getByText('No longer available').count()).toBe(0);
    await checkPage(page, 'the favorites page');
    await screenshot(page, 'favorites-01-list');
    await phoneScreenshot(page, 'favorites-01-list-phone');
  });

  test('once the vendor archives it, the buyer sees it is no longer available', async () => {
    await ensureSaved();
    await ensureArchived();
    const { page } = buyer;
    await page.goto('/favorites');
    const item = page.getByTestId('favorite-item').filter({ hasText: MUG });
    await item.getByText('No longer available').waitFor();
    // Its page is gone: no link to it, but it can still be removed.
    expect(await item.getByRole('link').count()).toBe(0);
    await item.getByRole('button', { name: `Remove ${MUG} from favorites` }).waitFor();
    await checkPage(page, 'the favorites page with a product no longer available');
    await screenshot(page, 'favorites-02-unavailable');
    await phoneScreenshot(page, 'favorites-02-unavailable-phone');
  });

  test('the buyer removes it, and the list is empty', async () => {
    await ensureSaved();
    await ensureArchived();
    const { page } = buyer;
    await page.goto('/favorites');
    await page.getByRole('button', { name: `Remove ${MUG} from favorites` }).click();
    await page.getByText('No favorites yet').waitFor();
    expect(await page.getByTestId('favorite-item').count()).toBe(0);
    const browse = page.getByRole('link', { name: 'Browse products' });
    expect(await browse.getAttribute('href')).toBe('/search');
    await checkPage(page, 'the empty favorites page');
  });

  test('a guest’s heart asks them to sign in, brings them back and saves the product', async () => {
    const { page } = guest;
    await page.goto('/search?q=bowl');
    await page.getByRole('heading', { level: 1, name: 'Results for “bowl”' }).waitFor();
    await heart(page, BOWL, false).click();
    await page.waitForURL(/\/signin\?next=/);
    await page.getByLabel('Email').fill(buyerUser.email);
    await page.getByLabel('Password').fill(buyerUser.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').filter({ hasText: buyerUser.name }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Results for “bowl”' }).waitFor();
    // Back signed in, the product the guest pressed is saved, and the address
    // no longer names it; a second press removes it (leaving the list as it was).
    await heart(page, BOWL, true).waitFor();
    await page.waitForURL((url) => url.pathname + url.search === '/search?q=bowl');
    const removed = page.waitForResponse(
      (r) => r.request().method() === 'DELETE' && r.url().includes('/api/me/favorites/'),
    );
    await heart(page, BOWL, true).click();
    await heart(page, BOWL, false).waitFor();
    expect((await removed).status()).toBe(204);
  });
});
