import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { client } from '../../lib/api';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { EarningsPage } from './pages/EarningsPage';
import { ProductsPage } from './pages/ProductsPage';
import { ShopEditPage } from './pages/ShopEditPage';
import { VendorOrdersPage } from './pages/VendorOrdersPage';

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
  shipping_rates: [],
  product_count: 0,
  created_at: '',
  updated_at: '',
  closed_at: null,
};

describe('ShopEditPage', () => {
  it('creates a shop, previewing the branding live', async () => {
    client.session.set('a');
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

const order = {
  id: 12,
  shop,
  buyer: { id: 2, display_name: 'Bo' },
  status: 'processing',
  total_cents: 1800,
  shipping_cents: 0,
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

/** The vendor's order list holding one order whose status the test changes. */
function shopWithOneOrder(state: { status: string }, routes: Parameters<typeof mockFetch>[0]) {
  client.session.set('a');
  return mockFetch({
    'GET /api/me': () => json(vendor),
    'GET /api/my/shop': () => json(shop),
    'GET /api/my/shop/orders': () =>
      json({ items: [{ ...order, ...state }], page: 1, limit: 24, total: 1, pages: 1 }),
    ...routes,
  });
}

describe('VendorOrdersPage', () => {
  it('filters by status and ships an order with tracking', async () => {
    client.session.set('a');
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
    const listed = calls.filter((c) => c.url.startsWith('/api/my/shop/orders'));
    expect(listed.find((c) => !c.url.includes('limit=1'))!.url).toContain('status=processing');
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

describe('VendorOrdersPage refunds and cancellations', () => {
  it.each(['shipped', 'delivered'])(
    'refunds a %s order only after confirming the amount',
    async (status) => {
      const state = { status };
      const { calls } = shopWithOneOrder(state, {
        'POST /api/orders/12/refund': () => {
          state.status = 'refunded';
          return json({ ...order, status: 'refunded', payment_status: 'refunded' });
        },
      });
      renderPage(<VendorOrdersPage />, { url: '/vendor/orders' });
      const refund = await screen.findByRole('button', { name: 'Refund order #12' });
      expect(refund).toHaveAttribute('aria-expanded', 'false');
      // Neither cancelling nor (for a delivered order) delivering is offered.
      expect(screen.queryByRole('button', { name: /Cancel order/ })).toBeNull();
      fireEvent.click(refund);
      expect(refund).toHaveAttribute('aria-expanded', 'true');
      // The first click only asks: nothing is sent yet.
      const form = screen.getByRole('form', { name: 'Refund order #12' });
      expect(form).toHaveTextContent('Refund $18.00 to Bo’s card? This cannot be undone.');
      expect(calls.some((c) => c.url.endsWith('/refund'))).toBe(false);
      fireEvent.change(screen.getByLabelText('Reason (optional)'), {
        target: { value: 'Arrived broken' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Confirm refund' }));
      await waitFor(() =>
        expect(screen.getByText('Refunded', { selector: '[data-status]' })).toBeInTheDocument(),
      );
      const refunds = calls.filter((c) => c.url === '/api/orders/12/refund');
      expect(refunds).toHaveLength(1);
      expect(refunds[0].method).toBe('POST');
      expect(refunds[0].body).toEqual({ reason: 'Arrived broken' });
      // A refunded order has no further actions.
      expect(screen.queryByRole('button', { name: 'Refund order #12' })).toBeNull();
    },
  );

  it('offers no refund before the order ships', async () => {
    shopWithOneOrder({ status: 'paid' }, {});
    renderPage(<VendorOrdersPage />, { url: '/vendor/orders' });
    await screen.findByRole('button', { name: 'Ship order #12' });
    expect(screen.queryByRole('button', { name: 'Refund order #12' })).toBeNull();
  });

  it('shows why a refund failed and keeps the order as it was', async () => {
    shopWithOneOrder(
      { status: 'shipped' },
      {
        'POST /api/orders/12/refund': () =>
          json(
            {
              title: 'Payment gateway error',
              status: 502,
              detail: 'The payment gateway refused; nothing was changed.',
            },
            502,
          ),
      },
    );
    renderPage(<VendorOrdersPage />, { url: '/vendor/orders' });
    fireEvent.click(await screen.findByRole('button', { name: 'Refund order #12' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm refund' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please try again.');
    expect(screen.getByText('Shipped', { selector: '[data-status]' })).toBeInTheDocument();
  });

  it('cancels with the reason the vendor gives, which the form requires', async () => {
    const state = { status: 'paid' };
    const { calls } = shopWithOneOrder(state, {
      'POST /api/orders/12/cancel': () => {
        state.status = 'cancelled';
        return json({ ...order, status: 'cancelled' });
      },
    });
    renderPage(<VendorOrdersPage />, { url: '/vendor/orders' });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order #12' }));
    const reason = screen.getByLabelText('Reason');
    expect(reason).toBeRequired();
    expect(reason).toHaveAccessibleDescription('The buyer sees this reason.');
    fireEvent.change(reason, { target: { value: 'Out of clay' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() =>
      expect(screen.getByText('Cancelled', { selector: '[data-status]' })).toBeInTheDocument(),
    );
    const cancel = calls.find((c) => c.url === '/api/orders/12/cancel')!;
    expect(cancel.method).toBe('POST');
    expect(cancel.body).toEqual({ reason: 'Out of clay' });
  });

  it('shows the server’s error next to the reason', async () => {
    shopWithOneOrder(
      { status: 'processing' },
      {
        'POST /api/orders/12/cancel': () =>
          json(
            {
              title: 'Invalid fields',
              status: 422,
              detail: 'One or more fields are invalid.',
              errors: { reason: ['is required when the vendor cancels'] },
            },
            422,
          ),
      },
    );
    renderPage(<VendorOrdersPage />, { url: '/vendor/orders' });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order #12' }));
    fireEvent.submit(screen.getByRole('form', { name: 'Cancel order #12' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription(
        'The buyer sees this reason. is required when the vendor cancels',
      ),
    );
    expect(screen.getByText('Processing', { selector: '[data-status]' })).toBeInTheDocument();
  });
});

/** A shop that has sold nothing that counts yet and has no payout account. */
const noPayoutsYet = {
  'GET /api/my/payout-account': () =>
    json(
      {
        type: '/problems/payout-account-required',
        title: 'Payout account required',
        status: 409,
        detail: 'Connect a payout account first.',
      },
      409,
    ),
  'GET /api/my/earnings/orders': () => json({ items: [], page: 1, limit: 20, total: 0, pages: 0 }),
};

describe('EarningsPage', () => {
  it('shows what is owed and a line per sale and refund, with the fee', async () => {
    client.session.set('a');
    const line = {
      transaction_id: 7,
      kind: 'sale',
      order_id: 12,
      currency: 'USD',
      created_at: '2026-11-02T10:00:00Z',
      gross_cents: 1800,
      fee_cents: 180,
      net_cents: 1620,
      balance_cents: 1620,
    };
    const payoutLine = {
      ...line,
      transaction_id: 8,
      kind: 'payout',
      order_id: 0,
      gross_cents: 0,
      fee_cents: 0,
      net_cents: -1620,
      balance_cents: 0,
    };
    const disputeLine = {
      ...payoutLine,
      transaction_id: 9,
      kind: 'dispute',
      gross_cents: -700,
      net_cents: -700,
    };
    const wonLine = {
      ...disputeLine,
      transaction_id: 10,
      kind: 'dispute_won',
      gross_cents: 700,
      net_cents: 700,
    };
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop': () => json(shop),
      'GET /api/my/balance': () =>
        json({
          balances: [
            {
              currency: 'USD',
              balance_cents: 1620,
              pending_cents: 1200,
              available_cents: 420,
              paid_cents: 5000,
            },
          ],
          platform_fee_bps: 1000,
          payout_hold_days: 7,
        }),
      'GET /api/my/statement': () =>
        json({
          items: [wonLine, disputeLine, line, payoutLine],
          page: 2,
          limit: 20,
          total: 23,
          pages: 2,
        }),
      ...noPayoutsYet,
    });
    renderPage(<EarningsPage />, { url: '/vendor/earnings?page=2' });
    expect(await screen.findByTestId('balance-USD')).toHaveTextContent('$16.20');
    expect(screen.getByTestId('pending-USD')).toHaveTextContent('$12.00');
    expect(screen.getByTestId('available-USD')).toHaveTextContent('$4.20');
    expect(screen.getByTestId('paid-USD')).toHaveTextContent('$50.00');
    expect(screen.getByText(/7 days after the order is delivered/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Payouts' })).toBeInTheDocument();
    expect(screen.getByText(/after its 10% fee/)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Statement' });
    expect(table).toHaveTextContent('#12');
    expect(table).toHaveTextContent('Sale');
    expect(table).toHaveTextContent('$18.00');
    expect(table).toHaveTextContent('$1.80');
    expect(calls.find((c) => c.url.startsWith('/api/my/statement'))!.url).toContain('page=2');
    // A payout's line names no order, and says what it is.
    const payoutRow = within(table).getByRole('row', { name: /Payout/ });
    expect(within(payoutRow).getAllByRole('cell')[1]).toHaveTextContent('—');
    expect(payoutRow).toHaveTextContent('-$16.20');
    // A dispute takes the vendor's share back; won, it gives it back: both
    // in the refunds and disputes column.
    const [wonRow, disputeRow] = within(table).getAllByRole('row', { name: /Dispute/ });
    expect(wonRow).toHaveTextContent('Dispute won');
    expect(within(wonRow).getAllByRole('cell')[4]).toHaveTextContent('$7.00');
    expect(within(disputeRow).getAllByRole('cell')[4]).toHaveTextContent('-$7.00');
    expect(
      within(table).getByRole('columnheader', { name: 'Refunds, disputes' }),
    ).toBeInTheDocument();
  });

  it('explains an empty statement', async () => {
    client.session.set('a');
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop': () => json(shop),
      'GET /api/my/balance': () =>
        json({ balances: [], platform_fee_bps: 750, payout_hold_days: 0 }),
      'GET /api/my/statement': () => json({ items: [], page: 1, limit: 20, total: 0, pages: 0 }),
      ...noPayoutsYet,
    });
    renderPage(<EarningsPage />, { url: '/vendor/earnings' });
    expect(await screen.findByText('No sales yet')).toBeInTheDocument();
    expect(screen.getByText(/after its 7.5% fee/)).toBeInTheDocument();
    expect(screen.getByText(/as soon as the order is delivered/)).toBeInTheDocument();
  });
});

describe('EarningsPage’s CSV export', () => {
  const emptyBooks = {
    'GET /api/me': () => json(vendor),
    'GET /api/my/shop': () => json(shop),
    'GET /api/my/balance': () =>
      json({ balances: [], platform_fee_bps: 1000, payout_hold_days: 7 }),
    'GET /api/my/statement': () => json({ items: [], page: 1, limit: 20, total: 0, pages: 0 }),
    ...noPayoutsYet,
  };

  it('downloads the statement of the days chosen as a CSV file', async () => {
    client.session.set('a');
    const csv = 'date,kind,order_id,currency,gross,fee,net,balance\r\n';
    const { calls } = mockFetch({
      ...emptyBooks,
      'GET /api/my/statement.csv': () =>
        new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
    });
    const saved: { name: string; blob: Blob }[] = [];
    const urls = new Map<string, Blob>();
    vi.stubGlobal('URL', {
      ...URL,
      createObjectURL: (blob: Blob) => {
        urls.set('blob:1', blob);
        return 'blob:1';
      },
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, blob: urls.get(this.getAttribute('href')!)! });
    });
    renderPage(<EarningsPage />, { url: '/vendor/earnings' });
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('statement-2026-11-01-to-2026-11-30.csv');
    expect(await saved[0].blob.text()).toBe(csv);
    const request = calls.find((c) => c.url.startsWith('/api/my/statement.csv'))!;
    expect(request.url).toBe('/api/my/statement.csv?from=2026-11-01&to=2026-11-30');
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('shows the server’s complaint about a range at its field', async () => {
    client.session.set('a');
    mockFetch({
      ...emptyBooks,
      'GET /api/my/statement.csv': () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid',
            status: 422,
            errors: { to: ['The last day cannot be before the first.'] },
          },
          422,
        ),
    });
    renderPage(<EarningsPage />, { url: '/vendor/earnings' });
    fireEvent.change(await screen.findByLabelText('To'), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText('The last day cannot be before the first.')).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('ProductsPage', () => {
  it('says how many people saved each product', async () => {
    client.session.set('a');
    const listed = (id: number, name: string) => ({
      id,
      shop,
      name,
      category: 'plants',
      price_cents: 1200,
      currency: 'USD',
      inventory: 9,
      in_stock: true,
      status: 'active',
      image: null,
      rating_count: 0,
      rating_average: null,
      created_at: '',
      updated_at: '',
    });
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/shop': () => json(shop),
      'GET /api/my/products': () =>
        json({
          items: [listed(1, 'Fern'), listed(2, 'Moss')],
          page: 1,
          limit: 50,
          total: 2,
          pages: 1,
          next: null,
          facets: { category: [] },
          total_capped: false,
        }),
      'GET /api/my/favorite-counts': () => json({ items: [{ product_id: 2, people: 3 }] }),
    });
    renderPage(<ProductsPage />);
    await waitFor(() =>
      expect(screen.getAllByTestId('product-saves').map((cell) => cell.textContent)).toEqual([
        '0',
        '3',
      ]),
    );
    expect(screen.getByRole('columnheader', { name: 'Saved' })).toBeInTheDocument();
  });
});
