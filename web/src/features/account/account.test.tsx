import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { client } from '../../lib/api';
import { json, mockFetch, type MockCall } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { VerifyEmailBanner } from './components/VerifyEmailBanner';
import { AccountPage } from './pages/AccountPage';

const buyer = {
  id: 3,
  email: 'bo@example.test',
  display_name: 'Bo',
  role: 'buyer',
  email_verified: true,
  created_at: '',
};
const session = (user: object, access = 'access-1') => ({
  user,
  access_token: access,
  token_type: 'Bearer',
  expires_in: 900,
});
const problem = (type: string, status: number, detail: string) =>
  json({ type: `/problems/${type}`, title: type, status, detail }, status);

type Routes = Record<string, (call: MockCall) => Response | Promise<Response>>;

/** The page for a signed-in user, resumed from the refresh cookie. */
async function openAccount(user: object, routes: Routes) {
  localStorage.setItem('pocketshop.signed-in', '1');
  const mock = mockFetch({
    'POST /api/auth/refresh': () => json(session(user)),
    'GET /api/me': () => json(user),
    ...routes,
  });
  renderPage(<AccountPage />, { url: '/account', path: '/account' });
  await screen.findByRole('heading', { name: 'Your account' });
  return mock;
}

const section = (name: string) => screen.getByRole('region', { name });

beforeEach(() => localStorage.clear());

describe('AccountPage: the address', () => {
  it('sends the confirmation link again while the address is not confirmed', async () => {
    const { calls } = await openAccount(
      { ...buyer, email_verified: false },
      { 'POST /api/me/verification-mail': () => new Response(null, { status: 202 }) },
    );
    const address = section('Email address');
    expect(address).toHaveTextContent('Not confirmed');
    fireEvent.click(
      within(address).getByRole('button', { name: 'Send the confirmation link again' }),
    );
    expect(await within(address).findByRole('status')).toHaveTextContent(
      'A new link is on its way to bo@example.test.',
    );
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/me/verification-mail' });
  });

  it('says when the links were asked for too often', async () => {
    await openAccount(
      { ...buyer, email_verified: false },
      { 'POST /api/me/verification-mail': () => problem('rate-limited', 429, 'Wait a while.') },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send the confirmation link again' }));
    expect(await within(section('Email address')).findByRole('alert')).toBeInTheDocument();
  });

  it('offers nothing to send once confirmed', async () => {
    await openAccount(buyer, {});
    expect(section('Email address')).toHaveTextContent('Confirmed');
    expect(screen.queryByRole('button', { name: 'Send the confirmation link again' })).toBeNull();
  });
});

describe('AccountPage: the password', () => {
  it('changes it and goes on with the new session', async () => {
    const { calls } = await openAccount(buyer, {
      'POST /api/me/password': () => json(session(buyer, 'access-2')),
    });
    const form = section('Change password');
    fireEvent.change(within(form).getByLabelText('Current password'), {
      target: { value: 'password123' },
    });
    fireEvent.change(within(form).getByLabelText('New password'), {
      target: { value: 'better-password-1' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Every other device was signed out.',
    );
    expect(calls.at(-1)?.body).toEqual({
      current_password: 'password123',
      new_password: 'better-password-1',
    });
    expect(client.session.get()).toBe('access-2');
    expect(within(form).getByLabelText('Current password')).toHaveValue('');
  });

  it('says when the current password is wrong', async () => {
    await openAccount(buyer, {
      'POST /api/me/password': () =>
        problem('password-incorrect', 403, 'The current password is incorrect.'),
    });
    const form = section('Change password');
    fireEvent.change(within(form).getByLabelText('Current password'), {
      target: { value: 'nope-nope' },
    });
    fireEvent.change(within(form).getByLabelText('New password'), {
      target: { value: 'better-password-1' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'The current password is incorrect.',
    );
  });
});

describe('AccountPage: the email address', () => {
  it('sends a link to the new address', async () => {
    const { calls } = await openAccount(buyer, {
      'POST /api/me/email': () => new Response(null, { status: 202 }),
    });
    const form = section('Change email address');
    fireEvent.change(within(form).getByLabelText('New email address'), {
      target: { value: 'new@example.test' },
    });
    fireEvent.change(within(form).getByLabelText('Password'), {
      target: { value: 'password123' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Change email address' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'We sent a link to new@example.test.',
    );
    expect(calls.at(-1)?.body).toEqual({ email: 'new@example.test', password: 'password123' });
  });

  it('says when another account uses the address', async () => {
    await openAccount(buyer, {
      'POST /api/me/email': () =>
        problem('email-taken', 409, 'An account with this email already exists.'),
    });
    const form = section('Change email address');
    fireEvent.change(within(form).getByLabelText('New email address'), {
      target: { value: 'taken@example.test' },
    });
    fireEvent.change(within(form).getByLabelText('Password'), {
      target: { value: 'password123' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Change email address' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'An account with this email already exists.',
    );
  });
});

describe('AccountPage: data and deletion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('downloads the data as a JSON file', async () => {
    const saved: { name: string; blob: Blob }[] = [];
    const urls = new Map<string, Blob>();
    vi.stubGlobal('URL', {
      ...URL,
      createObjectURL: (blob: Blob) => {
        const url = `blob:${urls.size}`;
        urls.set(url, blob);
        return url;
      },
      revokeObjectURL: () => undefined,
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, blob: urls.get(this.getAttribute('href')!)! });
    });
    await openAccount(buyer, {
      'GET /api/me/export': () => json({ profile: buyer, orders: [] }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('pocketshop-data.json');
    expect(JSON.parse(await saved[0].blob.text())).toEqual({ profile: buyer, orders: [] });
    click.mockRestore();
  });

  it('deletes the account after a confirmation with the password', async () => {
    const { calls } = await openAccount(buyer, {
      'DELETE /api/me': () => new Response(null, { status: 204 }),
    });
    const area = section('Delete account');
    fireEvent.click(within(area).getByRole('button', { name: 'Delete my account…' }));
    fireEvent.change(within(area).getByLabelText('Password, to confirm'), {
      target: { value: 'password123' },
    });
    fireEvent.click(within(area).getByRole('button', { name: 'Delete my account for good' }));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', body: { password: 'password123' } });
    expect(client.session.get()).toBeNull();
  });

  it('says why a vendor cannot leave yet, and can change their mind', async () => {
    await openAccount(
      { ...buyer, role: 'vendor' },
      {
        'DELETE /api/me': () =>
          problem('account-in-use', 409, 'Your shop has orders not yet delivered or cancelled.'),
      },
    );
    const area = section('Delete account');
    fireEvent.click(within(area).getByRole('button', { name: 'Delete my account…' }));
    fireEvent.change(within(area).getByLabelText('Password, to confirm'), {
      target: { value: 'password123' },
    });
    fireEvent.click(within(area).getByRole('button', { name: 'Delete my account for good' }));
    expect(await within(area).findByRole('alert')).toHaveTextContent(
      'Your shop has orders not yet delivered',
    );
    fireEvent.click(within(area).getByRole('button', { name: 'Keep my account' }));
    expect(within(area).queryByLabelText('Password, to confirm')).toBeNull();
  });
});

describe('VerifyEmailBanner', () => {
  it('asks an unconfirmed vendor to confirm, and nobody else', async () => {
    localStorage.setItem('pocketshop.signed-in', '1');
    const vendor = { ...buyer, role: 'vendor', email_verified: false };
    mockFetch({
      'POST /api/auth/refresh': () => json(session(vendor)),
      'GET /api/me': () => json(vendor),
    });
    renderPage(<VerifyEmailBanner />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Confirm your email address to open your shop',
    );
    expect(screen.getByRole('link', { name: 'Send it again' })).toHaveAttribute('href', '/account');
  });

  it('stays hidden for a buyer', async () => {
    localStorage.setItem('pocketshop.signed-in', '1');
    const unconfirmedBuyer = { ...buyer, email_verified: false };
    const { calls } = mockFetch({
      'POST /api/auth/refresh': () => json(session(unconfirmedBuyer)),
      'GET /api/me': () => json(unconfirmedBuyer),
    });
    renderPage(<VerifyEmailBanner />);
    await waitFor(() => expect(calls.map((c) => c.url)).toContain('/api/me'));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
