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
    'GET /api/me/address': () => json({ address: null }),
    ...routes,
  });
  renderPage(<AccountPage />, { url: '/account', path: '/account' });
  await screen.findByRole('heading', { name: 'Your account' });
  return mock;
}

/** The last request that changed something (reads, such as the saved address's, come in any order). */
const lastWrite = (calls: MockCall[]) => calls.filter((c) => c.method !== 'GET').at(-1);

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
    expect(lastWrite(calls)).toMatchObject({ method: 'POST', url: '/api/me/verification-mail' });
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

const portland = {
  name: 'Bo Buyer',
  line1: '1 Main St',
  city: 'Portland',
  region: 'OR',
  postal_code: '97201',
  country: 'US',
};

/** A response that waits until `release` is called, as a slow server's. */
function held(response: () => Response) {
  let release = () => {};
  const answer = new Promise<Response>((resolve) => {
    release = () => resolve(response());
  });
  return { answer, release: () => release() };
}

describe('AccountPage: the saved address', () => {
  it('shows it, and saves an edit once however often Save is clicked', async () => {
    const put = held(() => json({ address: { ...portland, city: 'Salem', postal_code: '97301' } }));
    const { calls } = await openAccount(buyer, {
      'GET /api/me/address': () => json({ address: portland }),
      'PUT /api/me/address': () => put.answer,
    });
    const saved = section('Saved address');
    expect(await within(saved).findByTestId('saved-address')).toHaveTextContent(
      'Bo Buyer1 Main StPortland, OR 97201US',
    );
    fireEvent.click(within(saved).getByRole('button', { name: 'Edit address' }));
    expect(within(saved).getByLabelText('Full name')).toHaveFocus();
    expect(within(saved).getByLabelText('State / province (optional)')).toHaveValue('OR');
    fireEvent.change(within(saved).getByLabelText('City'), { target: { value: 'Salem' } });
    fireEvent.change(within(saved).getByLabelText('Postal code'), { target: { value: '97301' } });
    const save = within(saved).getByRole('button', { name: 'Save address' });
    fireEvent.click(save);
    fireEvent.click(save);
    await waitFor(() => expect(save).toBeDisabled());
    put.release();

    expect(await within(saved).findByRole('status')).toHaveTextContent('Your address is saved.');
    expect(within(saved).getByTestId('saved-address')).toHaveTextContent('Salem, OR 97301');
    expect(within(saved).getByRole('button', { name: 'Edit address' })).toHaveFocus();
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0].body).toEqual({ ...portland, city: 'Salem', postal_code: '97301' });
  });

  it('shows the server’s objections at their fields', async () => {
    await openAccount(buyer, {
      'PUT /api/me/address': () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid',
            status: 422,
            detail: 'One or more fields are invalid.',
            errors: { city: ['Enter the city.'] },
          },
          422,
        ),
    });
    const saved = section('Saved address');
    expect(await within(saved).findByText(/No address is saved/)).toBeInTheDocument();
    fireEvent.click(within(saved).getByRole('button', { name: 'Add an address' }));
    expect(within(saved).getByLabelText('Full name')).toHaveValue('Bo');
    fireEvent.click(within(saved).getByRole('button', { name: 'Save address' }));
    expect(await within(saved).findByRole('alert')).toHaveTextContent(
      'Please correct the highlighted fields.',
    );
    expect(within(saved).getByLabelText('City')).toHaveAccessibleDescription(/Enter the city\./);
  });

  it('removes it once however often Remove is clicked', async () => {
    const removal = held(() => new Response(null, { status: 204 }));
    const { calls } = await openAccount(buyer, {
      'GET /api/me/address': () => json({ address: portland }),
      'DELETE /api/me/address': () => removal.answer,
    });
    const saved = section('Saved address');
    const remove = await within(saved).findByRole('button', { name: 'Remove address' });
    fireEvent.click(remove);
    fireEvent.click(remove);
    await waitFor(() => expect(remove).toBeDisabled());
    removal.release();
    expect(await within(saved).findByRole('status')).toHaveTextContent('Your address is removed.');
    expect(within(saved).queryByTestId('saved-address')).toBeNull();
    expect(within(saved).getByRole('button', { name: 'Add an address' })).toHaveFocus();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
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
    expect(calls.find((c) => c.url === '/api/me/password')?.body).toEqual({
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

describe('AccountPage: other devices', () => {
  it('signs them out with the password and goes on with the new session', async () => {
    const { calls } = await openAccount(buyer, {
      'POST /api/auth/logout-others': () => json(session(buyer, 'access-3')),
    });
    const form = section('Other devices');
    fireEvent.change(within(form).getByLabelText('Password, to confirm'), {
      target: { value: 'password123' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Sign out other devices' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Every other device is signed out.',
    );
    expect(lastWrite(calls)).toMatchObject({
      method: 'POST',
      url: '/api/auth/logout-others',
      body: { password: 'password123' },
    });
    expect(client.session.get()).toBe('access-3');
    expect(within(form).getByLabelText('Password, to confirm')).toHaveValue('');
  });

  it('says when the password is wrong, and signs nobody out', async () => {
    await openAccount(buyer, {
      'POST /api/auth/logout-others': () =>
        problem('password-incorrect', 403, 'The password is incorrect.'),
    });
    const form = section('Other devices');
    fireEvent.change(within(form).getByLabelText('Password, to confirm'), {
      target: { value: 'nope-nope' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Sign out other devices' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('The password is incorrect.');
    expect(client.session.get()).toBe('access-1');
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
    expect(lastWrite(calls)?.body).toEqual({ email: 'new@example.test', password: 'password123' });
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

describe('AccountPage: the name', () => {
  it('saves a new name, as the server trimmed it', async () => {
    const { calls } = await openAccount(buyer, {
      'PATCH /api/me': (call) =>
        json({
          ...buyer,
          display_name: (call.body as { display_name: string }).display_name.trim(),
        }),
    });
    const form = section('Your name');
    const field = within(form).getByLabelText('Name');
    expect(field).toHaveValue('Bo');
    fireEvent.change(field, { target: { value: ' Bo Quill ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save name' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Your name is saved.');
    expect(lastWrite(calls)?.body).toEqual({ display_name: ' Bo Quill ' });
    expect(field).toHaveValue('Bo Quill');
  });

  it('shows the server’s objection at the field', async () => {
    await openAccount(buyer, {
      'PATCH /api/me': () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid request',
            status: 422,
            detail: 'Some fields are invalid.',
            errors: { display_name: ['must not be empty'] },
          },
          422,
        ),
    });
    const form = section('Your name');
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save name' }));
    expect(await within(form).findByText('must not be empty')).toBeTruthy();
    expect(within(form).queryByRole('status')).toBeNull();
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
    expect(lastWrite(calls)).toMatchObject({ method: 'DELETE', body: { password: 'password123' } });
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
