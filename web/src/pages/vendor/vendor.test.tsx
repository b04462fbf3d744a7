import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { client } from '../../api';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { ShopEditPage } from './ShopEditPage';
import { VendorOrdersPage } from './VendorOrdersPage';

const vendor = {
  id: 1,
  email: 'v@example.test',
  display_name: 'Vera',
  role: 'vendor',
  created_at: '',
};
const shop = {
  id: 4,
  slug: 'moss',
  name: 'Moss & Fern',
  description: '',
  accent_color: '#2f7d4f',
  logo: null,
  cover: null,
  shipping_policy: '',
  returns_policy: '',
  product_count: 0,
  created_at: '',
  updated_at: '',
};

describe('ShopEditPage', () => {
  it('creates a shop, previewing the branding live', async () => {
    client.tokens.set({ access: 'a', refresh: 'r' });
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop': () =>
        json({ title: 'Not found', status: 404, detail: 'No shop yet' }, 404),
      'POST /api/shops': () => json({ ...shop, name: 'Fern Hall', accent_color: '#f7e463' }, 201),
    });
    renderPage(<ShopEditPage />);
    fireEvent.change(await screen.findByLabelText('Shop name'), { target: { value: 'Fern Hall' } });
    fireEvent.change(screen.getByLabelText('Brand colour', { exact: true }), {
      target: { value: '#f7e463' },
    });
    const preview = screen.getByTestId('shop-preview');
    expect(preview).toHaveTextContent('Fern Hall');
    // Light brand colours get dark text, so the banner stays readable.
    const hero = preview.querySelector('.shop-hero') as HTMLElement;
    expect(hero.style.getPropertyValue('--shop-accent')).toBe('#f7e463');
    expect(hero.style.getPropertyValue('--shop-accent-text')).toBe('#000000');
    fireEvent.click(screen.getByRole('button', { name: 'Create shop' }));
    await screen.findByText(/Shop saved/);
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      name: 'Fern Hall',
      accent_color: '#f7e463',
      logo_image_id: null,
      cover_image_id: null,
    });
  });
});

describe('VendorOrdersPage', () => {
  it('filters by status and ships an order with tracking', async () => {
    client.tokens.set({ access: 'a', refresh: 'r' });
    const order = {
      id: 12,
      shop,
      buyer: { id: 2, display_name: 'Bo' },
      status: 'processing',
      total_cents: 1800,
      currency: 'USD',
      items: [
        { product_id: 1, name: 'Mug', unit_price_cents: 1800, quantity: 1, line_total_cents: 1800 },
      ],
      shipping_address: {
        name: 'Bo',
        line1: '1 Road',
        city: 'Town',
        postal_code: '1',
        country: 'SE',
      },
      events: [],
      created_at: '2026-11-01T10:00:00Z',
    };
    let shipped = false;
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop': () => json(shop),
      'GET /api/my/shop/orders': () =>
        json({
          items: [{ ...order, status: shipped ? 'shipped' : 'processing' }],
          page: 1,
          limit: 24,
          total: 1,
          pages: 1,
        }),
      'POST /api/orders/12/ship': () => {
        shipped = true;
        return json({ ...order, status: 'shipped' });
      },
    });
    renderPage(<VendorOrdersPage />, { url: '/vendor/orders?status=processing' });
    expect(await screen.findByText('1 × Mug')).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/my/shop/orders'))!.url).toContain(
      'status=processing',
    );
    expect(screen.queryByRole('button', { name: /Start processing/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ship order #12' }));
    fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'PostNord' } });
    fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: 'PN1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm shipment' }));
    await waitFor(() =>
      expect(screen.getByText('Shipped', { selector: '[data-status]' })).toBeInTheDocument(),
    );
    expect(calls.find((c) => c.url === '/api/orders/12/ship')!.body).toEqual({
      carrier: 'PostNord',
      tracking_number: 'PN1',
    });
  });
});
