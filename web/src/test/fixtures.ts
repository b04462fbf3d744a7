// Shapes the mocked API answers with, shared by the tests of several features.
import { client } from '../lib/api';
import type { Image } from '../lib/api/types';

export const user = {
  id: 3,
  email: 'bo@example.test',
  display_name: 'Bo',
  role: 'buyer',
  created_at: '',
};
export const shop = { id: 1, slug: 'moss', name: 'Moss & Fern', accent_color: '#2f7d4f' };
export const product = {
  id: 9,
  shop,
  name: 'Moss terrarium',
  description: '',
  category: 'plants',
  price_cents: 3450,
  currency: 'USD',
  inventory: 7,
  in_stock: true,
  status: 'active',
  image: null,
  images: [],
  created_at: '',
  updated_at: '',
  shipping: { currency: 'USD', flat_cents: 0, free_over_cents: null },
};
export const cart = {
  items: [
    {
      product: { ...product, image: null },
      quantity: 2,
      unit_price_cents: 3450,
      line_total_cents: 6900,
      warning: null,
    },
  ],
  shops: [],
  subtotal_cents: 6900,
  shipping_cents: 0,
  total_cents: 6900,
  currency: 'USD',
  item_count: 2,
  warnings: [],
};
cart.shops = [
  {
    shop,
    subtotal_cents: 6900,
    items: cart.items,
    shipping_cents: 0,
    free_shipping_over_cents: null,
  },
] as never;

/** Signs in (the mocked API decides as whom). */
export function signedIn() {
  client.session.set('access');
}

export const image = (id: number): Image => ({
  id,
  width: 800,
  height: 800,
  urls: {
    small: `/media/${id}/s.webp`,
    medium: `/media/${id}/m.webp`,
    large: `/media/${id}/l.webp`,
  },
});
