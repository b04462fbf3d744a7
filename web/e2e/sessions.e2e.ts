import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkPage } from './support/a11y';
import { focused, signIn } from './support/actions';
import { ApiSetup } from './support/api';
import { DESKTOP, PHONE, openBrowser, takeCspViolations, type Actor } from './support/browser';
import { Mailbox } from './support/mailbox';
import { startServer, type RunningServer } from './support/server';

// Sessions, currencies and the keyboard (issue 18), on a real server with a
// fresh database: a buyer's tokens go away halfway through a checkout (the
// refresh cookie is cleared and the access token runs out), and the app
// signs the header out, sends them to sign in and back to the checkout they
// had filled in, cart and address kept; a cart refuses an item in a second
// currency, with the reason beside the button on a phone; on load the skip
// link and the search come first; the cart's quantity select keeps focus.
//
// Access tokens live 1 second here (the server accepts them 30 seconds longer
// for clock skew), so an access token can run out within the test.
const ACCESS_TOKEN_TTL_SECONDS = 1;
const TOKEN_EXPIRED_AFTER_MS = (ACCESS_TOKEN_TTL_SECONDS + 30 + 1) * 1000;

const MUG = 'Blue mug';
const SCARF = 'Wool scarf';

describe('sessions, currencies and the keyboard', () => {
  let server: RunningServer;
  let actor: Actor;
  let mugId = 0;
  let scarfId = 0;
  const buyer = { name: 'Sid Session', email: 'sid@example.test', password: 'buyer-password-1' };

  beforeAll(async () => {
    server = await startServer({
      POCKETSHOP_ACCESS_TOKEN_TTL: String(ACCESS_TOKEN_TTL_SECONDS),
      POCKETSHOP_LOGIN_LIMIT_PER_EMAIL: '1000',
      POCKETSHOP_LOGIN_LIMIT_PER_IP: '1000',
    });
    const api = new ApiSetup(server.url, new Mailbox(server));
    const { token, product } = await api.shopWithProduct({
      email: 'vic@example.test',
      password: 'vendor-password-1',
      owner: 'Vic Vendor',
      shop: 'Blue Kiln',
      color: '#1f5f8b',
      rgb: [31, 95, 139],
      product: MUG,
      category: 'kitchen',
      priceCents: 1800,
    });
    mugId = product.id;
    const scarf = await api.request<{ id: number }>('POST', '/api/products', token, {
      name: SCARF,
      description: 'A warm scarf, priced in euros.',
      category: 'clothing',
      price_cents: 2000,
      currency: 'EUR',
      inventory: 10,
    });
    scarfId = scarf.id;
    await api.register(buyer.email, buyer.password, buyer.name, 'buyer');
    actor = await openBrowser(server.url);
  });

  afterEach(() => {
    expect(takeCspViolations(actor)).toEqual([]);
  });

  afterAll(async () => {
    await actor?.close();
    await server?.stop();
  });

  async function addToCart(page: Page, productId: number, name: string) {
    await page.goto(`/products/${productId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).click();
  }

  async function emptyCart(page: Page) {
    await page.goto('/cart');
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    for (const remove of await page.getByRole('button', { name: /^Remove/ }).all())
      await remove.click();
    await page.getByText('Your cart is empty').waitFor();
  }

  test('an ended session signs out, sends the buyer to sign in, and back to their checkout', async () => {
    const { page, context } = actor;
    await signIn(page, buyer.email, buyer.password, buyer.name);
    await addToCart(page, mugId, MUG);
    await page.getByText('Added to your cart').waitFor();
    await page.goto('/checkout');
    await page.getByRole('heading', { name: 'Order summary' }).waitFor();
    await page.getByLabel('Full name').fill('Sid Session');
    await page.getByLabel('Address', { exact: true }).fill('1 Main St');
    await page.getByLabel('City').fill('Portland');
    await page.getByLabel('State / province (optional)').fill('OR');
    await page.getByLabel('Postal code').fill('97201');

    // The tokens go: the refresh cookie now, the access token when it runs out.
    await context.clearCookies();
    await page.waitForTimeout(TOKEN_EXPIRED_AFTER_MS);
    if (!page.url().includes('/signin')) {
      await page.getByLabel('Card number').fill('4242 4242 4242 4242');
      await page.getByLabel('Expiry (MM/YY)').fill('12/30');
      await page.getByLabel('CVC').fill('123');
      await page.getByRole('button', { name: /^Pay/ }).click();
    }
    await page.waitForURL(/\/signin\?next=%2Fcheckout&ended=1/);
    await page.getByText('Your session has ended').waitFor();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('Bearer');
    await checkPage(page, 'the sign-in page after a session ended');

    await page.getByLabel('Email').fill(buyer.email);
    await page.getByLabel('Password').fill(buyer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/checkout');
    await page.getByTestId('signed-in-as').filter({ hasText: buyer.name }).waitFor();
    await page.getByRole('heading', { name: 'Order summary' }).waitFor();
    expect(await page.getByLabel('Full name').inputValue()).toBe('Sid Session');
    expect(await page.getByLabel('State / province (optional)').inputValue()).toBe('OR');
    expect(await page.getByLabel('Postal code').inputValue()).toBe('97201');
    expect(await page.getByLabel('Card number').inputValue()).toBe('');
    await page.getByText(MUG).first().waitFor(); // the cart came back with the account
  });

  test('a cart holds one currency, and says so beside the button on a phone', async () => {
    const { page } = actor;
    await page.goto('/');
    if ((await page.getByTestId('signed-in-as').count()) === 0)
      await signIn(page, buyer.email, buyer.password, buyer.name);
    await emptyCart(page);
    await addToCart(page, mugId, MUG);
    await page.getByText('Added to your cart').waitFor();

    await page.setViewportSize(PHONE);
    try {
      await addToCart(page, scarfId, SCARF);
      const refusal = page.getByRole('alert').filter({ hasText: 'priced in USD' });
      await refusal.waitFor();
      // Brought into view: wholly on the phone's screen.
      await page.waitForFunction(
        () => {
          const shown = [...document.querySelectorAll('[role="alert"]')].find((alert) =>
            alert.textContent?.includes('priced in USD'),
          );
          const box = shown?.getBoundingClientRect();
          return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
        },
        undefined,
        { timeout: 3_000 },
      );
    } finally {
      await page.setViewportSize(DESKTOP);
    }
    await page.goto('/cart');
    await page.getByTestId('cart-line').first().waitFor();
    expect(await page.getByTestId('cart-line').count()).toBe(1);
    expect(await page.getByTestId('cart-total').textContent()).toContain('$18.00');
    await checkPage(page, 'the cart');
  });

  test('on load the skip link and the search come first; the quantity select keeps focus', async () => {
    const { page } = actor;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Small shops, one cart.' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a: Skip to content');
    let presses = 1;
    while ((await focused(page)) !== 'input: Search products' && presses < 10) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused(page)).toBe('input: Search products');
    expect(presses).toBeLessThanOrEqual(6);

    if ((await page.getByTestId('signed-in-as').count()) === 0)
      await signIn(page, buyer.email, buyer.password, buyer.name);
    await page.goto('/cart');
    const quantity = page.getByLabel(`Quantity of ${MUG}`);
    await quantity.waitFor();
    await quantity.focus();
    await quantity.selectOption('2');
    await page.getByTestId('cart-total').filter({ hasText: '$36.00' }).waitFor();
    expect(await quantity.evaluate((select) => select === document.activeElement)).toBe(true);
  });
});
