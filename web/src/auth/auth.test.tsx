import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { client } from '../api';
import { SignInPage } from '../pages/SignInPage';
import { json, mockFetch } from '../test/fetchMock';
import { renderPage } from '../test/render';

const session = {
  user: { id: 3, email: 'bo@example.test', display_name: 'Bo', role: 'buyer', created_at: '' },
  access_token: 'access-1',
  refresh_token: 'refresh-1',
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
      cart_token: 'guest-cart',
    });
    expect(calls[1]).toMatchObject({ url: '/api/cart/merge', body: { cart_token: 'guest-cart' } });
    expect(calls[1].headers.Authorization).toBe('Bearer access-1');
    expect(client.tokens.get()).toEqual({ access: 'access-1', refresh: 'refresh-1' });
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
    expect(client.tokens.get()).toBeNull();
  });
});
