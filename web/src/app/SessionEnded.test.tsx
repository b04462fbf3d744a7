import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { json, mockFetch } from '../test/fetchMock';
import { cart, signedIn, user } from '../test/fixtures';

const DEVELOPER_TEXT = 'Sign in first: send Authorization: Bearer <access token>.';
const refused = () =>
  json(
    { type: '/problems/unauthorized', title: 'Unauthorized', status: 401, detail: DEVELOPER_TEXT },
    401,
  );

function renderApp(url: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <MemoryRouter initialEntries={[url]}>
      <AppProviders queryClient={queryClient}>
        <App />
      </AppProviders>
    </MemoryRouter>,
  );
}

describe('An ended session', () => {
  it('signs the header out, sends the person to sign in, and brings them back to their half-filled checkout', async () => {
    signedIn();
    let sessionAlive = true;
    const { calls } = mockFetch({
      'GET /api/me': () => (sessionAlive ? json(user) : refused()),
      'GET /api/cart': () => (sessionAlive ? json(cart) : refused()),
      'GET /api/me/address': () => json({ address: null }),
      'GET /api/me/notifications/unread-count': () => json({ unread: 0 }),
      'GET /api/me/unread-messages': () => json({ count: 0 }),
      'GET /api/payments/config': () =>
        json({ provider: 'stripe', tokens_url: '/v1/tokens', publishable_key: 'pk_test_web' }),
      'POST /v1/tokens': () => json({ id: 'tok_1', object: 'token' }),
      // The tokens are gone: the access token is refused, and so is the refresh.
      'POST /api/checkout': () => refused(),
      'POST /api/auth/refresh': () =>
        json({ title: 'Unauthorized', status: 401, detail: 'The refresh token is invalid.' }, 401),
      'POST /api/auth/login': () => {
        sessionAlive = true;
        return json({ user, access_token: 'access-2', token_type: 'Bearer', expires_in: 900 });
      },
    });
    renderApp('/checkout');
    await screen.findByText('Order summary');
    expect(screen.getByTestId('signed-in-as')).toHaveTextContent('Bo');

    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Bo Buyer' } });
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: '1 Main St' } });
    fireEvent.change(screen.getByLabelText('City'), { target: { value: 'Portland' } });
    fireEvent.change(screen.getByLabelText('State / province (optional)'), {
      target: { value: 'OR' },
    });
    fireEvent.change(screen.getByLabelText('Postal code'), { target: { value: '97201' } });
    fireEvent.change(screen.getByLabelText('Card number'), {
      target: { value: '4242 4242 4242 4242' },
    });
    fireEvent.change(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '1230' } });
    fireEvent.change(screen.getByLabelText('CVC'), { target: { value: '123' } });
    sessionAlive = false;
    fireEvent.click(screen.getByRole('button', { name: /^Pay/ }));

    // Sent to sign in, told why, and no longer shown as signed in.
    expect(
      await screen.findByRole('heading', { name: 'Sign in' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended');
    expect(screen.queryByTestId('signed-in-as')).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('Bearer');

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: user.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-pass' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    // Back at the checkout, with the address as it was typed (never the card).
    expect(await screen.findByText('Order summary', {}, { timeout: 5_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Full name')).toHaveValue('Bo Buyer'));
    expect(screen.getByLabelText('State / province (optional)')).toHaveValue('OR');
    expect(screen.getByLabelText('Postal code')).toHaveValue('97201');
    expect(screen.getByLabelText('Card number')).toHaveValue('');
    expect(sessionStorage.getItem('pocketshop.checkout-address')).not.toMatch(/4242/);
    expect(screen.getByTestId('signed-in-as')).toHaveTextContent('Bo');
    expect(calls.filter((c) => c.url === '/api/checkout')).toHaveLength(1);
  });

  it('never shows the server’s text for API clients: a 401 reads as a sentence for people', async () => {
    mockFetch({
      'GET /api/cart': () => refused(),
      'POST /api/carts': () => json({ cart_token: 't' }, 201),
    });
    const { errorMessage, client } = await import('../lib/api');
    const error = await client.get('/api/cart', { cart: true }).catch((e: unknown) => e);
    expect(errorMessage(error)).toBe('Please sign in to go on.');
  });
});
