import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowser, phoneScreenshot, screenshot, type Actor } from './support/browser';
import { ApiSetup } from './support/api';
import { searchFor, signIn, signUp } from './support/actions';
import { startServer, type RunningServer } from './support/server';

// A buyer fills one cart from two shops, is declined once, pays, and follows
// an order the vendor ships. Skipped (at run time) while the server's OpenAPI
// document does not list /api/checkout yet; POCKETSHOP_E2E_PURCHASE=1 forces it.
describe('purchase across two shops', () => {
  let server: RunningServer;
  let buyer: Actor;
  let vendor: Actor;
  let hasCheckout = false;
  const password = 'e2e-password-1';
  const vendorA = { email: 'ada@example.test', name: 'Ada Clay' };
  const buyerUser = {
    name: 'Pat Buyer',
    email: 'pat@example.test',
    password,
    role: 'buyer' as const,
  };

  beforeAll(async () => {
    server = await startServer();
    const api = new ApiSetup(server.url);
    hasCheckout =
      process.env.POCKETSHOP_E2E_PURCHASE === '1' || (await api.paths()).includes('/api/checkout');
    if (!hasCheckout) return;
    await api.shopWithProduct({
      email: vendorA.email,
      password,
      owner: vendorA.name,
      shop: 'Clay Corner',
      color: '#b5651d',
      rgb: [181, 101, 29],
      product: 'Speckled mug',
      category: 'kitchen',
      priceCents: 1800,
    });
    await api.shopWithProduct({
      email: 'lin@example.test',
      password,
      owner: 'Lin Paper',
      shop: 'Paper Lantern',
      color: '#1f5f8b',
      rgb: [31, 95, 139],
      product: 'Linen notebook',
      category: 'stationery',
      priceCents: 1250,
    });
    buyer = await openBrowser(server.url);
    vendor = await openBrowser(server.url);
  });

  afterAll(async () => {
    await buyer?.close();
    await vendor?.close();
    await server?.stop();
  });

  test('a guest fills a cart, signs up and keeps it, across two shops', async (ctx) => {
    if (!hasCheckout) return ctx.skip();
    const { page } = buyer;
    await page.goto('/');
    await searchFor(page, 'mug');
    await page.getByRole('link', { name: 'Speckled mug' }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart.').waitFor();
    await page.getByTestId('cart-count').filter({ hasText: '1' }).waitFor();

    await signUp(page, buyerUser);
    await page.getByTestId('cart-count').filter({ hasText: '1' }).waitFor();
    await searchFor(page, 'notebook');
    await page.getByRole('link', { name: 'Linen notebook' }).click();
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart.').waitFor();

    await page.goto('/cart');
    await page.getByRole('heading', { name: 'Clay Corner' }).waitFor();
    await page.getByRole('heading', { name: 'Paper Lantern' }).waitFor();
    expect(await page.getByTestId('cart-line').count()).toBe(2);
    expect(await page.getByTestId('cart-total').textContent()).toBe('$43.00');
    await screenshot(page, '10-cart');
    await phoneScreenshot(page, '10-cart-phone');
  });

  async function fillCheckout(cardNumber: string) {
    const { page } = buyer;
    await page.getByLabel('Full name').fill('Pat Buyer');
    await page.getByLabel('Address', { exact: true }).fill('1 Fern Road');
    await page.getByLabel('City').fill('Malmö');
    await page.getByLabel('Postal code').fill('21100');
    await page.getByLabel('Country').selectOption('SE');
    await page.getByLabel('Card number').fill(cardNumber);
    await page.getByLabel('Expiry (MM/YY)').fill('12/34');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: /^Pay/ }).click();
  }

  test('a declined card shows the decline and leaves the cart intact', async (ctx) => {
    if (!hasCheckout) return ctx.skip();
    const { page } = buyer;
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.waitForURL('**/checkout');
    await fillCheckout('4000 0000 0000 0002');
    const error = page.getByTestId('checkout-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Your card was declined.');
    await screenshot(page, '11-checkout-declined');
    await page.goto('/cart');
    await page.getByTestId('cart-line').nth(1).waitFor();
    expect(await page.getByTestId('cart-total').textContent()).toBe('$43.00');
  });

  test('the approving card pays and makes one order per shop', async (ctx) => {
    if (!hasCheckout) return ctx.skip();
    const { page } = buyer;
    await page.goto('/checkout');
    await fillCheckout('4242 4242 4242 4242');
    await page.waitForURL('**/orders');
    await page.getByTestId('order-placed').waitFor();
    await page.getByTestId('order-row').nth(1).waitFor();
    expect(await page.getByTestId('order-row').count()).toBe(2);
    expect(await page.getByTestId('cart-count').textContent()).toBe('0');
    await screenshot(page, '12-orders');
  });

  test('the vendor ships the order with tracking', async (ctx) => {
    if (!hasCheckout) return ctx.skip();
    const { page } = vendor;
    await signIn(page, vendorA.email, password, vendorA.name);
    await page.waitForURL('**/vendor');
    await page.getByRole('img', { name: /Revenue over the last 30 days/ }).waitFor();
    await screenshot(page, '13-vendor-dashboard');
    await page
      .getByRole('navigation', { name: 'Vendor' })
      .getByRole('link', { name: 'Orders' })
      .click();
    await page.waitForURL('**/vendor/orders');
    const row = page.getByTestId('shop-order-row').filter({ hasText: 'Speckled mug' });
    await row.getByRole('button', { name: /^Ship/ }).click();
    await row.getByLabel('Carrier').fill('PostNord');
    await row.getByLabel('Tracking number').fill('PN123456789SE');
    await row.getByRole('button', { name: 'Confirm shipment' }).click();
    await row.locator('[data-status="shipped"]').waitFor();
    await page.getByLabel('Status').selectOption('shipped');
    await page.waitForURL(/status=shipped/);
    await page.getByTestId('shop-order-row').first().waitFor();
    await screenshot(page, '14-vendor-orders');
  });

  test('the buyer sees the order shipped, with its timeline', async (ctx) => {
    if (!hasCheckout) return ctx.skip();
    const { page } = buyer;
    await page.goto('/orders');
    const row = page.getByTestId('order-row').filter({ hasText: 'Clay Corner' });
    await row.locator('[data-status="shipped"]').waitFor();
    await row.getByRole('link', { name: /Order #/ }).click();
    const timeline = page.getByRole('list', { name: 'Order progress' });
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('PN123456789SE');
    await page.locator('[aria-current="step"]', { hasText: 'Shipped' }).waitFor();
    await screenshot(page, '15-order-detail');
    await phoneScreenshot(page, '15-order-detail-phone');
  });

  test('after delivery the buyer reviews the product', async (ctx) => {
    if (!hasCheckout) return ctx.skip();
    const vendorPage = vendor.page;
    await vendorPage.getByRole('button', { name: /^Mark delivered/ }).click();
    await vendorPage.getByText('No shipped orders').waitFor();
    await vendorPage.getByLabel('Status').selectOption('delivered');
    await vendorPage.getByTestId('shop-order-row').locator('[data-status="delivered"]').waitFor();
    const { page } = buyer;
    await page.reload();
    await page.getByRole('link', { name: 'Write a review' }).click();
    await page.getByRole('heading', { name: 'Write a review' }).waitFor();
    const fourStars = page.getByRole('radio', { name: '4 stars' });
    await page.locator('label', { has: fourStars }).click();
    expect(await fourStars.isChecked()).toBe(true);
    await page.getByLabel('Your review').fill('Lovely glaze, holds a big coffee.');
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.getByText('Lovely glaze, holds a big coffee.').waitFor();
    await screenshot(page, '16-product-review');
  });
});
