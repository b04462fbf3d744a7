import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { checkPage } from './support/a11y';
import { signIn } from './support/actions';
import { ApiSetup } from './support/api';
import { openBrowser, takeCspViolations, type Actor } from './support/browser';
import { Mailbox } from './support/mailbox';
import { startServer, type RunningServer } from './support/server';

// Issue 18: the browser's Back button asks before it leaves a half-edited
// product (the app's data router blocks the history step), and the account
// page shows, edits and removes the saved shipping address; on a real server
// with a fresh database, axe-core auditing the pages.

const VENDOR = {
  email: 'vale@example.test',
  password: 'vendor-password-1',
  owner: 'Vale Potter',
  shop: 'Vale Pottery',
  color: '#6b4f9e',
  rgb: [107, 79, 158] as [number, number, number],
  product: 'Lilac bowl',
  category: 'kitchen',
  priceCents: 2400,
};
const LEAVE = 'Leave this page? Your changes to this product are not saved.';

/** Presses Back; resolves with the question asked, answered with `leave`. */
async function backAnswering(page: Page, leave: boolean): Promise<string> {
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void (leave ? dialog.accept() : dialog.dismiss());
    });
  });
  await page.goBack({ waitUntil: 'commit' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unasked = new Promise<string>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Back left without asking')), 10_000);
  });
  try {
    return await Promise.race([asked, unasked]);
  } finally {
    clearTimeout(timer);
  }
}

describe('unsaved changes and the saved address', () => {
  let server: RunningServer;
  let api: ApiSetup;
  let token: string;
  let vendor: Actor;

  beforeAll(async () => {
    server = await startServer();
    api = new ApiSetup(server.url, new Mailbox(server));
    ({ token } = await api.shopWithProduct(VENDOR));
    vendor = await openBrowser(server.url);
    await signIn(vendor.page, VENDOR.email, VENDOR.password, VENDOR.owner);
  });

  afterEach(() => {
    expect(takeCspViolations(vendor)).toEqual([]);
  });

  afterAll(async () => {
    await vendor?.close();
    await server?.stop();
  });

  test('Back from a half-edited product asks first: staying keeps the edits, confirming leaves', async () => {
    const { page } = vendor;
    await page.goto('/vendor/products');
    await page.getByRole('link', { name: VENDOR.product, exact: true }).click();
    const name = page.getByLabel('Name', { exact: true });
    await expect.poll(() => name.inputValue()).toBe(VENDOR.product);
    const editorUrl = page.url();
    await name.fill('Lilac bowl, half renamed');

    expect(await backAnswering(page, false)).toBe(LEAVE);
    await expect.poll(() => page.url()).toBe(editorUrl);
    expect(await name.inputValue()).toBe('Lilac bowl, half renamed');

    expect(await backAnswering(page, true)).toBe(LEAVE);
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/vendor/products');
    await page.getByRole('link', { name: VENDOR.product, exact: true }).waitFor(); // not renamed
  });

  test('an unchanged product is left by Back without a question', async () => {
    const { page } = vendor;
    let asked = false;
    const onDialog = () => {
      asked = true;
    };
    page.on('dialog', onDialog);
    await page.getByRole('link', { name: VENDOR.product, exact: true }).click();
    await expect
      .poll(() => page.getByLabel('Name', { exact: true }).inputValue())
      .toBe(VENDOR.product);
    await page.goBack({ waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    page.off('dialog', onDialog);
    expect(asked).toBe(false);
  });

  test('the account page saves, edits and removes the shipping address', async () => {
    const { page } = vendor;
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Saved address' });
    await section.getByText('No address is saved.').waitFor();
    await section.getByRole('button', { name: 'Add an address' }).click();
    await section.getByLabel('Full name').fill('Vale Potter');
    await section.getByLabel('Address', { exact: true }).fill('1 Main St');
    await section.getByLabel('City').fill('Portland');
    await section.getByLabel('State / province (optional)').fill('OR');
    await section.getByLabel('Postal code').fill('97201');
    await checkPage(page, 'the account page, editing the saved address');
    await section.getByRole('button', { name: 'Save address' }).dblclick();
    await section.getByText('Your address is saved.').waitFor();
    await section.getByText('Portland, OR 97201').waitFor();
    const saved = await api.request<{ address: { city: string } }>('GET', '/api/me/address', token);
    expect(saved.address.city).toBe('Portland');

    await page.reload();
    await section.getByText('Portland, OR 97201').waitFor();
    await section.getByRole('button', { name: 'Edit address' }).click();
    await section.getByLabel('City').fill('Salem');
    await section.getByLabel('Postal code').fill('97301');
    await section.getByRole('button', { name: 'Save address' }).click();
    await section.getByText('Salem, OR 97301').waitFor();
    await checkPage(page, 'the account page with a saved address');

    await section.getByRole('button', { name: 'Remove address' }).dblclick();
    await section.getByText('Your address is removed.').waitFor();
    expect(await api.request('GET', '/api/me/address', token)).toEqual({ address: null });
  });
});
