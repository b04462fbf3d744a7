import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import type { Order } from '../../lib/api/types';
import { OrderTimeline } from './components/OrderTimeline';
import { OrderPage } from './pages/OrderPage';
import { shop, signedIn, user } from '../../test/fixtures';

describe('OrderPage', () => {
  const order = {
    id: 21,
    shop,
    buyer: { id: user.id, display_name: 'Bo' },
    status: 'paid',
    payment_status: 'authorized',
    total_cents: 3450,
    shipping_cents: 0,
    currency: 'USD',
    items: [
      {
        product_id: 9,
        name: 'Moss terrarium',
        unit_price_cents: 3450,
        quantity: 1,
        line_total_cents: 3450,
      },
    ],
    shipping_address: {
      name: 'Bo Buyer',
      line1: '1 Fern Road',
      city: 'Malmö',
      postal_code: '21100',
      country: 'SE',
    },
    can_cancel: true,
    events: [{ status: 'paid', actor: 'buyer', at: '2026-11-01T10:00:00Z' }],
    created_at: '2026-11-01T10:00:00Z',
  };

  it('lets the buyer cancel an order before it ships, with an optional reason', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders/21': () => json(order),
      'POST /api/orders/21/cancel': () =>
        json({
          ...order,
          status: 'cancelled',
          payment_status: 'voided',
          can_cancel: false,
          events: [
            ...order.events,
            {
              status: 'cancelled',
              note: 'Cancelled by the buyer: Changed my mind',
              actor: 'buyer',
              at: '2026-11-01T11:00:00Z',
            },
          ],
        }),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order #21' }));
    // Buyers are not vendors: no shipping or refunds for them.
    expect(screen.queryByRole('button', { name: /Ship|Refund/ })).toBeNull();
    const reason = screen.getByLabelText('Reason (optional)');
    expect(reason).not.toBeRequired();
    fireEvent.change(reason, { target: { value: 'Changed my mind' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm cancellation' }));
    const timeline = await screen.findByRole('list', { name: 'Order progress' });
    await waitFor(() =>
      expect(timeline).toHaveTextContent('Cancelled by the buyer: Changed my mind'),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cancelled');
    expect(screen.queryByRole('button', { name: 'Cancel order #21' })).toBeNull();
    const cancel = calls.find((c) => c.url === '/api/orders/21/cancel')!;
    expect(cancel.method).toBe('POST');
    expect(cancel.body).toEqual({ reason: 'Changed my mind' });
  });

  it('offers no cancel once the order has shipped', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders/21': () => json({ ...order, status: 'shipped', can_cancel: false }),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    await screen.findByRole('list', { name: 'Order progress' });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Ask about this order' })).toBeInTheDocument();
  });

  it('shows the shipping charged between the items and the total', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders/21': () => json({ ...order, shipping_cents: 495, total_cents: 3945 }),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    const rows = within(await screen.findByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'ProductQtyTotal',
      'Moss terrarium1$34.50',
      'Shipping$4.95',
      'Total$39.45',
    ]);
  });

  it('says shipping was free when the shop charged none', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders/21': () => json(order),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    expect(await screen.findByTestId('order-shipping')).toHaveTextContent('ShippingFree');
  });

  it('says the shop closed instead of offering to ask it', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders/21': () =>
        json({
          ...order,
          status: 'delivered',
          shop: { ...shop, closed_at: '2026-11-20T09:00:00Z' },
        }),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    await screen.findByRole('list', { name: 'Order progress' });
    expect(screen.queryByRole('link', { name: 'Ask about this order' })).toBeNull();
    expect(screen.getByText(/closed on .*2026: it no longer answers messages/)).toBeInTheDocument();
  });
});

type Event = Order['events'][number];
/** An order as the server sends it; events name only what a test needs. */
const order = (status: Order['status'], events: Partial<Event>[]): Order => ({
  id: 5,
  checkout_id: 5,
  shop: { id: 1, slug: 'moss', name: 'Moss', accent_color: '#2f7d4f', closed_at: null },
  buyer: { id: 2, display_name: 'Bo' },
  status,
  payment_status: 'captured',
  total_cents: 3450,
  shipping_cents: 0,
  currency: 'USD',
  items: [],
  shipping_address: { name: 'Bo', line1: '1 Road', city: 'Town', postal_code: '1', country: 'US' },
  carrier: 'DHL',
  tracking_number: 'TRACK123',
  tracking_url: null,
  cancel_reason: null,
  can_cancel: false,
  events: events.map((e) => ({ status, note: '', actor: 'system', at: '', ...e })),
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
});

describe('OrderTimeline', () => {
  it('marks the steps reached and the current one', () => {
    render(
      <OrderTimeline
        order={order('shipped', [
          { status: 'paid', at: '2026-11-01T10:00:00Z' },
          { status: 'shipped', at: '2026-11-02T10:00:00Z' },
        ])}
      />,
    );
    const steps = screen.getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      expect.stringContaining('Paid (done)'),
      expect.stringContaining('Processing (done)'),
      expect.stringContaining('Shipped (done)'),
      expect.stringContaining('Delivered (not yet)'),
    ]);
    expect(steps[2]).toHaveAttribute('aria-current', 'step');
    expect(steps[2]).toHaveTextContent('DHL tracking: TRACK123');
    expect(screen.queryByRole('link')).toBeNull(); // no tracking page known
  });

  it('links the tracking number to the carrier’s tracking page', () => {
    const url = 'https://www.dhl.com/global-en/home/tracking.html?tracking-id=TRACK123';
    render(
      <OrderTimeline
        order={{
          ...order('shipped', [{ status: 'shipped', at: '2026-11-02T10:00:00Z' }]),
          tracking_url: url,
        }}
      />,
    );
    expect(screen.getByRole('link', { name: /Track the parcel on DHL/ })).toHaveAttribute(
      'href',
      url,
    );
  });

  it('shows a cancellation after the steps it reached', () => {
    render(
      <OrderTimeline
        order={order('cancelled', [
          { status: 'paid', at: '2026-11-01T10:00:00Z' },
          { status: 'cancelled', at: '2026-11-01T11:00:00Z', note: 'Changed my mind' },
        ])}
      />,
    );
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(2);
    expect(steps[1]).toHaveTextContent('Cancelled');
    expect(steps[1]).toHaveTextContent('Changed my mind');
  });
});
