import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPage } from './support/a11y';
import { ApiSetup } from './support/api';
import { openBrowser, type Actor } from './support/browser';
import { Mailbox } from './support/mailbox';
import { startServer, type RunningServer } from './support/server';

// Search that forgives (issue 18, point 10): a plural finds what its singular
// finds, and a typo that finds nothing offers the closest spelling that does,
// as a link to that search. axe audits the page with the suggestion.
describe('search that forgives', () => {
  let server: RunningServer;
  let guest: Actor;

  beforeAll(async () => {
    server = await startServer();
    const api = new ApiSetup(server.url, new Mailbox(server));
    const { token } = await api.shopWithProduct({
      email: 'wen@example.test',
      password: 'vendor-password-1',
      owner: 'Wen Weaver',
      shop: 'Loom Room',
      color: '#2e4a9e',
      rgb: [46, 74, 158],
      product: 'Wool scarf',
      category: 'clothing',
      priceCents: 3000,
    });
    await api.request('POST', '/api/products', token, {
      name: 'Silk scarves',
      category: 'clothing',
      price_cents: 5000,
      inventory: 4,
    });
    guest = await openBrowser(server.url);
  });

  afterAll(async () => {
    await guest?.close();
    await server?.stop();
  });

  const resultNames = async () => {
    const { page } = guest;
    await page.getByTestId('result-count').filter({ hasText: 'product' }).waitFor();
    return (await page.locator('.product-card h3').allTextContents()).sort();
  };

  test('a plural finds what its singular finds', async () => {
    const { page } = guest;
    await page.goto('/search?q=scarves');
    const plural = await resultNames();
    await page.goto('/search?q=scarf');
    expect(await resultNames()).toEqual(plural);
    expect(plural).toHaveLength(2);
  });

  test('a typo offers the closest spelling, as a link to its search', async () => {
    const { page } = guest;
    await page.goto('/search?q=scraf&sort=price_desc');
    const suggestion = page.getByTestId('did-you-mean');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toBe('Did you mean scarf?');
    await checkPage(page, 'a search with a suggestion');
    await suggestion.getByRole('link', { name: 'scarf' }).click();
    await page.waitForURL(/q=scarf&sort=price_desc/);
    await page.getByTestId('result-count').filter({ hasText: '2 products' }).waitFor();
    expect(await page.getByTestId('did-you-mean').count()).toBe(0);
    expect(guest.cspViolations).toEqual([]);
  });
});
