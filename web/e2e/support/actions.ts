import type { BrowserContext, Locator, Page } from 'playwright-core';
import { makePng } from './images';

export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export function pngFile(
  name: string,
  rgb: [number, number, number],
  width = 800,
  height = 800,
): FileSpec {
  return { name, mimeType: 'image/png', buffer: makePng(width, height, rgb) };
}

/** Drops files onto an element the way a person dragging them from the desktop would. */
export async function dropFiles(page: Page, target: Locator, files: FileSpec[]) {
  const dataTransfer = await page.evaluateHandle(
    (specs) => {
      const transfer = new DataTransfer();
      for (const spec of specs) {
        const bytes = Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], spec.name, { type: spec.mimeType }));
      }
      return transfer;
    },
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })),
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

export async function signUp(
  page: Page,
  user: { name: string; email: string; password: string; role: 'buyer' | 'vendor' },
) {
  await page.goto('/signup');
  await page
    .getByLabel(user.role === 'vendor' ? 'Sell' : 'Shop', { exact: false })
    .first()
    .check();
  await page.getByLabel('Your name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('signed-in-as').filter({ hasText: user.name }).waitFor();
}

export async function signIn(page: Page, email: string, password: string, name: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').filter({ hasText: name }).waitFor();
}

/** Signs out from the header's account menu. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account menu:/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
}

export async function searchFor(page: Page, words: string) {
  await page.getByRole('searchbox', { name: 'Search products' }).fill(words);
  await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
  await page.waitForURL(/\/search\?q=/);
  // The router changes the URL before it renders the search page: until then the
  // page before (the home page lists the same products) is still on screen.
  await page.getByRole('heading', { level: 1, name: `Results for “${words}”` }).waitFor();
}

/** What has keyboard focus: its tag, accessible label (for inputs) or text. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label =
      el instanceof HTMLInputElement && el.labels?.length ? el.labels[0].textContent : null;
    return `${el.tagName.toLowerCase()}: ${(label ?? el.textContent ?? '').trim()}`;
  });
}

/**
 * Signs in with the keyboard alone, from the home page: Shift+Tab from the
 * page content back to the menu's "Sign in" link (or, where focus is still at
 * the top of a page as loaded (issue 18), Tab forward to it), Enter; the app
 * moves focus
 * to the new page, so Tab reaches the form's fields in order and Enter
 * submits it. Each step checks where the focus is, so a focus trap, an
 * unreachable field or a lost focus fails.
 */
export async function signInWithKeyboard(
  page: Page,
  email: string,
  password: string,
  name: string,
) {
  const expectFocus = async (want: string) => {
    const got = await focused(page);
    if (got !== want) throw new Error(`keyboard focus is on "${got}", expected "${want}"`);
  };
  await page.goto('/');
  await page.getByRole('heading', { name: 'Small shops, one cart.' }).waitFor();
  // From the page content (after a navigation) back up to the menu; from the
  // top of a freshly loaded page (no focus yet) forward through it.
  const inContent = await page.evaluate(() => document.activeElement?.closest('main') != null);
  for (let presses = 0; (await focused(page)) !== 'a: Sign in'; presses++) {
    if (presses === 12) await expectFocus('a: Sign in');
    await page.keyboard.press(inContent ? 'Shift+Tab' : 'Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL('**/signin');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.keyboard.press('Tab');
  await expectFocus('input: Email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expectFocus('input: Password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').filter({ hasText: name }).waitFor();
}

/**
 * The session as the browser keeps it: the refresh token only in its
 * HttpOnly, Secure, SameSite=Strict cookie on /api/auth (Chromium takes
 * Secure cookies from http://127.0.0.1, a secure context), and nowhere a
 * script could read it: not in localStorage, sessionStorage or document.cookie.
 */
export async function expectRefreshTokenOnlyInItsCookie(context: BrowserContext, page: Page) {
  const cookie = (await context.cookies()).find((c) => c.name === 'pocketshop_refresh');
  if (!cookie) throw new Error('no refresh cookie: the browser did not keep the session cookie');
  const want = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' };
  const got = {
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    sameSite: cookie.sameSite,
    path: cookie.path,
  };
  if (JSON.stringify(got) !== JSON.stringify(want))
    throw new Error(`refresh cookie is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  const readable = await page.evaluate(() =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
    }),
  );
  if (readable.includes(cookie.value))
    throw new Error(`the refresh token is readable by scripts: ${readable}`);
}
