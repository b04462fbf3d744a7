import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { NotificationBell } from '../notifications';
import { CheckoutPage } from './pages/CheckoutPage';
import { cart, shop, signedIn, user } from '../../test/fixtures';

describe('CheckoutPage', () => {
  async function fillAndPay(number: string) {
    fireEvent.change(screen.getByLabelText('Full name'), { target: { value: 'Bo Buyer' } });
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: '1 Fern Road' } });
    fireEvent.change(screen.getByLabelText('City'), { target: { value: 'Malmö' } });
    fireEvent.change(screen.getByLabelText('Postal code'), { target: { value: '21100' } });
    fireEvent.change(screen.getByLabelText('Card number'), { target: { value: number } });
    fireEvent.change(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '1230' } });
    fireEvent.change(screen.getByLabelText('CVC'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: /^Pay/ }));
  }

  const gateway = {
    'GET /api/payments/config': () =>
      json({
        provider: 'stripe',
        tokens_url: 'http://127.0.0.1:12111/v1/tokens',
        publishable_key: 'pk_test_web',
      }),
  };

  it('sends the card to the gateway only, and checkout its token', async () => {
    signedIn();
    let minted = 0;
    const { calls } = mockFetch({
      ...gateway,
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cart),
      'POST /v1/tokens': () => json({ id: `tok_${++minted}`, object: 'token' }),
      'POST /api/checkout': () => json({ message: 'never answered in this test' }, 500),
    });
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await screen.findByText('Order summary');
    await fillAndPay('4242 4242 4242 4242');
    await waitFor(() => expect(calls.some((c) => c.url === '/api/checkout')).toBe(true));
    const tokenCall = calls.find((c) => c.url.endsWith('/v1/tokens'))!;
    expect(tokenCall.url).toBe('http://127.0.0.1:12111/v1/tokens');
    expect(tokenCall.headers.Authorization).toBe('Bearer pk_test_web');
    expect(tokenCall.body).toEqual({
      'card[number]': '4242424242424242',
      'card[exp_month]': '12',
      'card[exp_year]': '2030',
      'card[cvc]': '123',
    });
    for (const call of calls.filter((c) => c.url.startsWith('/api')))
      expect(JSON.stringify(call.body ?? '')).not.toMatch(/4242|"123"|cvc/);
    expect(calls.find((c) => c.url === '/api/checkout')!.body).toMatchObject({
      payment_token: 'tok_1',
    });
  });

  it('after paying, the bell asks again and shows the receipts', async () => {
    signedIn();
    let paid = false;
    mockFetch({
      ...gateway,
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(paid ? { ...cart, items: [], shops: [], item_count: 0 } : cart),
      'GET /api/me/notifications/unread-count': () => json({ unread: paid ? 1 : 0 }),
      'POST /v1/tokens': () => json({ id: 'tok_1', object: 'token' }),
      'POST /api/checkout': () => {
        paid = true;
        return json({ checkout_id: 1, total_cents: 6900, currency: 'USD', orders: [] }, 201);
      },
    });
    renderPage(
      <>
        <NotificationBell />
        <CheckoutPage />
      </>,
      { url: '/checkout' },
    );
    await screen.findByRole('button', { name: 'Notifications, 0 unread' });
    await screen.findByText('Order summary');
    await fillAndPay('4242 4242 4242 4242');
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
  });

  it('shows a card the gateway refuses next to its field, and pays nothing', async () => {
    signedIn();
    const { calls } = mockFetch({
      ...gateway,
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cart),
      'POST /v1/tokens': () =>
        json(
          {
            error: {
              type: 'card_error',
              code: 'incorrect_number',
              message: 'Your card number is incorrect.',
              param: 'number',
            },
          },
          402,
        ),
    });
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await screen.findByText('Order summary');
    await fillAndPay('4242 4242 4242 4241');
    const alert = await screen.findByTestId('checkout-error');
    expect(alert).toHaveTextContent('Your card number is incorrect.');
    expect(screen.getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.url === '/api/checkout')).toBe(false);
  });

  it('shows a decline clearly, next to the card, with a new idempotency key per attempt', async () => {
    signedIn();
    let minted = 0;
    const { calls } = mockFetch({
      ...gateway,
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cart),
      'POST /v1/tokens': () => json({ id: `tok_${++minted}`, object: 'token' }),
      'POST /api/checkout': () =>
        json(
          {
            title: 'Payment declined',
            status: 402,
            detail: 'The card was declined.',
            decline_code: 'generic_decline',
          },
          402,
        ),
    });
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await screen.findByText('Order summary');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Pay/ })).toHaveTextContent('$69.00'),
    );
    await fillAndPay('4000000000000002');
    const alert = await screen.findByTestId('checkout-error');
    expect(alert).toHaveTextContent('Payment declined');
    expect(alert).toHaveTextContent('Your card was declined.');
    expect(alert).toHaveTextContent('your cart is unchanged');
    expect(screen.getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
    const payments = () => calls.filter((c) => c.url === '/api/checkout');
    expect(payments()[0].body).toEqual({
      payment_token: 'tok_1',
      shipping_address: {
        name: 'Bo Buyer',
        line1: '1 Fern Road',
        city: 'Malmö',
        postal_code: '21100',
        country: 'US',
      },
    });
    fireEvent.click(screen.getByRole('button', { name: /^Pay/ }));
    await waitFor(() => expect(payments()).toHaveLength(2));
    expect((payments()[1].body as { payment_token: string }).payment_token).toBe('tok_2');
    expect(payments()[0].headers['Idempotency-Key']).not.toBe(
      payments()[1].headers['Idempotency-Key'],
    );
  });

  it('sums up the items, each shop’s shipping and the total charged', async () => {
    signedIn();
    mockFetch({
      ...gateway,
      'GET /api/me': () => json(user),
      'GET /api/cart': () =>
        json({
          ...cart,
          shops: [
            {
              shop,
              subtotal_cents: 6900,
              items: cart.items,
              shipping_cents: 495,
              free_shipping_over_cents: 10000,
            },
          ],
          subtotal_cents: 6900,
          shipping_cents: 495,
          total_cents: 7395,
        }),
    });
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await screen.findByText('Order summary');
    await waitFor(() => expect(screen.getByTestId('summary-total')).toHaveTextContent('$73.95'));
    expect(screen.getByTestId('summary-subtotal')).toHaveTextContent('Subtotal: $69.00');
    expect(screen.getByTestId('summary-shipping')).toHaveTextContent('Shipping: $4.95');
    expect(screen.getByRole('button', { name: /^Pay/ })).toHaveTextContent('$73.95');
  });

  it('checks the form before paying', async () => {
    signedIn();
    const { calls } = mockFetch({
      ...gateway,
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cart),
    });
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await screen.findByText('Order summary');
    fireEvent.click(screen.getByRole('button', { name: /^Pay/ }));
    expect(await screen.findByLabelText('City')).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Expiry (MM/YY)')).toHaveAccessibleDescription(
      'Enter the expiry date as MM/YY.',
    );
    expect(calls.some((c) => c.url === '/api/checkout' || c.url.endsWith('/v1/tokens'))).toBe(
      false,
    );
  });
});
