import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrderEarnings, Payout, PayoutAccount } from '../../lib/api/types';
import { json, mockFetch } from '../../test/fetchMock';
import { signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { OrderEarningsBox } from './components/OrderEarningsBox';
import { OrderEarningsTable } from './components/OrderEarningsTable';
import { PayoutsBox } from './components/PayoutsBox';

const vendor = { ...user, id: 8, display_name: 'Vera', role: 'vendor' };

const account: PayoutAccount = {
  gateway_account_id: 'acct_123',
  schedule: 'manual',
  minimum_cents: 0,
  created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
};

const paidPayout: Payout = {
  id: 5,
  currency: 'USD',
  amount_cents: 2765,
  status: 'paid',
  scheduled: false,
  gateway_transfer_id: 'tr_1',
  gateway_payout_id: 'po_1',
  failure_code: null,
  failure_reason: null,
  order_ids: [21, 22],
  created_at: '2026-12-02T10:00:00Z',
  updated_at: '2026-12-02T10:00:05Z',
};

/** Order 21: $69.00 at a 10% fee, one $34.50 terrarium refunded, paid out. */
const partlyRefunded: OrderEarnings = {
  order_id: 21,
  currency: 'USD',
  created_at: '2026-12-01T09:00:00Z',
  gross_cents: 6900,
  fee_cents: 690,
  refunded_cents: 3450,
  fee_returned_cents: 345,
  disputed_cents: 0,
  net_cents: 3105,
  status: 'paid_out',
  available_at: '2026-12-01T12:00:00Z',
  payout_id: 5,
};

/** Order 23: $25.00 at a 10% fee, the whole payment disputed and held back. */
const disputed: OrderEarnings = {
  order_id: 23,
  currency: 'USD',
  created_at: '2026-12-03T09:00:00Z',
  gross_cents: 2500,
  fee_cents: 250,
  refunded_cents: 0,
  fee_returned_cents: 0,
  disputed_cents: 2500,
  net_cents: -250,
  status: 'pending',
  available_at: null,
  payout_id: null,
};

/** What the server answers before the vendor connects a payout account. */
const noAccount = () => json(null);

describe('PayoutsBox', () => {
  it('connects a payout account, then offers the settings and the payouts', async () => {
    signedIn();
    let connected = false;
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/payout-account': () => (connected ? json(account) : noAccount()),
      'POST /api/my/payout-account': () => {
        connected = true;
        return json(account);
      },
      'GET /api/my/payouts': () => json({ items: [] }),
    });
    renderPage(<PayoutsBox />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect payout account' }));
    expect(await screen.findByTestId('payout-account')).toHaveTextContent('acct_123');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(await screen.findByText('No payouts yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Schedule')).toHaveValue('manual');
  });

  it('saves the schedule and the minimum in minor units, and refuses an amount that is not one', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/payout-account': () => json(account),
      'PUT /api/my/payout-settings': (call) =>
        json({ ...account, ...(call.body as Partial<PayoutAccount>) }),
      'GET /api/my/payouts': () => json({ items: [] }),
    });
    renderPage(<PayoutsBox />);
    fireEvent.change(await screen.findByLabelText('Schedule'), { target: { value: 'weekly' } });
    const minimum = screen.getByLabelText('Minimum payout');
    fireEvent.change(minimum, { target: { value: 'lots' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(minimum).toHaveAccessibleDescription('Give an amount, such as 25 or 25.00.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.change(minimum, { target: { value: '25.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      schedule: 'weekly',
      minimum_cents: 2550,
    });
  });

  it('requests a payout with a new Idempotency-Key per click and shows the problem when nothing is available', async () => {
    signedIn();
    let answer = () => {};
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/payout-account': () => json(account),
      'GET /api/my/payouts': () => json({ items: [] }),
      'POST /api/my/payouts': async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return json(
          {
            type: '/problems/payout-below-minimum',
            title: 'Payout below minimum',
            status: 409,
            detail: 'Nothing is available to pay out.',
            available_cents: 0,
            minimum_cents: 0,
          },
          409,
        );
      },
    });
    renderPage(<PayoutsBox />);
    const button = await screen.findByRole('button', { name: 'Request payout' });
    fireEvent.click(button);
    await waitFor(() => expect(button).toBeDisabled());
    answer();
    expect(await screen.findByTestId('payout-error')).toHaveTextContent(
      'Nothing is available to pay out.',
    );
    expect(button).toBeEnabled();
    fireEvent.click(button);
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    answer();
    const [first, second] = calls
      .filter((c) => c.method === 'POST')
      .map((c) => c.headers['Idempotency-Key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(calls.find((c) => c.method === 'POST')!.body).toBeUndefined();
  });

  it('asks which currency to pay out when money is available in several', async () => {
    signedIn();
    const available = (currency: string, cents: number) => ({
      currency,
      balance_cents: cents,
      pending_cents: 0,
      available_cents: cents,
      paid_cents: 0,
    });
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/payout-account': () => json(account),
      'GET /api/my/payouts': () => json({ items: [] }),
      'GET /api/my/balance': () =>
        json({
          balances: [available('EUR', 1200), available('USD', 3105)],
          platform_fee_bps: 1000,
          payout_hold_days: 7,
        }),
      'POST /api/my/payouts': () =>
        json({ ...paidPayout, status: 'pending', currency: 'EUR' }, 201),
    });
    renderPage(<PayoutsBox />);
    fireEvent.click(await screen.findByRole('button', { name: 'Request payout (EUR)' }));
    expect(screen.getByRole('button', { name: 'Request payout (USD)' })).toBeInTheDocument();
    expect(await screen.findByText(/requested\./)).toHaveTextContent('Payout #5 of');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ currency: 'EUR' });
  });

  it('lists payouts with their status and the orders they pay, linked', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/payout-account': () => json(account),
      'GET /api/my/payouts': () =>
        json({
          items: [
            paidPayout,
            {
              ...paidPayout,
              id: 4,
              status: 'failed',
              order_ids: [],
              failure_code: 'account_closed',
              failure_reason: 'the bank account has been closed',
            },
          ],
        }),
    });
    renderPage(<PayoutsBox />);
    const table = await screen.findByRole('table', { name: 'Payouts' });
    const [paid, failed] = within(table).getAllByTestId('payout-row');
    expect(paid).toHaveTextContent('#5');
    expect(paid).toHaveTextContent('$27.65');
    expect(paid).toHaveTextContent('Paid');
    expect(within(paid).getByRole('link', { name: '#21' })).toHaveAttribute('href', '/orders/21');
    expect(within(paid).getByRole('link', { name: '#22' })).toHaveAttribute('href', '/orders/22');
    expect(failed).toHaveTextContent('Failed');
    expect(
      within(failed).getByText('the bank account has been closed (account_closed)'),
    ).toBeVisible();
  });
});

describe('OrderEarningsTable', () => {
  it('shows each order’s gross, fee, refunds, fee returned and net, with its status', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/earnings/orders': () =>
        json({ items: [partlyRefunded], page: 1, limit: 20, total: 1, pages: 1 }),
    });
    renderPage(<OrderEarningsTable />);
    const table = await screen.findByRole('table', { name: 'Earnings by order' });
    const row = within(table).getByTestId('order-earnings-row');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '#21',
      expect.any(String),
      '$69.00',
      '-$6.90',
      '-$34.50',
      '$3.45',
      '$31.05',
      'Paid out',
    ]);
    expect(calls.find((c) => c.url.startsWith('/api/my/earnings/orders'))!.url).toBe(
      '/api/my/earnings/orders?page=1&limit=20',
    );
    expect(within(table).queryByRole('columnheader', { name: 'Disputed' })).toBeNull();
  });

  it('adds a column for what disputes took back when an order on the page has one', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/earnings/orders': () =>
        json({ items: [disputed, partlyRefunded], page: 1, limit: 20, total: 2, pages: 1 }),
    });
    renderPage(<OrderEarningsTable />);
    const table = await screen.findByRole('table', { name: 'Earnings by order' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers.indexOf('Disputed')).toBe(headers.indexOf('Fee returned') + 1);
    const [first, second] = within(table)
      .getAllByTestId('order-earnings-row')
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(first!.slice(2, 8)).toEqual(['$25.00', '-$2.50', '—', '—', '-$25.00', '-$2.50']);
    expect(second!.slice(2, 8)).toEqual(['$69.00', '-$6.90', '-$34.50', '$3.45', '—', '$31.05']);
  });
});

describe('OrderEarningsBox', () => {
  it('shows what the order earned and the payout that paid it', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/earnings/orders/21': () => json(partlyRefunded),
    });
    renderPage(<OrderEarningsBox orderId={21} captured />);
    expect(await screen.findByTestId('order-net')).toHaveTextContent('$31.05');
    const figures = screen.getByRole('table', { name: 'Earnings of this order' });
    expect(within(figures).getByRole('row', { name: /Refunds/ })).toHaveTextContent('-$34.50');
    expect(within(figures).getByRole('row', { name: /Fee returned/ })).toHaveTextContent('$3.45');
    expect(screen.getByTestId('order-earnings-status')).toHaveTextContent('Paid out in payout #5');
    expect(within(figures).queryByRole('row', { name: /dispute/ })).toBeNull();
  });

  it('shows what a dispute took back, in the net', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/earnings/orders/23': () => json(disputed),
    });
    renderPage(<OrderEarningsBox orderId={23} captured />);
    expect(await screen.findByTestId('order-net')).toHaveTextContent('-$2.50');
    const figures = screen.getByRole('table', { name: 'Earnings of this order' });
    expect(within(figures).getByRole('row', { name: /Taken back by a dispute/ })).toHaveTextContent(
      '-$25.00',
    );
  });

  it('shows no refunds as $0.00, not -$0.00', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/my/earnings/orders/21': () =>
        json({ ...partlyRefunded, refunded_cents: 0, fee_returned_cents: 0 }),
    });
    renderPage(<OrderEarningsBox orderId={21} captured />);
    const figures = await screen.findByRole('table', { name: 'Earnings of this order' });
    const refunds = within(figures).getByRole('row', { name: /Refunds/ });
    expect(refunds).toHaveTextContent('$0.00');
    expect(refunds).not.toHaveTextContent('-$0.00');
  });

  it('says so when the order has not been captured yet, without asking', async () => {
    signedIn();
    const { calls } = mockFetch({ 'GET /api/me': () => json(vendor) });
    renderPage(<OrderEarningsBox orderId={30} captured={false} />);
    expect(await screen.findByText(/the order counts once it ships/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull(); // no "Loading…"
    expect(calls.some((c) => c.url.startsWith('/api/my/earnings'))).toBe(false);
  });

  it('says the same when the server has no earnings for a captured order yet', async () => {
    signedIn();
    mockFetch({ 'GET /api/me': () => json(vendor) });
    renderPage(<OrderEarningsBox orderId={30} captured />);
    expect(await screen.findByText(/the order counts once it ships/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
