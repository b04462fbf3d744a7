import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPage } from './support/a11y';
import { signIn } from './support/actions';
import { ApiSetup } from './support/api';
import { openBrowser, type Actor } from './support/browser';
import { DISPUTED_CARD, SHIPPING_ADDRESS, cardToken } from './support/fixtures';
import { Mailbox } from './support/mailbox';
import { startServer, type RunningShop } from './support/server';

// A buyer's bank disputes a payment: the buyer pays with the test card that
// is disputed once captured, the vendor ships it, and the gateway's
// charge.dispute.created reaches the server's webhook. The vendor finds the
// dispute on the order's page, sends the bank one answer (the test
// gateway's "winning_evidence" wins it), and its charge.dispute.closed gives
// the money back: the order says so, and the bell tells the vendor.
describe('a disputed payment, answered by its vendor', () => {
  const vendorLogin = {
    email: 'dara@example.test',
    password: 'vendor-password-9',
    name: 'Dara Vendor',
  };
  let server: RunningShop;
  let vendor: Actor;
  let orderId: number;

  beforeAll(async () => {
    server = await startServer();
    const api = new ApiSetup(server.url, new Mailbox(server));
    const { product } = await api.shopWithProduct({
      email: vendorLogin.email,
      password: vendorLogin.password,
      owner: vendorLogin.name,
      shop: 'Salt & Stone',
      color: '#4a6fa5',
      rgb: [80, 110, 160],
      product: 'Salt cellar',
      category: 'kitchen',
      priceCents: 2800,
    });
    const buyer = await api.register('eli@example.test', 'buyer-password-9', 'Eli Buyer', 'buyer');
    await api.request('POST', '/api/cart/items', buyer, { product_id: product.id, quantity: 1 });
    const paid = await api.request<{ orders: { id: number }[] }>(
      'POST',
      '/api/checkout',
      buyer,
      {
        payment_token: await cardToken(server.url, DISPUTED_CARD),
        shipping_address: SHIPPING_ADDRESS,
      },
      { 'Idempotency-Key': randomUUID() },
    );
    orderId = paid.orders[0].id;
    const vendorToken = await api.request<{ access_token: string }>(
      'POST',
      '/api/auth/login',
      undefined,
      { email: vendorLogin.email, password: vendorLogin.password },
    );
    await api.request('POST', `/api/orders/${orderId}/ship`, vendorToken.access_token, {
      carrier: 'PostNord',
      tracking_number: 'PN555000111SE',
    });
    vendor = await openBrowser(server.url);
    await signIn(vendor.page, vendorLogin.email, vendorLogin.password, vendorLogin.name);
  });

  afterAll(async () => {
    await vendor?.close();
    await server?.stop();
  });

  /** Opens the order until its dispute says `words`: the gateway's events come by webhook. */
  async function orderSaying(page: Page, words: RegExp) {
    const standing = page.getByTestId('dispute-standing');
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await page.goto(`/orders/${orderId}`);
      await page.getByRole('heading', { name: `Order #${orderId}` }).waitFor();
      if ((await standing.count()) > 0 && words.test((await standing.textContent()) ?? ''))
        return standing;
      await page.waitForTimeout(500);
    }
    throw new Error(`order #${orderId} never said ${words}`);
  }

  /**
   * Opens the order again and waits for its earnings: asked for after the
   * dispute's change was seen, they include it (asked for with the order, they might not).
   */
  async function reloadEarnings(page: Page) {
    await page.goto(`/orders/${orderId}`);
    await page.getByTestId('order-net').waitFor();
  }

  test('the vendor answers the dispute once and the bank decides for the shop', async () => {
    const page = vendor.page;
    const standing = await orderSaying(page, /was taken back from your earnings/);
    expect(await standing.textContent()).toContain('$28.00');
    const takenBack = page
      .getByTestId('order-earnings')
      .getByRole('row', { name: /Taken back by a dispute/ });
    await reloadEarnings(page);
    expect(await takenBack.textContent()).toContain('-$28.00');
    await checkPage(page, 'the vendor’s disputed order');

    await page.getByLabel('Your answer to the bank').fill('winning_evidence');
    await page.getByRole('button', { name: 'Send to the bank' }).click();
    await page.getByText(/Your answer went to the bank on/).waitFor();
    expect(await page.getByRole('button', { name: 'Send to the bank' }).count()).toBe(0);

    const decided = await orderSaying(page, /decided for your shop/);
    expect(await decided.textContent()).toContain('$28.00 taken back is in your earnings again');
    await reloadEarnings(page);
    expect(await takenBack.count()).toBe(0);
    await page.getByRole('button', { name: /Notifications/ }).click();
    await page.getByText(`Dispute of order #${orderId} won`).waitFor();
  });
});
