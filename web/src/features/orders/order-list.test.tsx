import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { image, shop, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { OrdersPage } from './pages/OrdersPage';

const item = (productId: number, name: string, withImage: boolean) => ({
  product_id: productId,
  name,
  unit_price_cents: 1000,
  quantity: 1,
  line_total_cents: 1000,
  image: withImage ? { ...image(productId), alt_text: '' } : null,
});

const order = {
  id: 21,
  checkout_id: 4,
  shop,
  buyer: { id: user.id, display_name: 'Bo' },
  status: 'refunded',
  payment_status: 'refunded',
  total_cents: 5000,
  currency: 'USD',
  items: [
    item(1, 'Moss terrarium', true),
    item(2, 'Fern card', false),
    item(3, 'Glass dome', true),
    item(4, 'Pebbles', true),
  ],
  shipping_address: null,
  carrier: null,
  tracking_number: null,
  tracking_url: null,
  cancel_reason: null,
  can_cancel: false,
  events: [],
  refunds: [],
  refunded_cents: 3450,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
};

describe('the buyer’s order list', () => {
  it('names each order’s products with a thumbnail, and tells what was refunded', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders': () => json({ items: [order], page: 1, limit: 20, total: 1, pages: 1 }),
    });
    const { container } = renderPage(<OrdersPage />, { url: '/orders' });
    const products = await screen.findByRole('list', { name: 'Products in order #21' });
    const rows = within(products).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Moss terrarium',
      'Fern card',
      'Glass dome',
      'and 1 more',
    ]);
    const thumbs = [...container.querySelectorAll('.order-items-preview img')];
    expect(thumbs.map((img) => img.getAttribute('src'))).toEqual([
      '/media/1/s.webp',
      '/media/3/s.webp',
    ]);
    expect(screen.getByTestId('order-refunded')).toHaveTextContent('Refunded $34.50');
  });
});
