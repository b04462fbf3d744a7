import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkPage } from './support/a11y';
import { signIn, signOut, signUp } from './support/actions';
import { openBrowser, screenshot, takeCspViolations, type Actor } from './support/browser';
import { Mailbox } from './support/mailbox';
import { startServer, type RunningServer } from './support/server';

// Account recovery and settings through the UI, on a real server with a fresh
// database: a vendor signs up and confirms the address from the welcome mail
// (the banner goes away); a forgotten password is reset from the mail's link
// (the link works once); the password and the address are changed on the
// account page; a new name shows in the header; signing out the other devices ends another browser's
// session; the data is downloaded; the account is deleted. axe-core
// audits each new page, and no page may break the Content-Security-Policy.
//
// The links are read from the development mailbox (GET /api/dev/mailbox)
// when the server has one, else from the outbox of the server's SQLite file
// (support/mailbox.ts).

describe('account recovery and settings', () => {
  let server: RunningServer;
  let mailbox: Mailbox;
  let actor: Actor;
  const user = {
    name: 'Rita Recover',
    email: 'rita@example.test',
    password: 'first-password-1',
    role: 'vendor' as const,
  };
  let password = user.password;

  beforeAll(async () => {
    server = await startServer();
    mailbox = new Mailbox(server);
    actor = await openBrowser(server.url);
  });

  afterEach(() => {
    expect(takeCspViolations(actor)).toEqual([]);
  });

  afterAll(async () => {
    await actor?.close();
    await server?.stop();
  });

  test('a vendor confirms the address from the welcome mail', async () => {
    const { page } = actor;
    await signUp(page, user);
    const banner = page.getByText('Confirm your email address to open your shop');
    await banner.waitFor();
    await checkPage(page, 'a page with the confirmation banner');
    await page.goto(await mailbox.link(user.email, '/verify-email'));
    await page.getByText(`${user.email} is confirmed`).waitFor();
    await checkPage(page, 'the verify-email page');
    await screenshot(page, 'account-01-verified');
    expect(await banner.count()).toBe(0);
  });

  test('a forgotten password is reset from the mailed link, which works once', async () => {
    const { page } = actor;
    await page.goto('/');
    await signOut(page);
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    await checkPage(page, 'the forgot-password page');
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If an account uses ${user.email}`).waitFor();

    const link = await mailbox.link(user.email, '/reset-password');
    await page.goto(link);
    await checkPage(page, 'the reset-password page');
    password = 'second-password-2';
    await page.getByLabel('New password').fill(password);
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByText('Your password is set').waitFor();
    await screenshot(page, 'account-02-reset');

    await page.goto(link);
    await page.getByLabel('New password').fill('third-password-3');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByText('This link is invalid, has expired or was already used.').waitFor();

    await signIn(page, user.email, password, user.name);
  });

  test('the account page changes the password and the address', async () => {
    const { page } = actor;
    await page.goto('/account');
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await checkPage(page, 'the account page');
    await screenshot(page, 'account-03-settings');

    const passwordForm = page.getByRole('region', { name: 'Change password' });
    await passwordForm.getByLabel('Current password').fill(password);
    password = 'fourth-password-4';
    await passwordForm.getByLabel('New password').fill(password);
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.getByText('Every other device was signed out.').waitFor();

    const emailForm = page.getByRole('region', { name: 'Change email address' });
    await emailForm.getByLabel('New email address').fill('rita.new@example.test');
    await emailForm.getByLabel('Password').fill(password);
    await emailForm.getByRole('button', { name: 'Change email address' }).click();
    await emailForm.getByText('We sent a link to rita.new@example.test.').waitFor();
    await page.goto(await mailbox.link('rita.new@example.test', '/verify-email'));
    await page.getByText('rita.new@example.test is confirmed').waitFor();
    await page.goto('/account');
    await page
      .getByRole('region', { name: 'Email address' })
      .getByText('rita.new@example.test')
      .waitFor();
  });

  test('a new name shows in the header at once and stays', async () => {
    const other = await openBrowser(server.url);
    try {
      const { page } = other;
      await signUp(page, {
        name: 'Nmae Typo',
        email: 'typo@example.test',
        password: 'typo-password-1',
        role: 'buyer',
      });
      await page.goto('/account');
      const nameForm = page.getByRole('region', { name: 'Your name' });
      await nameForm.getByLabel('Name').fill('Name Fixed');
      await nameForm.getByRole('button', { name: 'Save name' }).click();
      await nameForm.getByText('Your name is saved.').waitFor();
      await page.getByTestId('signed-in-as').filter({ hasText: 'Name Fixed' }).waitFor();
      await page.reload();
      await page.getByTestId('signed-in-as').filter({ hasText: 'Name Fixed' }).waitFor();
      expect(await nameForm.getByLabel('Name').inputValue()).toBe('Name Fixed');
      expect(takeCspViolations(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test('signing out the other devices ends a session in another browser', async () => {
    const other = await openBrowser(server.url);
    try {
      await signIn(other.page, 'rita.new@example.test', password, user.name);
      const { page } = actor;
      await page.goto('/account');
      const devices = page.getByRole('region', { name: 'Other devices' });
      await devices.getByLabel('Password, to confirm').fill(password);
      await devices.getByRole('button', { name: 'Sign out other devices' }).click();
      await devices.getByText('Every other device is signed out.').waitFor();

      // The other browser's refresh cookie is refused: it is asked to sign in.
      await other.page.goto('/account');
      await other.page.waitForURL('**/signin?**');
      await other.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      // This one goes on.
      await page.reload();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      expect(takeCspViolations(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test('the data is downloaded and the account deleted', async () => {
    const { page } = actor;
    await page.goto('/account');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pocketshop-data.json');

    const area = page.getByRole('region', { name: 'Delete account' });
    await area.getByRole('button', { name: 'Delete my account…' }).click();
    await area.getByLabel('Password, to confirm').fill(password);
    await checkPage(page, 'the account deletion form');
    await area.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.goto('/signin');
    await page.getByLabel('Email').fill('rita.new@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
  });
});
