import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { json, mockFetch } from '../test/fetchMock';
import { cart, product, user } from '../test/fixtures';

describe('A guest asking a shop about a product', () => {
  it('signs in, then writes to that shop about that product', async () => {
    let signedIn = false;
    const refused = () => json({ title: 'Unauthorized', status: 401, detail: 'Sign in.' }, 401);
    mockFetch({
      'GET /api/products/9': () => json(product),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 10, total: 0, pages: 0 }),
      'GET /api/cart': () => json({ ...cart, items: [], shops: [], item_count: 0 }),
      'GET /api/me': () => (signedIn ? json(user) : refused()),
      'GET /api/me/notifications/unread-count': () => json({ unread: 0 }),
      'GET /api/me/unread-messages': () => json({ count: 0 }),
      'POST /api/auth/login': () => {
        signedIn = true;
        return json({ user, access_token: 'access', token_type: 'Bearer', expires_in: 900 });
      },
    });
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });
    render(
      <MemoryRouter initialEntries={['/products/9']}>
        <AppProviders queryClient={queryClient}>
          <App />
        </AppProviders>
      </MemoryRouter>,
    );

    fireEvent.click(await screen.findByRole('link', { name: 'Ask the shop about this' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: user.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { name: `Write to ${product.shop.name}` }),
    ).toBeInTheDocument();
    expect(screen.getByText(`About ${product.name}`)).toBeInTheDocument();
    expect(screen.getByLabelText('Your message')).toBeInTheDocument();
  });
});
