import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../lib/api/types';
import { json, mockFetch } from '../../test/fetchMock';
import { shop, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { OrderPage } from './pages/OrderPage';

const vendor = { ...user, id: 8, display_name: 'Vera', role: 'vendor' };

/** A delivered order of two terrariums and a card, as the server sends it. */
const delivered: Order = {
  id: 21,
  checkout_id: 4,
  shop: { ...shop, closed_at: null },
  buyer: { id: user.id, display_name: 'Bo' },
  status: 'delivered',
  payment_status: 'captured',
  total_cents: 7300,
  shipping_cents: 0,
  currency: 'USD',
  items: [
    {
      product_id: 9,
      name: 'Moss terrarium',
      unit_price_cents: 3450,
      quantity: 2,
      line_total_cents: 6900,
      image: null,
    },
    {
      product_id: 11,
      name: 'Fern card',
      unit_price_cents: 400,
      quantity: 1,
      line_total_cents: 400,
      image: null,
    },
  ],
  shipping_address: {
    name: 'Bo Buyer',
    line1: '1 Fern Road',
    city: 'Malmö',
    postal_code: '21100',
    country: 'SE',
  },
  carrier: 'PostNord',
  tracking_number: 'PN1',
  tracking_url: null,
  cancel_reason: null,
  can_cancel: false,
  events: [{ status: 'delivered', note: '', actor: 'vendor', at: '2026-11-03T10:00:00Z' }],
  refunds: [],
  refunded_cents: 0,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-03T10:00:00Z',
};

const oneTerrariumBack = {
  id: 3,
  amount_cents: 3450,
  reason: 'Glass cracked',
  items: [{ product_id: 9, quantity: 1 }],
  created_at: '2026-11-04T09:30:00Z',
};

describe('the buyer’s order page', () => {
  it('shows the card paid with, each refund with its date and reason, and the total refunded', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders/21': () =>
        json({
          ...delivered,
          payment: { card_brand: 'visa', card_last4: '4242', amount_cents: 7300 },
          refunds: [
            oneTerrariumBack,
            { ...oneTerrariumBack, id: 4, amount_cents: 400, reason: '' },
          ],
          refunded_cents: 3850,
        }),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    expect(await screen.findByTestId('payment')).toHaveTextContent(
      'Paid $73.00 with Visa ending in 4242',
    );
    const refunds = screen.getAllByTestId('refund');
    expect(refunds).toHaveLength(2);
    expect(refunds[0]).toHaveTextContent('$34.50');
    expect(refunds[0]).toHaveTextContent('Glass cracked');
    expect(refunds[0]).toHaveTextContent('2026');
    expect(refunds[1]).toHaveTextContent('$4.00');
    expect(screen.getByTestId('refunded-total')).toHaveTextContent(
      'Refunded in all: $38.50 to Visa ending in 4242',
    );
    // Buyers do not refund.
    expect(screen.queryByRole('button', { name: /Refund/ })).toBeNull();
  });

  it('shows no refunds section before any refund', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/orders/21': () => json(delivered),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    expect(await screen.findByTestId('payment')).toHaveTextContent('Total $73.00');
    expect(screen.queryByTestId('refunds')).toBeNull();
  });
});

describe('the vendor’s partial refund', () => {
  function openRefund() {
    signedIn();
    let current: Order = { ...delivered, platform_fee_cents: 730, vendor_net_cents: 6570 };
    const mocked = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/orders/21': () => json(current),
      'POST /api/orders/21/refunds': () => {
        current = {
          ...current,
          refunds: [oneTerrariumBack],
          refunded_cents: 3450,
          platform_fee_cents: 385,
          vendor_net_cents: 3465,
        };
        return json({ refund: oneTerrariumBack, order: current }, 201);
      },
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    return mocked;
  }

  it('refunds the items chosen after confirming the total, with an Idempotency-Key', async () => {
    const { calls } = openRefund();
    fireEvent.click(await screen.findByRole('button', { name: 'Refund order #21' }));
    const form = screen.getByRole('form', { name: 'Refund order #21' });
    const terrariums = within(form).getByLabelText('Moss terrarium: how many to refund');
    expect(terrariums).toHaveAttribute('max', '2');
    fireEvent.change(terrariums, { target: { value: '1' } });
    expect(screen.getByTestId('refund-total')).toHaveTextContent('To refund: $34.50');
    fireEvent.change(within(form).getByLabelText('Reason (optional)'), {
      target: { value: 'Glass cracked' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Review refund' }));
    expect(screen.getByTestId('refund-confirmation')).toHaveTextContent(
      'Refund $34.50 to Bo’s card? This cannot be undone.',
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm refund' }));

    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Refunded $34.50.'),
    );
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/orders/21/refunds');
    expect(post.body).toEqual({
      items: [{ product_id: 9, quantity: 1 }],
      reason: 'Glass cracked',
    });
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    // The order shows the refund; one terrarium is left to refund.
    expect(await screen.findByTestId('refunded-total')).toHaveTextContent('$34.50');
    expect(screen.getByTestId('vendor-net')).toHaveTextContent('you keep $34.65');
    fireEvent.click(screen.getByRole('button', { name: 'Refund order #21' }));
    expect(screen.getByLabelText('Moss terrarium: how many to refund')).toHaveAttribute('max', '1');
  });

  it('offers the vendor to message the buyer in the order’s thread', async () => {
    openRefund();
    const link = await screen.findByRole('link', { name: 'Message the buyer' });
    expect(link).toHaveAttribute('href', '/messages/new?order=21');
    expect(screen.queryByRole('link', { name: 'Ask about this order' })).toBeNull();
  });

  it('refunds an amount, and refuses more than is left before sending', async () => {
    const { calls } = openRefund();
    fireEvent.click(await screen.findByRole('button', { name: 'Refund order #21' }));
    fireEvent.click(screen.getByRole('radio', { name: 'An amount' }));
    const amount = screen.getByLabelText('Amount (USD)');
    fireEvent.change(amount, { target: { value: '80' } });
    expect(screen.getByTestId('refund-total')).toHaveTextContent('more than is left');
    expect(screen.getByRole('button', { name: 'Review refund' })).toBeDisabled();
    fireEvent.change(amount, { target: { value: '5.25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review refund' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm refund' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Refunded $5.25.'),
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ amount_cents: 525 });
  });

  it('shows an over-refund problem, retries with the same key, and a changed refund gets a new one', async () => {
    signedIn();
    let answers = 0;
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/orders/21': () => json(delivered),
      'POST /api/orders/21/refunds': () => {
        answers += 1;
        return answers === 1
          ? json({ title: 'Server error', status: 503 }, 503)
          : json(
              {
                type: '/problems/refund-exceeds-captured',
                title: 'Refund too large',
                status: 409,
                detail: 'Only $10.00 is left to refund.',
              },
              409,
            );
      },
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    fireEvent.click(await screen.findByRole('button', { name: 'Refund order #21' }));
    fireEvent.change(screen.getByLabelText('Fern card: how many to refund'), {
      target: { value: '1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Review refund' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm refund' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('refunds it once at most');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The refund was not made: Only $10.00 is left to refund.',
      ),
    );
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1].headers['Idempotency-Key']).toBe(posts[0].headers['Idempotency-Key']);

    fireEvent.click(screen.getByRole('button', { name: 'Change the refund' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review refund' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm refund' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(3));
    const third = calls.filter((c) => c.method === 'POST')[2];
    expect(third.headers['Idempotency-Key']).not.toBe(posts[0].headers['Idempotency-Key']);
  });

  it('offers no partial refund once everything is refunded', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/orders/21': () =>
        json({
          ...delivered,
          status: 'refunded',
          payment_status: 'refunded',
          refunded_cents: 7300,
        }),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    await screen.findByTestId('payment');
    expect(screen.queryByRole('button', { name: /Refund/ })).toBeNull();
  });
});

describe('the vendor’s disputed payment', () => {
  const openDispute: NonNullable<Order['dispute']> = {
    status: 'open',
    taken_back_cents: 7300,
    opened_at: '2026-11-10T10:00:00Z',
    closed_at: null,
    evidence_due_by: '2026-12-01T10:00:00Z',
    evidence_submitted_at: null,
  };

  function showDispute(dispute?: NonNullable<Order['dispute']>) {
    signedIn();
    // $73.00 at a 10% fee: the vendor keeps $65.70, or owes the fee while
    // the dispute holds the whole payment back.
    const vendorNet = dispute && dispute.status !== 'won' ? -730 : 6570;
    let current: Order = {
      ...delivered,
      platform_fee_cents: 730,
      vendor_net_cents: vendorNet,
      dispute,
    };
    const mocked = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/orders/21': () => json(current),
      'POST /api/orders/21/dispute/evidence': () => {
        current = {
          ...current,
          dispute: { ...openDispute, evidence_submitted_at: '2026-11-11T09:00:00Z' },
        };
        return json(current);
      },
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    return mocked;
  }

  it('says what was taken back and sends the vendor’s one answer to the bank', async () => {
    const { calls } = showDispute(openDispute);
    const standing = await screen.findByTestId('dispute-standing');
    expect(standing).toHaveTextContent('$73.00 was taken back from your earnings');
    expect(standing).toHaveTextContent(/by .*2026/);
    expect(screen.getByTestId('vendor-net')).toHaveTextContent(
      'Platform fee $7.30 · held back by a dispute $73.00 · you keep -$7.30',
    );
    fireEvent.change(screen.getByLabelText('Your answer to the bank'), {
      target: { value: '  Delivered by PostNord on 3 November, signed for.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send to the bank' }));
    await waitFor(() =>
      expect(screen.getByTestId('dispute-standing')).toHaveTextContent(
        /Your answer went to the bank on .*2026; it is reviewing it/,
      ),
    );
    expect(screen.queryByRole('button', { name: 'Send to the bank' })).toBeNull();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/orders/21/dispute/evidence');
    expect(post.body).toEqual({ explanation: 'Delivered by PostNord on 3 November, signed for.' });
  });

  it('says how the bank decided, with nothing left to send', async () => {
    showDispute({ ...openDispute, status: 'won', closed_at: '2026-11-20T10:00:00Z' });
    expect(await screen.findByTestId('dispute-standing')).toHaveTextContent(
      'The bank decided for your shop: the $73.00 taken back is in your earnings again.',
    );
    expect(screen.getByTestId('vendor-net')).not.toHaveTextContent('dispute');
    expect(screen.queryByRole('button', { name: 'Send to the bank' })).toBeNull();
  });

  it('keeps showing the dispute after a refund, whose answer does not carry it', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/orders/21': () => json({ ...delivered, dispute: openDispute }),
      'POST /api/orders/21/refunds': () =>
        json(
          {
            refund: oneTerrariumBack,
            order: { ...delivered, refunds: [oneTerrariumBack], refunded_cents: 3450 },
          },
          201,
        ),
    });
    renderPage(<OrderPage />, { url: '/orders/21', path: '/orders/:id' });
    await screen.findByTestId('dispute-standing');
    fireEvent.click(screen.getByRole('button', { name: 'Refund order #21' }));
    const form = screen.getByRole('form', { name: 'Refund order #21' });
    fireEvent.change(within(form).getByLabelText('Moss terrarium: how many to refund'), {
      target: { value: '1' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Review refund' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm refund' }));
    expect(await screen.findByTestId('refunded-total')).toHaveTextContent('$34.50');
    expect(screen.getByTestId('dispute-standing')).toHaveTextContent('was taken back');
  });

  it('shows no dispute on an order whose payment was not disputed', async () => {
    showDispute();
    await screen.findByTestId('payment');
    expect(screen.queryByRole('heading', { name: 'Payment disputed' })).toBeNull();
  });
});
