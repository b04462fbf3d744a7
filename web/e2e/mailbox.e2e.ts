import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPage } from './support/a11y';
import { signUp } from './support/actions';
import { openBrowser, type Actor } from './support/browser';
import { startServer, type RunningShop } from './support/server';

// With no SMTP server configured (as `make run` starts it) mails are kept as
// .eml files and shown at /dev/mailbox: the footer links it, the list shows a
// mail written with `pocketshop mail test`, and its page shows the HTML part
// in a sandboxed frame and the text part. A user turns a notification topic
// off at /account/notifications. axe audits every page.
describe('the development mailbox and notification preferences', () => {
  let server: RunningShop;
  let actor: Actor;

  beforeAll(async () => {
    server = await startServer();
    actor = await openBrowser(server.url);
    // The CLI, on the running server's data: writes the mail and its .eml file.
    execFileSync(server.binary, [
      'mail',
      'test',
      'newcomer@example.test',
      '--data-dir',
      server.dataDir,
      '--log-level',
      'warn',
    ]);
  });

  afterAll(async () => {
    await actor?.close();
    await server?.stop();
  });

  test('lists the mails and shows one, from the footer', async () => {
    const { page } = actor;
    const mailDir = join(server.dataDir, 'mail');
    expect(existsSync(mailDir) && readdirSync(mailDir)).toEqual(['1-test.eml']);

    await page.goto('/');
    await page.getByRole('link', { name: 'Development mailbox' }).click();
    const row = page.getByTestId('mailbox-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('newcomer@example.test');
    await checkPage(page, 'the development mailbox');

    await page.getByRole('link', { name: 'PocketShop test mail' }).click();
    await page.getByTestId('mail-subject').waitFor();
    expect(await page.getByTestId('mail-to').textContent()).toBe('newcomer@example.test');
    const html = page.frameLocator('[data-testid="mail-html"]');
    await html.getByRole('heading', { name: 'It works' }).waitFor();
    expect(await html.getByText('PocketShop', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('mail-text').textContent()).toContain('It works');
    await checkPage(page, 'a mail in the development mailbox');
    // The mail's own inline styles fall under the app's CSP in the srcdoc frame
    // (it inherits the page's policy): those are expected, nothing else is.
    expect(actor.cspViolations.filter((v) => !v.includes('about:srcdoc'))).toEqual([]);
  });

  test('a user turns a topic off', async () => {
    const { page } = actor;
    await signUp(page, {
      name: 'Nia Newcomer',
      email: 'nia@example.test',
      password: 'password-nia-1',
      role: 'buyer',
    });
    await page.goto('/account/notifications');
    const marketing = page.getByRole('checkbox', { name: 'News' });
    await marketing.waitFor();
    expect(await marketing.isChecked()).toBe(true);
    await checkPage(page, 'notification preferences');
    await marketing.uncheck();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await page.reload();
    await page.getByRole('checkbox', { name: 'News' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'News' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'New messages' }).isChecked()).toBe(true);
  });
});
