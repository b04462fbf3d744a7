import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkPage } from './support/a11y';
import {
  dropFiles,
  expectRefreshTokenOnlyInItsCookie,
  pngFile,
  searchFor,
  signIn,
  signInWithKeyboard,
  signOut,
  signUp,
} from './support/actions';
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

// One story on one real server with a fresh database, told through the UI:
// a vendor signs up, opens a branded shop with a logo and a cover, and lists a
// product with two dropped images. A buyer, as a guest, puts a product of
// another shop (set up through the API) in the cart, signs up and keeps it,
// finds the vendor's product by search and adds it too. A declined card leaves
// the cart intact; the approving card makes one order per shop. The vendor
// ships theirs, the buyer follows it, cancels the other one, and reviews the
// product once it is delivered; the vendor then refunds one of the two
// terrariums, which the buyer sees on the order, connects a payout account and
// is paid out what the order earned (the gateway's payout.paid event reaches
// the server's webhook), and then refunds the rest.
//
// Along the way, axe-core audits the key pages (serious or critical WCAG A/AA
// violations fail), each must fit a 375 px wide phone without sideways
// scrolling, the vendor signs in with the keyboard alone, no page reports a
// Content-Security-Policy violation, and the refresh token stays in its
// HttpOnly cookie.
//
// Each step starts from its own URL, signs its actor in when it finds them
// signed out, and has what it needs made through the API when an earlier step
// did not make it (support/fixtures.ts): a failing step fails alone.
//
// Access tokens live 1 second here (the server accepts them 30 seconds longer
// for clock skew), so the app's silent refresh is exercised: one at a time,
// as refresh tokens are single-use.
const ACCESS_TOKEN_TTL_SECONDS = 1;
const ACCESS_TOKEN_ACCEPTED_SECONDS = ACCESS_TOKEN_TTL_SECONDS + 30;
const TOKEN_EXPIRED_AFTER_MS = (ACCESS_TOKEN_ACCEPTED_SECONDS + 1) * 1000;

// What the steps buy, in the quantities of the story's cart at checkout.
const MUG = 'Speckled mug';
const TERRARIUM = 'Moss terrarium';
const ORDERED = { [MUG]: 1, [TERRARIUM]: 2 };

describe('a marketplace story: vendor, buyer, two shops, one cart', () => {
  let server: RunningServer;
  let fixtures: StoryFixtures;
  let mailbox: Mailbox;
  let vendor: Actor;
  let buyer: Actor;
  const vendorUser: StoryUser = {
    name: 'Vera Vendor',
    email: 'vera@example.test',
    password: 'vendor-password-1',
    role: 'vendor',
  };
  const buyerUser: StoryUser = {
    name: 'Bo Buyer',
    email: 'bo@example.test',
    password: 'buyer-password-1',
    role: 'buyer',
  };
  const vendorShop = {
    name: 'Moss & Fern',
    color: '#2f7d4f',
    about: 'Tiny gardens under glass, planted by hand.',
  };
  const vendorProduct = { name: TERRARIUM, category: 'plants', priceCents: 3450, inventory: 7 };

  /**
   * Opens `path` and waits until the app has renewed the session from its
   * cookie, or found none: who is signed in then, or "nobody". Leaving the
   * page before that could cut off a refresh the server has made but the
   * browser not yet stored, and the next page would replay the used token.
   */
  async function openSettled(actor: Actor, path: string): Promise<string> {
    const { page } = actor;
    await page.goto(path);
    const settled = await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="signed-in-as"]')?.textContent ??
        (localStorage.getItem('pocketshop.signed-in') ? null : 'nobody'),
    );
    return (await settled.jsonValue()) as string;
  }

  /**
   * Opens `path` as `user`, who signs in through the form first when an
   * earlier step left them signed out.
   */
  async function openAs(actor: Actor, user: StoryUser, path: string) {
    const { page } = actor;
    if ((await openSettled(actor, path)) === user.name) return page;
    console.warn(`${user.name} was signed out before "${path}"; signing in again`);
    await fixtures.token(user); // the account exists
    await signIn(page, user.email, user.password, user.name);
    if ((await openSettled(actor, path)) !== user.name)
      throw new Error(`${user.name} is not signed in after signing in`);
    return page;
  }

  beforeAll(async () => {
    server = await startServer({
      POCKETSHOP_ACCESS_TOKEN_TTL: String(ACCESS_TOKEN_TTL_SECONDS),
      // The fixtures sign in through the API as often as steps need them.
      POCKETSHOP_LOGIN_LIMIT_PER_EMAIL: '1000',
      POCKETSHOP_LOGIN_LIMIT_PER_IP: '1000',
      // A delivered order's earnings are available at once (no hold), and the
      // release task runs every second, so the payout step has money to pay.
      POCKETSHOP_PAYOUT_HOLD_DAYS: '0',
      POCKETSHOP_RELEASE_INTERVAL: '1',
    });
    mailbox = new Mailbox(server);
    fixtures = new StoryFixtures(server.url, ACCESS_TOKEN_ACCEPTED_SECONDS, mailbox);
    // The other shop of the cart; the vendor's own shop is made through the UI.
    await new ApiSetup(server.url, mailbox).shopWithProduct({
      email: 'ada@example.test',
      password: 'other-vendor-password-1',
      owner: 'Ada Clay',
      shop: 'Clay Corner',
      color: '#b5651d',
      rgb: [181, 101, 29],
      product: MUG,
      category: 'kitchen',
      priceCents: 1800,
    });
    vendor = await openBrowser(server.url);
    buyer = await openBrowser(server.url);
  });

  // Every step: no page of either actor broke the Content-Security-Policy.
  afterEach(() => {
    const violations = takeCspViolations(vendor, buyer);
    expect(violations).toEqual([]);
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
    await page.getByRole('link', { name: 'Clay Corner' }).first().waitFor();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: /couldn’t find that page/ }).waitFor();
    await checkPage(page, 'the 404 page');
    await screenshot(page, '01-not-found');
  });

  test('the Content-Security-Policy refuses an injected inline script, and it is reported', async () => {
    const { page } = buyer;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Small shops, one cart.' }).waitFor();
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.head.append(script);
      return document.body.dataset.injected === 'yes';
    });
    expect(ran).toBe(false);
    await expect.poll(() => buyer.cspViolations.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(buyer.cspViolations.join('\n')).toContain('script-src');
    buyer.cspViolations.length = 0; // expected here; every other step must have none
  });

  test('a vendor signs up and creates a shop with a logo and a cover', async () => {
    const { page } = vendor;
    await signUp(page, vendorUser);
    await page.waitForURL('**/vendor/shop');
    // A shop opens once the address is confirmed: the welcome mail's link.
    await page.getByText('Confirm your email address to open your shop').waitFor();
    await page.goto(await mailbox.link(vendorUser.email, '/verify-email'));
    await page.getByText(`${vendorUser.email} is confirmed`).waitFor();
    await page.getByRole('link', { name: 'Open your shop' }).click();
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
    await checkPage(page, 'the shop editor');
    await screenshot(page, '02-vendor-shop-editor');
    await page.getByRole('button', { name: 'Create shop' }).click();
    await page.getByText('Shop saved.').waitFor();
  });

  test('the vendor adds a product with two images, dropped and reordered', async () => {
    await fixtures.ensureVendorShop(vendorUser, vendorShop);
    const page = await openAs(vendor, vendorUser, '/vendor/products');
    await page.getByRole('link', { name: 'Add a product' }).first().click();
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
    await checkPage(page, 'the product editor');
    await screenshot(page, '03-vendor-product-editor');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL('**/vendor/products');
    const row = page.getByTestId('product-row').filter({ hasText: 'Moss terrarium' });
    await row.waitFor();
    expect(await row.textContent()).toContain('$34.50');
    await checkPage(page, 'the vendor’s product list');
    await screenshot(page, '04-vendor-products');
  });

  test('the vendor signs out and back in with the keyboard alone', async () => {
    const page = await openAs(vendor, vendorUser, '/vendor/products');
    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
    await signOut(page);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    // The server ended the session and deleted its cookie.
    expect((await loggedOut).status()).toBe(204);
    expect((await vendor.context.cookies()).map((c) => c.name)).not.toContain('pocketshop_refresh');
    await signInWithKeyboard(page, vendorUser.email, vendorUser.password, vendorUser.name);
    await page.waitForURL('**/vendor');
    await expectRefreshTokenOnlyInItsCookie(vendor.context, page);
    await screenshot(page, '05-vendor-dashboard');
  });

  test('a reload keeps the vendor signed in through the cookie alone', async () => {
    const page = await openAs(vendor, vendorUser, '/vendor');
    await page.reload();
    await page.getByTestId('signed-in-as').filter({ hasText: vendorUser.name }).waitFor();
    await page.getByRole('heading', { name: 'Revenue, last 30 days' }).waitFor();
    await expectRefreshTokenOnlyInItsCookie(vendor.context, page);
  });

  test('an expired access token is refreshed silently', async () => {
    await fixtures.ensureVendorProduct(vendorUser, vendorProduct);
    const page = await openAs(vendor, vendorUser, '/vendor');
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
    await expectRefreshTokenOnlyInItsCookie(vendor.context, page);
  });

  test('the vendor is told they cannot buy their own product, not offered the cart', async () => {
    await fixtures.ensureVendorProduct(vendorUser, vendorProduct);
    const page = await openAs(vendor, vendorUser, '/');
    await searchFor(page, 'terrarium');
    await page.getByRole('link', { name: 'Moss terrarium' }).click();
    await page.getByRole('heading', { name: 'Moss terrarium' }).waitFor();
    await page.getByTestId('own-product-note').waitFor();
    expect(await page.getByRole('button', { name: 'Add to cart' }).count()).toBe(0);
  });

  test('a guest puts a product of another shop in the cart, then signs up and keeps it', async () => {
    await fixtures.ensureVendorProduct(vendorUser, vendorProduct);
    const { page } = buyer;
    await page.goto('/');
    await page.getByRole('link', { name: 'Moss & Fern' }).first().waitFor();
    await checkPage(page, 'the home page');
    await screenshot(page, '09-home');
    await phoneScreenshot(page, '09-home-phone');
    await searchFor(page, 'mug');
    await page.getByRole('link', { name: 'Speckled mug' }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart.').waitFor();
    await page.getByTestId('cart-count').filter({ hasText: '1' }).waitFor();

    await signUp(page, buyerUser);
    await page.getByTestId('cart-count').filter({ hasText: '1' }).waitFor();
    await expectRefreshTokenOnlyInItsCookie(buyer.context, page);
  });

  test('the buyer finds the vendor’s product by search and adds it to the cart', async () => {
    await fixtures.ensureVendorProduct(vendorUser, vendorProduct);
    await fixtures.ensureCart(buyerUser, { [MUG]: 1 });
    const page = await openAs(buyer, buyerUser, '/');
    await searchFor(page, 'terrarium');
    const result = page.getByRole('link', { name: 'Moss terrarium' });
    await result.waitFor();
    // Facet counts and filters live in the URL.
    await page.getByRole('button', { name: /Plants\s*1/ }).click();
    await page.waitForURL(/category=plants/);
    await page.getByLabel('Sort by').selectOption('price_desc');
    await page.waitForURL(/sort=price_desc/);
    expect(await page.getByTestId('result-count').textContent()).toBe('1 product');
    await checkPage(page, 'the search results');
    await screenshot(page, '06-search-results');
    await phoneScreenshot(page, '06-search-results-phone');

    await result.click();
    await page.getByRole('heading', { name: 'Moss terrarium' }).waitFor();
    // The two images the vendor dropped, in the order they chose.
    await page.getByRole('button', { name: 'Show image 2 of 2' }).click();
    expect(
      await page.getByRole('button', { name: 'Show image 2 of 2' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await checkPage(page, 'the product page');
    await screenshot(page, '07-product');
    await phoneScreenshot(page, '07-product-phone');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added to your cart.').waitFor();
    await page.getByTestId('cart-count').filter({ hasText: '2' }).waitFor();

    await page.getByRole('link', { name: 'Moss & Fern' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Moss & Fern' }).waitFor();
    await page.getByRole('img', { name: 'Moss & Fern cover' }).waitFor();
    const accent = await page
      .locator('.shop-hero')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(accent).toBe('rgb(47, 125, 79)');
    await checkPage(page, 'the shop page');
    await screenshot(page, '08-shop');
    await phoneScreenshot(page, '08-shop-phone');
  });

  test('the cart holds both shops; a quantity change updates the total', async () => {
    await fixtures.ensureCart(buyerUser, { [MUG]: 1, [TERRARIUM]: 1 });
    const page = await openAs(buyer, buyerUser, '/');
    await page.getByRole('link', { name: /^Cart/ }).click();
    await page.waitForURL('**/cart');
    await page.getByRole('heading', { name: 'Clay Corner' }).waitFor();
    await page.getByRole('heading', { name: 'Moss & Fern' }).waitFor();
    expect(await page.getByTestId('cart-line').count()).toBe(2);
    expect(await page.getByTestId('cart-total').textContent()).toBe('$52.50');
    await page.getByLabel('Quantity of Moss terrarium').selectOption('2');
    await page.getByTestId('cart-total').filter({ hasText: '$87.00' }).waitFor();
    await checkPage(page, 'the cart');
    await screenshot(page, '10-cart');
    await phoneScreenshot(page, '10-cart-phone');
  });

  async function fillCheckout(cardNumber: string) {
    const { page } = buyer;
    await page.getByLabel('Full name').fill('Bo Buyer');
    await page.getByLabel('Address', { exact: true }).fill('1 Fern Road');
    await page.getByLabel('City').fill('Malmö');
    await page.getByLabel('Postal code').fill('21100');
    await page.getByLabel('Country').selectOption('SE');
    await page.getByLabel('Card number').fill(cardNumber);
    await page.getByLabel('Expiry (MM/YY)').fill('12/34');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: /^Pay/ }).click();
  }

  test('a declined card shows the decline and leaves the cart intact', async () => {
    await fixtures.ensureCart(buyerUser, ORDERED);
    const page = await openAs(buyer, buyerUser, '/cart');
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.waitForURL('**/checkout');
    await page.getByRole('button', { name: /^Pay/ }).filter({ hasText: '$87.00' }).waitFor();
    await checkPage(page, 'the checkout page');
    await fillCheckout('4000 0000 0000 0002');
    const error = page.getByTestId('checkout-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Your card was declined.');
    await screenshot(page, '11-checkout-declined');
    await page.goto('/cart');
    await page.getByTestId('cart-line').nth(1).waitFor();
    expect(await page.getByTestId('cart-line').count()).toBe(2);
    expect(await page.getByTestId('cart-total').textContent()).toBe('$87.00');
    expect(await page.getByTestId('cart-count').textContent()).toBe('3');
  });

  test('the approving card pays once and makes one order per shop', async () => {
    await fixtures.ensureCart(buyerUser, ORDERED);
    const page = await openAs(buyer, buyerUser, '/checkout');
    await fillCheckout('4242 4242 4242 4242');
    await page.waitForURL('**/orders');
    const placed = page.getByTestId('order-placed');
    await placed.waitFor();
    expect(await placed.textContent()).toContain('charged $87.00 for 2 orders');
    await page.getByTestId('order-row').nth(1).waitFor();
    expect(await page.getByTestId('order-row').count()).toBe(2);
    await page.getByTestId('order-row').filter({ hasText: 'Moss & Fern' }).waitFor();
    await page.getByTestId('order-row').filter({ hasText: 'Clay Corner' }).waitFor();
    expect(await page.getByTestId('cart-count').textContent()).toBe('0');
    await checkPage(page, 'the buyer’s orders');
    await screenshot(page, '12-orders');
  });

  test('the vendor sees the sale and ships the order with tracking', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    const page = await openAs(vendor, vendorUser, '/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My shop' })
      .click();
    await page.waitForURL('**/vendor');
    await page.getByRole('img', { name: /Revenue over the last 30 days/ }).waitFor();
    await checkPage(page, 'the vendor dashboard');
    await screenshot(page, '13-vendor-dashboard');
    await page
      .getByRole('navigation', { name: 'Vendor' })
      .getByRole('link', { name: 'Orders' })
      .click();
    await page.waitForURL('**/vendor/orders');
    const rows = page.getByTestId('shop-order-row');
    await rows.first().waitFor();
    // Only this shop's order: the mug went to Clay Corner.
    expect(await rows.count()).toBe(1);
    const row = rows.filter({ hasText: '2 × Moss terrarium' });
    await checkPage(page, 'the vendor’s orders');
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

  test('the buyer sees that order shipped, with its timeline', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    await fixtures.ensureOrderStatus(buyerUser, vendorUser, vendorShop.name, 'shipped');
    const page = await openAs(buyer, buyerUser, '/orders');
    const row = page.getByTestId('order-row').filter({ hasText: 'Moss & Fern' });
    await row.locator('[data-status="shipped"]').waitFor();
    // The other shop's order is still waiting.
    await page
      .getByTestId('order-row')
      .filter({ hasText: 'Clay Corner' })
      .locator('[data-status="paid"]')
      .waitFor();
    await row.getByRole('link', { name: /Order #/ }).click();
    const timeline = page.getByRole('list', { name: 'Order progress' });
    await timeline.waitFor();
    expect(await timeline.textContent()).toContain('PN123456789SE');
    await page.locator('[aria-current="step"]', { hasText: 'Shipped' }).waitFor();
    // Shipped: too late for the buyer to cancel.
    expect(await page.getByRole('button', { name: /^Cancel order/ }).count()).toBe(0);
    await checkPage(page, 'the order page');
    await screenshot(page, '15-order-detail');
    await phoneScreenshot(page, '15-order-detail-phone');
  });

  test('the buyer’s bell tells of the shipment and marks it read once opened', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    await fixtures.ensureOrderStatus(buyerUser, vendorUser, vendorShop.name, 'shipped');
    const page = await openAs(buyer, buyerUser, '/orders');
    const bell = page.getByRole('button', { name: /^Notifications, [1-9]\d* unread$/ });
    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    const shipped = panel.getByRole('link', { name: /Unread:\s*Order #\d+ has shipped/ });
    await shipped.waitFor();
    await checkPage(page, 'the open notifications panel');
    const unreadBefore = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label'))!)![1]);
    await shipped.click();
    await page.getByRole('list', { name: 'Order progress' }).waitFor();
    await page.getByRole('button', { name: `Notifications, ${unreadBefore - 1} unread` }).waitFor();
  });

  test('the vendor’s earnings show the shipped order, less the platform’s fee', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    await fixtures.ensureOrderStatus(buyerUser, vendorUser, vendorShop.name, 'shipped');
    const page = await openAs(vendor, vendorUser, '/vendor');
    await page
      .getByRole('navigation', { name: 'Vendor' })
      .getByRole('link', { name: 'Earnings' })
      .click();
    await page.waitForURL('**/vendor/earnings');
    // $69.00 paid, the default 10% fee: $62.10 is the vendor's.
    expect(await page.getByTestId('balance-USD').textContent()).toBe('$62.10');
    const statement = page.getByRole('table', { name: 'Statement' });
    const sale = statement.getByRole('row').filter({ hasText: 'Sale' });
    for (const amount of ['$69.00', '$6.90', '$62.10'])
      expect(await sale.textContent()).toContain(amount);
    await checkPage(page, 'the vendor’s earnings');
    await screenshot(page, '15b-vendor-earnings');
  });

  test('the buyer cancels the other shop’s order before it ships', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    const page = await openAs(buyer, buyerUser, '/orders');
    await page
      .getByTestId('order-row')
      .filter({ hasText: 'Clay Corner' })
      .getByRole('link', { name: /Order #/ })
      .click();
    await page.getByRole('button', { name: /^Cancel order/ }).click();
    await page.getByLabel('Reason (optional)').fill('Bought one at the market');
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByRole('heading', { level: 1 }).locator('[data-status="cancelled"]').waitFor();
    const timeline = page.getByRole('list', { name: 'Order progress' });
    expect(await timeline.textContent()).toContain(
      'Cancelled by the buyer: Bought one at the market',
    );
  });

  test('after delivery the buyer reviews the product', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    await fixtures.ensureOrderStatus(buyerUser, vendorUser, vendorShop.name, 'shipped');
    const vendorPage = await openAs(vendor, vendorUser, '/vendor/orders?status=shipped');
    await vendorPage.getByRole('button', { name: /^Mark delivered/ }).click();
    await vendorPage.getByText('No shipped orders').waitFor();
    await vendorPage.getByLabel('Status').selectOption('delivered');
    await vendorPage.getByTestId('shop-order-row').locator('[data-status="delivered"]').waitFor();
    const page = await openAs(buyer, buyerUser, '/orders');
    await page
      .getByTestId('order-row')
      .filter({ hasText: 'Moss & Fern' })
      .getByRole('link', { name: /Order #/ })
      .click();
    await page.getByRole('link', { name: 'Write a review' }).click();
    await page.getByRole('heading', { name: 'Write a review' }).waitFor();
    const fourStars = page.getByRole('radio', { name: '4 stars' });
    await page.locator('label', { has: fourStars }).click();
    expect(await fourStars.isChecked()).toBe(true);
    await page.getByLabel('Your review').fill('The fern is thriving on my windowsill.');
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.getByText('The fern is thriving on my windowsill.').waitFor();
    await screenshot(page, '16-product-review');

    // Taken back after a confirmation, then written anew.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      }),
    );
    await page.getByRole('button', { name: 'Delete your review' }).click();
    expect(await asked).toContain('Delete your review?');
    await page.getByRole('heading', { name: 'Write a review' }).waitFor();
    expect(await page.getByText('The fern is thriving on my windowsill.').count()).toBe(0);
    const fiveStars = page.getByRole('radio', { name: '5 stars' });
    await page.locator('label', { has: fiveStars }).click();
    await page.getByLabel('Your review').fill('Thriving, and a second frond came.');
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.getByText('Thriving, and a second frond came.').waitFor();
  });

  test('the vendor refunds one terrarium of the delivered order, and the buyer sees that refund', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    await fixtures.ensureOrderStatus(buyerUser, vendorUser, vendorShop.name, 'delivered');
    const page = await openAs(vendor, vendorUser, '/vendor/orders?status=delivered');
    await page
      .getByTestId('shop-order-row')
      .filter({ hasText: 'Moss terrarium' })
      .getByRole('link', { name: /^#\d+$/ })
      .click();
    await page.getByRole('button', { name: /^Refund order/ }).click();
    const form = page.getByRole('form', { name: /^Refund order/ });
    await form.getByLabel('Moss terrarium: how many to refund').fill('1');
    expect(await page.getByTestId('refund-total').textContent()).toContain('$34.50');
    await form.getByLabel('Reason (optional)').fill('One arrived cracked');
    await form.getByRole('button', { name: 'Review refund' }).click();
    const confirmation = page.getByTestId('refund-confirmation');
    expect(await confirmation.textContent()).toContain('Refund $34.50 to Bo Buyer’s card?');
    await page.getByRole('button', { name: 'Confirm refund' }).click();
    await page.getByRole('status').filter({ hasText: 'Refunded $34.50.' }).waitFor();
    expect(await page.getByTestId('refunded-total').textContent()).toContain('$34.50');
    await checkPage(page, 'the vendor’s order after a partial refund');
    await screenshot(page, '16b-vendor-partial-refund');

    const buyerPage = await openAs(buyer, buyerUser, '/orders');
    await buyerPage
      .getByTestId('order-row')
      .filter({ hasText: 'Moss & Fern' })
      .getByRole('link', { name: /Order #/ })
      .click();
    const refund = buyerPage.getByTestId('refund');
    await refund.waitFor();
    expect(await refund.textContent()).toContain('$34.50');
    expect(await refund.textContent()).toContain('One arrived cracked');
    expect(await buyerPage.getByTestId('refunded-total').textContent()).toContain('$34.50');
    expect(await buyerPage.getByTestId('payment').textContent()).toContain('Visa ending in 4242');
    // Still delivered: one terrarium is the buyer's to keep.
    await buyerPage
      .getByRole('heading', { level: 1 })
      .locator('[data-status="delivered"]')
      .waitFor();
    await checkPage(buyerPage, 'the buyer’s order with a refund');
  });

  test('the vendor connects a payout account and is paid out the order’s earnings', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    await fixtures.ensureOrderStatus(buyerUser, vendorUser, vendorShop.name, 'delivered');
    await fixtures.ensurePartlyRefunded(buyerUser, vendorUser, vendorShop.name, TERRARIUM, 1);
    // $69.00 less the $6.90 fee, less the $34.50 refund plus the $3.45 of fee it gave back.
    const earned = 3105;
    // Released by the server's task within a second of delivery.
    await expect.poll(() => fixtures.availableCents(vendorUser), { timeout: 15_000 }).toBe(earned);

    const page = await openAs(vendor, vendorUser, '/vendor/earnings');
    expect(await page.getByTestId('available-USD').textContent()).toBe('$31.05');
    const byOrder = page.getByRole('table', { name: 'Earnings by order' });
    const orderRow = byOrder.getByTestId('order-earnings-row');
    for (const amount of ['$69.00', '-$6.90', '-$34.50', '$3.45', '$31.05'])
      expect(await orderRow.textContent()).toContain(amount);
    await orderRow.locator('[data-status="available"]').waitFor();
    const orderLink = (await orderRow.getByRole('link').textContent())!;

    const payouts = page.getByRole('region', { name: 'Payouts' });
    await payouts.getByRole('button', { name: 'Connect payout account' }).click();
    await payouts.getByText(/Paid to account acct_/).waitFor();
    await payouts.getByRole('button', { name: 'Request payout' }).click();
    await payouts.getByRole('status').filter({ hasText: 'of $31.05 requested' }).waitFor();
    // The money leaves the available balance for the paid-out column at once.
    await page.getByTestId('paid-USD').filter({ hasText: '$31.05' }).waitFor();
    expect(await page.getByTestId('available-USD').textContent()).toBe('$0.00');
    const statementPayout = page
      .getByRole('table', { name: 'Statement' })
      .getByRole('row')
      .filter({ hasText: 'Payout' });
    await statementPayout.waitFor();
    expect(await statementPayout.textContent()).toContain('-$31.05');
    // The gateway pays it out and says so through the webhook; the list follows.
    const payout = payouts.getByTestId('payout-row');
    await payout.locator('[data-status="paid"]').waitFor({ timeout: 20_000 });
    expect(await payout.textContent()).toContain('$31.05');
    await orderRow.locator('[data-status="paid_out"]').waitFor();
    await checkPage(page, 'the vendor’s earnings after a payout');
    await screenshot(page, '16c-vendor-payout');

    await payout.getByRole('link', { name: orderLink }).click();
    const earnings = page.getByTestId('order-earnings');
    await earnings.getByTestId('order-net').filter({ hasText: '$31.05' }).waitFor();
    expect(await earnings.getByTestId('order-earnings-status').textContent()).toMatch(
      /Paid out in payout #\d+/,
    );
  });

  test('the vendor refunds the rest of the delivered order after confirming, and the buyer sees it', async () => {
    await fixtures.ensureOrdered(buyerUser, ORDERED);
    await fixtures.ensureOrderStatus(buyerUser, vendorUser, vendorShop.name, 'delivered');
    await fixtures.ensurePartlyRefunded(buyerUser, vendorUser, vendorShop.name, TERRARIUM, 1);
    const page = await openAs(vendor, vendorUser, '/vendor/orders?status=delivered');
    const row = page.getByTestId('shop-order-row').filter({ hasText: 'Moss terrarium' });
    await row.getByRole('button', { name: /^Refund/ }).click();
    const confirmation = row.getByTestId('refund-confirmation');
    // One of the two terrariums was refunded already.
    expect(await confirmation.textContent()).toContain('Refund $34.50 to Bo Buyer’s card?');
    await row.getByLabel('Reason (optional)').fill('Glass cracked in transit');
    await screenshot(page, '17-vendor-refund-confirmation');
    await row.getByRole('button', { name: 'Confirm refund' }).click();
    await page.getByText('No delivered orders').waitFor();
    await page.getByLabel('Status').selectOption('refunded');
    await page.getByTestId('shop-order-row').locator('[data-status="refunded"]').waitFor();

    const buyerPage = await openAs(buyer, buyerUser, '/orders');
    await buyerPage
      .getByTestId('order-row')
      .filter({ hasText: 'Moss & Fern' })
      .locator('[data-status="refunded"]')
      .waitFor();
    await buyerPage
      .getByTestId('order-row')
      .filter({ hasText: 'Moss & Fern' })
      .getByRole('link', { name: /Order #/ })
      .click();
    const timeline = buyerPage.getByRole('list', { name: 'Order progress' });
    await timeline.getByText('Refunded: Glass cracked in transit').waitFor();
  });
});
