import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { image, product, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { HomePage } from './pages/HomePage';

const listed = (id: number, name: string, withImage: boolean) => ({
  ...product,
  id,
  name,
  image: withImage ? { ...image(id), alt_text: name } : null,
});

describe('the home page’s new products', () => {
  it('are those in stock, the ones with images first', async () => {
    const { calls } = mockFetch({
      'GET /api/shops': () => json({ items: [], page: 1, limit: 6, total: 0, pages: 0 }),
      'GET /api/products': () =>
        json({
          items: [
            listed(5, 'Bare jar', false),
            listed(4, 'Moss terrarium', true),
            listed(3, 'Unpictured pot', false),
            listed(2, 'Glass dome', true),
          ],
          page: 1,
          limit: 24,
          total: 4,
          pages: 1,
        }),
    });
    renderPage(<HomePage />);
    const section = (await screen.findByRole('heading', { name: 'New products' })).closest(
      'section',
    )!;
    await within(section).findByText('Moss terrarium');
    const names = within(section)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(names).toEqual(['Moss terrarium', 'Glass dome', 'Bare jar', 'Unpictured pot']);
    const asked = new URL(calls.find((c) => c.url.startsWith('/api/products'))!.url, 'http://x');
    expect(asked.searchParams.get('in_stock')).toBe('true');
  });
});

describe('the home page’s hero', () => {
  const emptyMarket = {
    'GET /api/shops': () => json({ items: [], page: 1, limit: 6, total: 0, pages: 0 }),
    'GET /api/products': () => json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
  };

  it('offers to open a shop to someone signed out', async () => {
    mockFetch(emptyMarket);
    renderPage(<HomePage />);
    expect(await screen.findByRole('link', { name: 'Open your shop' })).toHaveAttribute(
      'href',
      '/signup?role=vendor',
    );
  });

  it('takes a vendor to their shop instead', async () => {
    signedIn();
    mockFetch({ ...emptyMarket, 'GET /api/me': () => json({ ...user, role: 'vendor' }) });
    renderPage(<HomePage />);
    expect(await screen.findByRole('link', { name: 'Go to your shop' })).toHaveAttribute(
      'href',
      '/vendor',
    );
    expect(screen.queryByRole('link', { name: 'Open your shop' })).toBeNull();
  });

  it('offers a buyer no vendor sign-up', async () => {
    signedIn();
    mockFetch({ ...emptyMarket, 'GET /api/me': () => json(user) });
    renderPage(<HomePage />);
    await screen.findByText('No shops yet');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Open your shop' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Browse products' })).toBeTruthy();
  });
});
