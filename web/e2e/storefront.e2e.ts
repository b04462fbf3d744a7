import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, phoneScreenshot, screenshot, type Actor } from './support/browser';
import { dropFiles, pngFile, searchFor, signIn, signUp } from './support/actions';
import { startServer, type RunningServer } from './support/server';

// A vendor opens a branded shop and lists a product with two images; a
// buyer signs up and finds it by search. Access tokens live 1 second here
// (the server accepts them 30 seconds longer for clock skew), so the app's
// silent refresh is exercised: one at a time, as refresh tokens are single-use.
const ACCESS_TOKEN_TTL_SECONDS = 1;
const TOKEN_EXPIRED_AFTER_MS = (ACCESS_TOKEN_TTL_SECONDS + 30 + 1) * 1000;
describe('storefront and vendor tools', () => {
  let server: RunningServer;
  let vendor: Actor;
  let buyer: Actor;
  const vendorUser = {
    name: 'Vera Vendor',
    email: 'vera@example.test',
    password: 'vendor-password-1',
    role: 'vendor' as const,
  };
  const buyerUser = {
    name: 'Bo Buyer',
    email: 'bo@example.test',
    password: 'buyer-password-1',
    role: 'buyer' as const,
  };

  beforeAll(async () => {
    server = await startServer({ POCKETSHOP_ACCESS_TOKEN_TTL: String(ACCESS_TOKEN_TTL_SECONDS) });
    vendor = await openBrowser(server.url);
    buyer = await openBrowser(server.url);
  });

  afterAll(async () => {
    await vendor?.close();
    await buyer?.close();
    await server?.stop();
  });

  test('the home page and the 404 page load for a visitor', async () => {
    const { page } = buyer;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Small shops, one cart.' }).waitFor();
    await page.getByText('No shops yet').waitFor();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: /couldn’t find that page/ }).waitFor();
    await screenshot(page, '01-not-found');
  });

  test('a vendor signs up and creates a shop with a logo and a cover', async () => {
    const { page } = vendor;
    await signUp(page, vendorUser);
    await page.waitForURL('**/vendor/shop');
    await page.getByLabel('Shop name').fill('Moss & Fern');
    await page.getByLabel('Description').fill('Tiny gardens under glass, planted by hand.');
    await page.getByLabel('Brand colour', { exact: true }).fill('#2f7d4f');
    await page
      .getByLabel('Upload logo')
      .setInputFiles(pngFile('logo.png', [47, 125, 79], 400, 400));
    await page.getByRole('img', { name: 'Logo preview' }).waitFor();
    const coverZone = page.getByRole('group', { name: 'Cover' }).getByTestId('drop-zone');
    await dropFiles(page, coverZone, [pngFile('cover.png', [120, 170, 90], 1600, 500)]);
    await page.getByRole('img', { name: 'Cover preview' }).waitFor();
    // The live preview follows the form.
    const preview = page.getByTestId('shop-preview');
    await preview.getByRole('heading', { name: 'Moss & Fern' }).waitFor();
    await preview.getByRole('img', { name: 'Moss & Fern cover' }).waitFor();
    await screenshot(page, '02-vendor-shop-editor');
    await page.getByRole('button', { name: 'Create shop' }).click();
    await page.getByText('Shop saved.').waitFor();
  });

  test('the vendor adds a product with two images, dropped and reordered', async () => {
    const { page } = vendor;
    await page.getByRole('link', { name: 'add a product' }).click();
    await page.waitForURL('**/vendor/products/new');
    await page.getByLabel('Name').fill('Moss terrarium');
    await page
      .getByLabel('Description')
      .fill('A closed glass terrarium with cushion moss and a fern.');
    await page.getByLabel('Category').selectOption('plants');
    await page.getByLabel('Price').fill('34.50');
    await page.getByLabel('In stock').fill('7');
    await dropFiles(page, page.getByTestId('drop-zone'), [
      pngFile('front.png', [60, 140, 80]),
      pngFile('detail.png', [200, 120, 60]),
    ]);
    const images = page.getByRole('list', { name: 'Product images' }).getByRole('listitem');
    await page.getByRole('button', { name: 'Remove image 2' }).waitFor();
    expect(await images.count()).toBe(2);
    const second = await images.nth(1).getByRole('img').getAttribute('src');
    await page.getByRole('button', { name: 'Move image 2 earlier' }).click();
    expect(await images.nth(0).getByRole('img').getAttribute('src')).toBe(second);
    await page.getByLabel('Description of image 1').fill('Terrarium, close up');
    await screenshot(page, '03-vendor-product-editor');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL('**/vendor/products');
    const row = page.getByTestId('product-row').filter({ hasText: 'Moss terrarium' });
    await row.waitFor();
    expect(await row.textContent()).toContain('$34.50');
    await screenshot(page, '04-vendor-products');
  });

  test('the vendor signs out and back in', async () => {
    const { page } = vendor;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await signIn(page, vendorUser.email, vendorUser.password, vendorUser.name);
    await page.waitForURL('**/vendor');
    await screenshot(page, '05-vendor-dashboard');
  });

  test('an expired access token is refreshed silently', async () => {
    const { page } = vendor;
    const refreshes: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/auth/refresh')) refreshes.push(response.status());
    });
    await page.waitForTimeout(TOKEN_EXPIRED_AFTER_MS);
    // Several requests at once meet the expired token: one refresh serves all.
    await page.goto('/vendor/products');
    await page.getByTestId('product-row').filter({ hasText: 'Moss terrarium' }).waitFor();
    await page.getByTestId('signed-in-as').filter({ hasText: vendorUser.name }).waitFor();
    await page
      .getByRole('navigation', { name: 'Vendor' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await page.getByRole('heading', { name: 'Revenue, last 30 days' }).waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(vendorUser.name);
    // Refreshed, and never with a used refresh token (that would be a 401).
    expect(refreshes.length).toBeGreaterThan(0);
    expect(refreshes.every((status) => status === 200)).toBe(true);
  });

  test('a buyer signs up, finds the product by search and sees the branded shop', async () => {
    const { page } = buyer;
    await signUp(page, buyerUser);
    await searchFor(page, 'terrarium');
    const result = page.getByRole('link', { name: 'Moss terrarium' });
    await result.waitFor();
    // Facet counts and filters live in the URL.
    await page.getByRole('button', { name: /Plants\s*1/ }).click();
    await page.waitForURL(/category=plants/);
    await page.getByLabel('Sort by').selectOption('price_desc');
    await page.waitForURL(/sort=price_desc/);
    expect(await page.getByTestId('result-count').textContent()).toBe('1 product');
    await screenshot(page, '06-search-results');
    await phoneScreenshot(page, '06-search-results-phone');

    await result.click();
    await page.getByRole('heading', { name: 'Moss terrarium' }).waitFor();
    await page.getByRole('button', { name: 'Show image 2 of 2' }).click();
    expect(
      await page.getByRole('button', { name: 'Show image 2 of 2' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await screenshot(page, '07-product');
    await phoneScreenshot(page, '07-product-phone');

    await page.getByRole('link', { name: 'Moss & Fern' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Moss & Fern' }).waitFor();
    await page.getByRole('img', { name: 'Moss & Fern cover' }).waitFor();
    const accent = await page
      .locator('.shop-hero')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(accent).toBe('rgb(47, 125, 79)');
    await screenshot(page, '08-shop');
    await phoneScreenshot(page, '08-shop-phone');

    await page.goto('/');
    await page.getByRole('link', { name: 'Moss & Fern' }).first().waitFor();
    await screenshot(page, '09-home');
    await phoneScreenshot(page, '09-home-phone');
  });
});
