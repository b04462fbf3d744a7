import { render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type {
  Image,
  ProductSummary,
  Shop,
  ShopListItem,
  ShopWithProducts,
} from '../../lib/api/types';
import { ShopCard } from './components/ShopCard';
import { ShopPage } from './pages/ShopPage';
import { image, signedIn } from '../../test/fixtures';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';

const mossShop = { id: 1, slug: 'moss', name: 'Moss & Fern', accent_color: '#2f7d4f' };

const preview = (id: number, name: string, img: Image | null): ProductSummary => ({
  id,
  shop: mossShop,
  name,
  category: 'plants',
  price_cents: 3450,
  currency: 'USD',
  inventory: 3,
  in_stock: true,
  status: 'active',
  image: img && { ...img, alt_text: `${name}, close up` },
  rating_count: 0,
  rating_average: null,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
});

const plainShop: Shop = {
  ...mossShop,
  description: 'Tiny gardens under glass.',
  logo: null,
  cover: null,
  shipping_policy: '',
  returns_policy: '',
  shipping_rates: [],
  product_count: 2,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
  closed_at: null,
};

const listedShop = (products: ProductSummary[]): ShopListItem => ({ ...plainShop, products });

describe('ShopCard', () => {
  it('links to the shop and to each of its newest products', () => {
    render(
      <MemoryRouter>
        <ShopCard
          shop={listedShop([
            preview(12, 'Moss terrarium', image(5)),
            preview(11, 'Fern jar', null),
          ])}
        />
      </MemoryRouter>,
    );
    const links = screen.getAllByRole('link');
    // The shop first, then its products in the order given (newest first).
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/shops/moss',
      '/products/12',
      '/products/11',
    ]);
    expect(links[0]).toHaveAccessibleName('Moss & Fern');
    expect(links[1]).toHaveAccessibleName('Moss terrarium');
    expect(links[2]).toHaveAccessibleName('Fern jar');

    const list = screen.getByRole('list', { name: 'New from Moss & Fern' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    const thumb = links[1].querySelector('img');
    expect(thumb).toHaveAttribute('src', '/media/5/s.webp');
    expect(thumb).toHaveAttribute('loading', 'lazy');
    expect(thumb).toHaveAttribute('width', '64');
    expect(thumb).toHaveAttribute('height', '64');
    // The product without an image gets a placeholder tile, not a broken image.
    expect(links[2].querySelector('img')).toBeNull();
    expect(links[2].querySelector('.image-placeholder')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows no product row for a shop without products', () => {
    const { container } = render(
      <MemoryRouter>
        <ShopCard shop={listedShop([])} />
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(screen.queryByRole('list')).toBeNull();
    expect(container.querySelector('.shop-card-products')).toBeNull();
  });

  it('shows no product row for a shop that comes without the products field', () => {
    render(
      <MemoryRouter>
        <ShopCard shop={plainShop} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link')).toHaveAccessibleName('Moss & Fern');
    expect(screen.queryByRole('list')).toBeNull();
  });
});

describe('ShopPage', () => {
  const withProducts = (shop: Shop, items: ProductSummary[]): ShopWithProducts => ({
    ...shop,
    products: {
      items,
      total: items.length,
      page: 1,
      pages: 1,
      limit: 24,
      facets: { category: [] },
      next: null,
      total_capped: false,
    },
  });
  const showShop = (shop: ShopWithProducts) => {
    mockFetch({ 'GET /api/shops/moss': () => json(shop) });
    renderPage(<ShopPage />, { url: '/shops/moss', path: '/shops/:slug' });
  };

  it("shows an open shop's products and a way to write to it", async () => {
    showShop(withProducts(plainShop, [preview(12, 'Moss terrarium', null)]));
    expect(await screen.findByRole('link', { name: /Moss terrarium/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Contact shop' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Save Moss terrarium to favorites' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('This shop has closed')).toBeNull();
  });

  it('offers its own vendor neither hearts nor a way to write to the shop', async () => {
    signedIn();
    const vendor = { id: 7, email: 'vera@example.test', display_name: 'Vera', role: 'vendor' };
    mockFetch({
      'GET /api/me': () => json({ ...vendor, created_at: '' }),
      'GET /api/my/shop': () => json(plainShop),
      'GET /api/me/favorites/ids': () => json({ product_ids: [] }),
      'GET /api/shops/moss': () =>
        json(withProducts(plainShop, [preview(12, 'Moss terrarium', null)])),
    });
    renderPage(<ShopPage />, { url: '/shops/moss', path: '/shops/:slug' });
    expect(await screen.findByRole('link', { name: /Moss terrarium/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Contact shop' })).toBeNull());
    expect(screen.queryByRole('button', { name: /favorites/ })).toBeNull();
  });

  it('says a closed shop has closed, and offers no way to write to it', async () => {
    showShop(withProducts({ ...plainShop, closed_at: '2026-12-01T09:00:00Z' }, []));
    expect(await screen.findByText('This shop has closed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'your orders' })).toHaveAttribute('href', '/orders');
    expect(screen.queryByText('No products yet')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Contact shop' })).toBeNull();
  });

  it('tells buyers what shipping costs, per currency, and when it is free', async () => {
    showShop(
      withProducts(
        {
          ...plainShop,
          shipping_rates: [
            { currency: 'EUR', flat_cents: 600, free_over_cents: null },
            { currency: 'USD', flat_cents: 495, free_over_cents: 5000 },
          ],
        },
        [],
      ),
    );
    const rates = await screen.findByRole('list', { name: 'Shipping rates' });
    expect(
      within(rates)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['€6.00 per order', '$4.95 per order, free from $50.00']);
  });

  it('says a shop without rates ships free', async () => {
    showShop(withProducts(plainShop, []));
    expect(await screen.findByText('Free shipping on every order.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Shipping rates' })).toBeNull();
  });
});
