import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProductCard } from '../../components/ProductCard';
import type { FavoriteItem, FavoritePage, ProductSummary } from '../../lib/api/types';
import { json, mockFetch, type MockCall } from '../../test/fetchMock';
import { shop, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { FavoriteButton } from './components/FavoriteButton';
import { FavoritesPage } from './pages/FavoritesPage';

const summary = (id: number, name: string): ProductSummary => ({
  id,
  shop,
  name,
  category: 'plants',
  price_cents: 3450,
  currency: 'USD',
  inventory: 7,
  in_stock: true,
  status: 'active',
  image: null,
  rating_count: 0,
  rating_average: null,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
});
const terrarium = summary(9, 'Moss terrarium');
const mug = summary(12, 'Speckled mug');

const full = {
  type: '/problems/favorites-full',
  title: 'Favorites full',
  status: 409,
  detail: 'You keep 500 favorites already, the most there can be: remove one to save another.',
};

/** An answer the test hands out when it chooses, to see what shows meanwhile. */
function later() {
  let answer: (response: Response) => void = () => {};
  const response = new Promise<Response>((resolve) => (answer = resolve));
  return { response: () => response, answer };
}

const idsCalls = (calls: MockCall[]) =>
  calls.filter((c) => c.method === 'GET' && c.url === '/api/me/favorites/ids');

/** Two product cards with their hearts, as a search shows them. */
function Cards() {
  return (
    <>
      {[terrarium, mug].map((product) => (
        <ProductCard
          key={product.id}
          product={product}
          action={<FavoriteButton product={product} />}
        />
      ))}
    </>
  );
}

/**
 * A signed-in buyer who saved the mug, and the favorites' routes; `routes`
 * adds or replaces some. The ids answered are those saved at the time.
 */
function favoritesServer(routes: Parameters<typeof mockFetch>[0] = {}) {
  signedIn();
  const saved = [12];
  return mockFetch({
    'GET /api/me': () => json(user),
    'GET /api/me/favorites/ids': () => json({ product_ids: [...saved] }),
    'PUT /api/me/favorites/9': () => {
      saved.unshift(9);
      return json({ product_id: 9, saved_at: '2026-12-07T10:00:00Z' });
    },
    ...routes,
  });
}

/** The hearts once the session and the saved ids are in (the mug's heart is pressed). */
async function heartsShown() {
  await screen.findByRole('button', { name: 'Remove Speckled mug from favorites' });
  return {
    terrarium: screen.getByRole('button', { name: /Moss terrarium/ }),
    mug: screen.getByRole('button', { name: /Speckled mug/ }),
  };
}

describe('FavoriteButton', () => {
  it('asks once for every card which products are saved, and shows them pressed', async () => {
    const { calls } = favoritesServer();
    renderPage(<Cards />);
    const hearts = await heartsShown();
    expect(hearts.mug).toHaveAttribute('aria-pressed', 'true');
    expect(hearts.terrarium).toHaveAttribute('aria-pressed', 'false');
    expect(hearts.terrarium).toHaveAccessibleName('Save Moss terrarium to favorites');
    expect(idsCalls(calls)).toHaveLength(1);
  });

  it('saves at once, before the server answers, without opening the product', async () => {
    const put = later();
    const { calls } = favoritesServer({ 'PUT /api/me/favorites/9': put.response });
    const { router } = renderPage(<Cards />, { url: '/search?q=moss', path: '/search' });
    const heart = (await heartsShown()).terrarium;
    // The heart is no part of the card's link: a press stays on the page.
    expect(heart.closest('a')).toBeNull();
    fireEvent.click(heart);
    await waitFor(() => expect(heart).toHaveAttribute('aria-pressed', 'true'));
    expect(heart).toHaveAccessibleName('Remove Moss terrarium from favorites');
    expect(calls.some((c) => c.method === 'PUT' && c.url === '/api/me/favorites/9')).toBe(true);
    put.answer(json({ product_id: 9, saved_at: '2026-12-07T10:00:00Z' }));
    await waitFor(() => expect(idsCalls(calls)).toHaveLength(2)); // asked anew once settled
    expect(router.state.location.pathname + router.state.location.search).toBe('/search?q=moss');
  });

  it('sends an undo pressed before the save is answered after it, in order', async () => {
    const put = later();
    const { calls } = favoritesServer({
      'PUT /api/me/favorites/9': put.response,
      'DELETE /api/me/favorites/9': () => new Response(null, { status: 204 }),
    });
    renderPage(<Cards />);
    const heart = (await heartsShown()).terrarium;
    fireEvent.click(heart);
    await waitFor(() => expect(heart).toHaveAttribute('aria-pressed', 'true'));
    fireEvent.click(heart);
    await waitFor(() => expect(heart).toHaveAttribute('aria-pressed', 'false'));
    const changes = () =>
      calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url}`);
    expect(changes()).toEqual(['PUT /api/me/favorites/9']);
    put.answer(json({ product_id: 9, saved_at: '2026-12-07T10:00:00Z' }));
    await waitFor(() =>
      expect(changes()).toEqual(['PUT /api/me/favorites/9', 'DELETE /api/me/favorites/9']),
    );
    await waitFor(() => expect(idsCalls(calls)).toHaveLength(2));
    expect(heart).toHaveAttribute('aria-pressed', 'false');
  });

  it('takes a save back when it fails, and says so', async () => {
    const put = later();
    favoritesServer({ 'PUT /api/me/favorites/9': put.response });
    renderPage(<Cards />);
    const hearts = await heartsShown();
    fireEvent.click(hearts.terrarium);
    await waitFor(() => expect(hearts.terrarium).toHaveAttribute('aria-pressed', 'true'));
    put.answer(json({ title: 'Internal error', status: 500 }, 500));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    expect(hearts.terrarium).toHaveAttribute('aria-pressed', 'false');
    expect(hearts.terrarium).toHaveAccessibleName('Save Moss terrarium to favorites');
    // The other product's heart kept its own state.
    expect(hearts.mug).toHaveAttribute('aria-pressed', 'true');
  });

  it('takes a removal back when it fails', async () => {
    const remove = later();
    favoritesServer({ 'DELETE /api/me/favorites/12': remove.response });
    renderPage(<Cards />);
    const heart = (await heartsShown()).mug;
    fireEvent.click(heart);
    await waitFor(() => expect(heart).toHaveAttribute('aria-pressed', 'false'));
    remove.answer(json({ title: 'Internal error', status: 500 }, 500));
    await screen.findByRole('alert');
    expect(heart).toHaveAttribute('aria-pressed', 'true');
    expect(heart).toHaveAccessibleName('Remove Speckled mug from favorites');
  });

  it('shows the server’s words when the favorites are full, until dismissed', async () => {
    favoritesServer({ 'PUT /api/me/favorites/9': () => json(full, 409) });
    renderPage(<Cards />);
    const heart = (await heartsShown()).terrarium;
    fireEvent.click(heart);
    expect(await screen.findByRole('alert')).toHaveTextContent(full.detail);
    expect(heart).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('sends a guest to sign in and back to the page, which saves the product then', async () => {
    const { calls } = mockFetch({});
    const { router } = renderPage(<Cards />, { url: '/search?q=moss', path: '/search' });
    const heart = screen.getByRole('button', { name: 'Save Moss terrarium to favorites' });
    expect(heart).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(heart);
    await screen.findByText('elsewhere');
    expect(router.state.location.pathname).toBe('/signin');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/search?q=moss&save=9',
    );
    expect(calls.filter((c) => c.url.startsWith('/api/me/favorites'))).toEqual([]);
  });

  it('saves the product a guest pressed once they are back signed in, and only that one', async () => {
    signedIn();
    let ids: number[] = [];
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/me/favorites/ids': () => json({ product_ids: ids }),
      'PUT /api/me/favorites/9': () => {
        ids = [9];
        return json({ product_id: 9, saved_at: '2026-12-08T00:00:00Z' });
      },
    });
    const { router } = renderPage(<Cards />, { url: '/search?q=moss&save=9', path: '/search' });
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Remove Moss terrarium from favorites' }),
      ).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(router.state.location.search).toBe('?q=moss');
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.url)).toEqual([
      '/api/me/favorites/9',
    ]);
    expect(screen.getByRole('button', { name: 'Save Speckled mug to favorites' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });
});

describe('FavoritesPage', () => {
  const item = (product: ProductSummary, available = true): FavoriteItem => ({
    product_id: product.id,
    saved_at: '2026-12-01T10:00:00Z',
    available,
    product,
  });
  const pageOf = (items: FavoriteItem[], more: Partial<FavoritePage> = {}): FavoritePage => ({
    items,
    page: 1,
    limit: 24,
    total: items.length,
    pages: items.length ? 1 : 0,
    ...more,
  });

  it('lists the favorites; one no longer on sale is greyed, without a link', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/me/favorites': () => json(pageOf([item(terrarium), item(mug, false)])),
    });
    renderPage(<FavoritesPage />, { url: '/favorites' });
    const items = await screen.findAllByTestId('favorite-item');
    expect(items).toHaveLength(2);
    expect(document.title).toBe('Favorites · PocketShop');
    expect(screen.getByTestId('favorite-count')).toHaveTextContent('2 saved products');

    const [onSale, gone] = items;
    expect(within(onSale).getByRole('link', { name: 'Moss terrarium' })).toHaveAttribute(
      'href',
      '/products/9',
    );
    expect(within(onSale).queryByText('No longer available')).toBeNull();
    expect(gone).toHaveClass('is-unavailable');
    expect(within(gone).getByText('No longer available')).toBeInTheDocument();
    expect(within(gone).getByRole('heading', { name: 'Speckled mug' })).toBeInTheDocument();
    expect(within(gone).queryByRole('link')).toBeNull();
    expect(
      within(gone).getByRole('button', { name: 'Remove Speckled mug from favorites' }),
    ).toBeInTheDocument();
  });

  it('removes a favorite', async () => {
    signedIn();
    let items = [item(terrarium), item(mug, false)];
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/me/favorites': () => json(pageOf(items)),
      'DELETE /api/me/favorites/12': () => {
        items = items.filter((i) => i.product_id !== 12);
        return new Response(null, { status: 204 });
      },
    });
    renderPage(<FavoritesPage />, { url: '/favorites' });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Remove Speckled mug from favorites' }),
    );
    await waitFor(() => expect(screen.getAllByTestId('favorite-item')).toHaveLength(1));
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/me/favorites/12')).toBe(true);
    expect(screen.queryByText('Speckled mug')).toBeNull();
    expect(screen.getByTestId('favorite-count')).toHaveTextContent('1 saved product');
  });

  it('says when a removal fails, and keeps the favorite', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/me/favorites': () => json(pageOf([item(terrarium)])),
      'DELETE /api/me/favorites/9': () => json({ title: 'Internal error', status: 500 }, 500),
    });
    renderPage(<FavoritesPage />, { url: '/favorites' });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Remove Moss terrarium from favorites' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getAllByTestId('favorite-item')).toHaveLength(1);
  });

  it('goes through the pages', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/me/favorites': (call) => {
        const page = Number(new URL(call.url, 'http://x').searchParams.get('page'));
        return json(pageOf([item(page === 1 ? terrarium : mug)], { page, total: 25, pages: 2 }));
      },
    });
    renderPage(<FavoritesPage />, { url: '/favorites' });
    const asked = () =>
      calls.filter((c) => c.url.startsWith('/api/me/favorites')).map((c) => c.url);
    await screen.findByRole('link', { name: 'Moss terrarium' });
    expect(asked()).toEqual(['/api/me/favorites?page=1&limit=24']);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: 'Speckled mug' });
    expect(asked().at(-1)).toBe('/api/me/favorites?page=2&limit=24');
    expect(screen.getByTestId('page-count')).toHaveTextContent('Page 2 of 2');
  });

  it('says there are none yet, with a way to browse', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/me/favorites': () => json(pageOf([])),
    });
    renderPage(<FavoritesPage />, { url: '/favorites' });
    expect(await screen.findByText('No favorites yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse products' })).toHaveAttribute(
      'href',
      '/search',
    );
    expect(screen.queryByTestId('favorite-item')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull();
  });
});
