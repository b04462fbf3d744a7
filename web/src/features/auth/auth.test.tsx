import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { client } from '../../lib/api';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { useAuth } from './hooks/useAuth';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';

const session = {
  user: { id: 3, email: 'bo@example.test', display_name: 'Bo', role: 'buyer', created_at: '' },
  access_token: 'access-1',
  token_type: 'Bearer',
  expires_in: 900,
};

describe('signing in', () => {
  it('keeps the session and merges the guest cart into the account', async () => {
    client.cartToken.set('guest-cart');
    const { calls } = mockFetch({
      'POST /api/auth/login': () => json(session),
      'POST /api/cart/merge': () => json({ items: [] }),
    });
    renderPage(<SignInPage />, { url: '/signin?next=%2Fcart', path: '/signin' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'bo@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    expect(calls[0].body).toEqual({
      email: 'bo@example.test',
      password: 'secret-password',
    });
    expect(calls[1]).toMatchObject({ url: '/api/cart/merge', body: { cart_token: 'guest-cart' } });
    expect(calls[1].headers.Authorization).toBe('Bearer access-1');
    expect(client.session.get()).toBe('access-1');
    // Nothing secret is stored: only the flag that a session cookie exists.
    expect({ ...localStorage }).toEqual({ 'pocketshop.signed-in': '1' });
    expect(client.cartToken.get()).toBeNull();
  });

  it('says why signing in failed', async () => {
    mockFetch({
      'POST /api/auth/login': () =>
        json({ title: 'Unauthorized', status: 401, detail: 'Wrong email or password.' }, 401),
    });
    renderPage(<SignInPage />, { url: '/signin', path: '/signin' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'x@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope-nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Wrong email or password.'),
    );
    expect(client.session.get()).toBeNull();
  });
});

function WhoIsSignedIn() {
  const { user, loading, signOut } = useAuth();
  if (loading) return <p>checking</p>;
  return user ? (
    <button type="button" onClick={() => void signOut()}>
      Sign out {user.display_name}
    </button>
  ) : (
    <p>nobody</p>
  );
}

describe('the session after a reload', () => {
  it('resumes from the refresh cookie, and signing out ends it with the cookie', async () => {
    localStorage.setItem('pocketshop.signed-in', '1');
    const { calls } = mockFetch({
      'POST /api/auth/refresh': () => json(session),
      'GET /api/me': () => json(session.user),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderPage(<WhoIsSignedIn />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out Bo' }));
    await screen.findByText('nobody');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/auth/refresh',
      'GET /api/me',
      'POST /api/auth/logout',
    ]);
    expect(calls[1].headers.Authorization).toBe('Bearer access-1');
    // Neither names a token: the browser sends the cookie, with the app's header.
    for (const call of [calls[0], calls[2]]) {
      expect(call.body).toBeUndefined();
      expect(call.headers['X-Requested-With']).toBe('pocketshop-web');
    }
    expect(localStorage.getItem('pocketshop.signed-in')).toBeNull();
  });

  it('is signed out when the cookie is refused', async () => {
    localStorage.setItem('pocketshop.signed-in', '1');
    mockFetch({
      'POST /api/auth/refresh': () =>
        json({ title: 'Unauthorized', status: 401, detail: 'No session.' }, 401),
      'GET /api/me': () => json({ title: 'Unauthorized', status: 401, detail: 'No token.' }, 401),
    });
    renderPage(<WhoIsSignedIn />);
    await screen.findByText('nobody');
    expect(localStorage.getItem('pocketshop.signed-in')).toBeNull();
  });
});

describe('SignUpPage', () => {
  it('registers a vendor and shows the server’s field errors next to the fields', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/register': () =>
        json(
          {
            title: 'Invalid fields',
            status: 422,
            detail: 'One or more fields are invalid.',
            errors: { password: ['must be at least 8 characters'] },
          },
          422,
        ),
    });
    client.cartToken.set('guest-cart');
    renderPage(<SignUpPage />, { url: '/signup' });
    fireEvent.click(screen.getByLabelText(/Sell/));
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Vera' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'vera@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByText('Please correct the highlighted fields.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'At least 8 characters. Password needs at least 8 characters.',
    );
    expect(calls[0].body).toEqual({
      display_name: 'Vera',
      email: 'vera@example.test',
      password: 'short',
      role: 'vendor',
    });
  });
});
