import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { ProductPage } from './pages/ProductPage';
import { SearchPage } from './pages/SearchPage';
import { product, shop, signedIn, user } from '../../test/fixtures';

describe('SearchPage', () => {
  it('shows results with facet counts and keeps filters in the URL', async () => {
    const { calls } = mockFetch({
      'GET /api/products': () =>
        json({
          items: [product],
          page: 1,
          limit: 24,
          total: 1,
          pages: 1,
          facets: {
            category: [
              { value: 'plants', count: 1 },
              { value: 'home', count: 4 },
            ],
          },
        }),
    });
    renderPage(<SearchPage />, { url: '/search?q=moss&in_stock=true' });
    expect(await screen.findByRole('link', { name: 'Moss terrarium' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Home 4' })).toBeInTheDocument();
    expect(screen.getByLabelText('In stock only')).toBeChecked();
    expect(calls[0].url).toBe('/api/products?q=moss&in_stock=true&limit=24');
    fireEvent.click(screen.getByRole('button', { name: 'Plants 1' }));
    await waitFor(() => expect(calls.at(-1)!.url).toContain('category=plants'));
    expect(screen.getByRole('button', { name: 'Plants 1' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('says when nothing matches', async () => {
    mockFetch({
      'GET /api/products': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0, facets: { category: [] } }),
    });
    renderPage(<SearchPage />, { url: '/search?q=zzz' });
    expect(await screen.findByText('Nothing matches')).toBeInTheDocument();
  });

  it('offers the closest spelling that finds something, as a link to that search', async () => {
    const empty = { items: [], page: 1, limit: 24, total: 0, pages: 0, facets: { category: [] } };
    const { calls } = mockFetch({
      'GET /api/products': (request) =>
        new URL(request.url, 'http://x').searchParams.get('q') === 'scraf'
          ? json({ ...empty, did_you_mean: 'scarf' })
          : json({ ...empty, items: [product], total: 1, pages: 1 }),
    });
    renderPage(<SearchPage />, { url: '/search?q=scraf&category=clothing&sort=price_asc' });
    expect(await screen.findByText('Nothing matches')).toBeInTheDocument();
    expect(screen.getByTestId('did-you-mean')).toHaveTextContent('Did you mean scarf?');
    const link = screen.getByRole('link', { name: 'scarf' });
    expect(link).toHaveAttribute('href', '/search?q=scarf&category=clothing&sort=price_asc');
    fireEvent.click(link);
    expect(await screen.findByRole('link', { name: 'Moss terrarium' })).toBeInTheDocument();
    expect(calls.at(-1)!.url).toBe(
      '/api/products?q=scarf&category=clothing&sort=price_asc&limit=24',
    );
    expect(screen.queryByTestId('did-you-mean')).not.toBeInTheDocument();
  });
});

describe('ProductPage', () => {
  const vendor = { ...user, id: 7, role: 'vendor', display_name: 'Vera' };
  const myShop = { ...shop, description: '', logo: null, cover: null };

  it('tells a vendor they cannot buy their own product, instead of offering the cart', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/products/9': () => json(product),
      'GET /api/my/shop': () => json(myShop),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
    });
    renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByTestId('own-product-note')).toHaveTextContent(
      'This product is from your own shop',
    );
    expect(screen.getByRole('link', { name: 'Edit it' })).toHaveAttribute(
      'href',
      '/vendor/products/9',
    );
    expect(screen.queryByRole('button', { name: 'Add to cart' })).toBeNull();
    expect(screen.queryByRole('button', { name: /favorites/ })).toBeNull();
    expect(calls.some((c) => c.url.startsWith('/api/cart'))).toBe(false);
  });

  it('offers the cart to a vendor of another shop, and to buyers without asking for a shop', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/products/9': () => json(product),
      'GET /api/my/shop': () => json({ ...myShop, id: 99, slug: 'other' }),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
    });
    const view = renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByRole('button', { name: 'Add to cart' })).toBeInTheDocument();
    expect(screen.queryByTestId('own-product-note')).toBeNull();
    view.unmount();

    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/products/9': () => json(product),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
    });
    renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByRole('button', { name: 'Add to cart' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Save Moss terrarium to favorites' }),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/my/shop')).toBe(false);
  });

  it('says what shipping costs, or that it ships free', async () => {
    const reviews = () => json({ items: [], page: 1, limit: 24, total: 0, pages: 0 });
    mockFetch({
      'GET /api/products/9': () =>
        json({ ...product, shipping: { currency: 'USD', flat_cents: 495, free_over_cents: 5000 } }),
      'GET /api/products/9/reviews': reviews,
    });
    const view = renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByTestId('product-shipping')).toHaveTextContent(
      'Shipping $4.95 per order from Moss & Fern, free from $50.00',
    );
    view.unmount();

    mockFetch({
      'GET /api/products/9': () => json(product),
      'GET /api/products/9/reviews': reviews,
    });
    renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByTestId('product-shipping')).toHaveTextContent('Free shipping');
  });
});
