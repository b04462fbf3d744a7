import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { cart, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { CheckoutPage } from './pages/CheckoutPage';

const portland = {
  name: 'Bo Buyer',
  line1: '1 Main St',
  line2: '',
  city: 'Portland',
  region: 'OR',
  postal_code: '97201',
  country: 'US',
};

function paying(saved: typeof portland | null) {
  return mockFetch({
    'GET /api/me': () => json(user),
    'GET /api/cart': () => json(cart),
    'GET /api/me/address': () => json({ address: saved }),
    'PUT /api/me/address': (call) => json({ address: call.body }),
    'GET /api/payments/config': () =>
      json({ provider: 'stripe', tokens_url: '/v1/tokens', publishable_key: 'pk_test_web' }),
    'POST /v1/tokens': () => json({ id: 'tok_1', object: 'token' }),
    'POST /api/checkout': () =>
      json({ checkout_id: 1, total_cents: 6900, currency: 'USD', payment: {}, orders: [] }, 201),
  });
}

function payWithCard() {
  fireEvent.change(screen.getByLabelText('Card number'), {
    target: { value: '4242 4242 4242 4242' },
  });
  fireEvent.change(screen.getByLabelText('Expiry (MM/YY)'), { target: { value: '1230' } });
  fireEvent.change(screen.getByLabelText('CVC'), { target: { value: '123' } });
  fireEvent.click(screen.getByRole('button', { name: /^Pay/ }));
}

describe('Checkout addresses', () => {
  it('offers the saved address, sends its state, and saves the address for next time', async () => {
    signedIn();
    const { calls } = paying(portland);
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await waitFor(() => expect(screen.getByLabelText('City')).toHaveValue('Portland'));
    expect(screen.getByLabelText('State / province (optional)')).toHaveValue('OR');
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: '2 Main St' } });
    payWithCard();
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const paid = calls.find((c) => c.url === '/api/checkout')!;
    expect(paid.body).toMatchObject({
      shipping_address: { line1: '2 Main St', city: 'Portland', region: 'OR' },
    });
    const kept = calls.find((c) => c.method === 'PUT')!;
    expect(kept.url).toBe('/api/me/address');
    expect(kept.body).toMatchObject({ line1: '2 Main St', region: 'OR', postal_code: '97201' });
    expect(sessionStorage.getItem('pocketshop.checkout-address')).toBeNull();
  });

  it('keeps no address when the buyer says not to', async () => {
    signedIn();
    const { calls } = paying(portland);
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await waitFor(() => expect(screen.getByLabelText('City')).toHaveValue('Portland'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Save this address for next time' }));
    payWithCard();
    await waitFor(() => expect(calls.some((c) => c.url === '/api/checkout')).toBe(true));
    await new Promise((settled) => setTimeout(settled, 50)); // where a save would have gone
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('puts the order summary before the Pay button, where a phone shows it first', async () => {
    signedIn();
    paying(null);
    renderPage(<CheckoutPage />, { url: '/checkout' });
    const summary = await screen.findByRole('heading', { name: 'Order summary' });
    const pay = screen.getByRole('button', { name: /^Pay/ });
    expect(summary.compareDocumentPosition(pay) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says what is wrong with the cart, not "fields are invalid", and brings it into view', async () => {
    signedIn();
    const scrolledTo: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolledTo.push(this);
    };
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cart),
      'GET /api/me/address': () => json({ address: portland }),
      'GET /api/payments/config': () =>
        json({ provider: 'stripe', tokens_url: '/v1/tokens', publishable_key: 'pk_test_web' }),
      'POST /v1/tokens': () => json({ id: 'tok_1', object: 'token' }),
      'POST /api/checkout': () =>
        json(
          {
            type: '/problems/validation',
            title: 'Invalid fields',
            status: 422,
            detail: 'One or more fields are invalid.',
            errors: { cart: ['Items in different currencies must be bought separately.'] },
          },
          422,
        ),
    });
    renderPage(<CheckoutPage />, { url: '/checkout' });
    await waitFor(() => expect(screen.getByLabelText('City')).toHaveValue('Portland'));
    payWithCard();
    const problem = await screen.findByTestId('checkout-error');
    expect(problem).toHaveTextContent('Items in different currencies must be bought separately.');
    expect(problem).not.toHaveTextContent('One or more fields are invalid.');
    expect(screen.getByRole('link', { name: 'Review your cart' })).toBeInTheDocument();
    await waitFor(() => expect(scrolledTo).toContain(problem));
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });
});
