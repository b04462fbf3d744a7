import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkPage } from './support/a11y';
import { pngFile, signIn } from './support/actions';
import { ApiSetup } from './support/api';
import { openBrowser, takeCspViolations, type Actor } from './support/browser';
import { Mailbox } from './support/mailbox';
import { startServer, type RunningServer } from './support/server';

// A conversation between two browsers (issue 17): a buyer asks a shop about a
// product, with a photo; the vendor sees the thread unread in the header and
// the inbox, answers; the buyer sees the answer in the open thread. axe-core
// audits the inbox and the thread page (serious or critical WCAG A/AA
// violations fail), which must also fit a phone's width.
describe('a buyer and a vendor talk about a product', () => {
  let server: RunningServer;
  let vendor: Actor;
  let buyer: Actor;
  const shop = 'Clay Corner';
  const product = 'Speckled mug';
  const question = 'Is the glaze food safe? Here is the chip I mean.';
  const answer = 'Yes, it is fired at 1240 °C and food safe.';

  beforeAll(async () => {
    server = await startServer({
      POCKETSHOP_LOGIN_LIMIT_PER_EMAIL: '1000',
      POCKETSHOP_LOGIN_LIMIT_PER_IP: '1000',
    });
    const api = new ApiSetup(server.url, new Mailbox(server));
    await api.shopWithProduct({
      email: 'ada@example.test',
      password: 'vendor-password-1',
      owner: 'Ada Clay',
      shop,
      color: '#b5651d',
      rgb: [181, 101, 29],
      product,
      category: 'kitchen',
      priceCents: 1800,
    });
    await api.register('bo@example.test', 'buyer-password-1', 'Bo Buyer', 'buyer');
    vendor = await openBrowser(server.url);
    buyer = await openBrowser(server.url);
    await signIn(vendor.page, 'ada@example.test', 'vendor-password-1', 'Ada Clay');
    await signIn(buyer.page, 'bo@example.test', 'buyer-password-1', 'Bo Buyer');
  });

  afterEach(() => {
    const violations = takeCspViolations(vendor, buyer);
    expect(violations).toEqual([]);
  });

  afterAll(async () => {
    await vendor?.close();
    await buyer?.close();
    await server?.stop();
  });

  test('the buyer asks about a product, with a photo', async () => {
    const { page } = buyer;
    await page.goto('/search?q=speckled');
    await page.getByRole('link', { name: product }).first().click();
    await page.getByRole('heading', { name: product, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Ask the shop about this' }).click();
    await page.getByRole('heading', { name: `Write to ${shop}` }).waitFor();
    await page.getByLabel('Your message').fill(question);
    await page.getByLabel(/Attach images/).setInputFiles(pngFile('chip.png', [200, 80, 60]));
    await page.getByRole('img', { name: 'Attachment 1' }).waitFor();
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.waitForURL(/\/messages\/\d+$/);
    const messages = page.getByRole('list', { name: 'Messages' });
    await messages.getByText(question).waitFor();
    await messages.getByRole('img', { name: 'Image 1 from you' }).waitFor();
    await checkPage(page, 'the buyer’s thread');
  });

  test('the vendor sees it unread, reads and answers', async () => {
    const { page } = vendor;
    await page.goto('/');
    await page.getByRole('link', { name: 'Messages, 1 unread' }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    const row = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first();
    await row.getByText('1 unread').waitFor();
    await row.getByText('Bo Buyer').waitFor();
    await checkPage(page, 'the vendor’s inbox');
    await row.getByRole('link').click();
    await page.getByRole('list', { name: 'Messages' }).getByText(question).waitFor();
    await page.getByRole('img', { name: 'Image 1 from Bo Buyer' }).waitFor();
    await checkPage(page, 'the vendor’s thread');
    await page.getByLabel('Your reply').fill(answer);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('list', { name: 'Messages' }).getByText(answer).waitFor();
    await expect
      .poll(
        () =>
          page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Messages', exact: true })
            .count(),
        {
          timeout: 40_000,
        },
      )
      .toBe(1);
  });

  test('the buyer sees the answer in the open thread', async () => {
    const { page } = buyer;
    // The thread looks for new messages every few seconds; no reload.
    await page
      .getByRole('list', { name: 'Messages' })
      .getByText(answer)
      .waitFor({ timeout: 20_000 });
    await page.goto('/messages');
    const row = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first();
    await row.getByText(shop).waitFor();
    await row.getByText(answer).waitFor();
    await checkPage(page, 'the buyer’s inbox');
  });
});
