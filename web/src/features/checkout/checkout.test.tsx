import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { CheckoutPage } from './pages/CheckoutPage';
import { cart, signedIn, user } from '../../test/fixtures';

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

  it('shows a decline clearly, next to the card, with a new idempotency key per attempt', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cart),
      'POST /api/checkout': () =>
        json(
          {
            title: 'Payment declined',
            status: 402,
            detail: 'The card was declined.',
            decline_code: 'card_declined',
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
      card: { number: '4000000000000002', exp_month: 12, exp_year: 2030, cvc: '123' },
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
    expect(payments()[0].headers['Idempotency-Key']).not.toBe(
      payments()[1].headers['Idempotency-Key'],
    );
  });

  it('checks the form before paying', async () => {
    signedIn();
    const { calls } = mockFetch({
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
    expect(calls.some((c) => c.url === '/api/checkout')).toBe(false);
  });
});
