import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { client } from '../api';
import { json, mockFetch } from '../test/fetchMock';
import { renderPage } from '../test/render';
import { CheckoutPage } from './CheckoutPage';
import { SearchPage } from './SearchPage';
import { SignUpPage } from './SignUpPage';
import { NotFoundPage } from './NotFoundPage';

const user = { id: 3, email: 'bo@example.test', display_name: 'Bo', role: 'buyer', created_at: '' };
const shop = { id: 1, slug: 'moss', name: 'Moss & Fern', accent_color: '#2f7d4f' };
const product = {
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
};
const cart = {
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
  total_cents: 6900,
  currency: 'USD',
  item_count: 2,
  warnings: [],
};
cart.shops = [{ shop, subtotal_cents: 6900, items: cart.items }] as never;

function signedIn() {
  client.tokens.set({ access: 'access', refresh: 'refresh' });
}

describe('SignUpPage', () => {
  it('registers a vendor and shows the server’s field errors next to the fields', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/register': () =>
        json(
          {
            title: 'Invalid fields',
            status: 422,
            detail: 'One or more fields are invalid.',
            errors: { password: ['must be at least 8 characters'] },
          },
          422,
        ),
    });
    client.cartToken.set('guest-cart');
    renderPage(<SignUpPage />, { url: '/signup' });
    fireEvent.click(screen.getByLabelText(/Sell/));
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Vera' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'vera@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByText('Please correct the highlighted fields.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'At least 8 characters. must be at least 8 characters',
    );
    expect(calls[0].body).toEqual({
      display_name: 'Vera',
      email: 'vera@example.test',
      password: 'short',
      role: 'vendor',
      cart_token: 'guest-cart',
    });
  });
});

describe('SearchPage', () => {
  it('shows results with facet counts and keeps filters in the URL', async () => {
    const { calls } = mockFetch({
      'GET /api/products': () =>
        json({
          items: [product],
          page: 1,
          limit: 24,
          total: 1,
          pages: 1,
          facets: {
            category: [
              { value: 'plants', count: 1 },
              { value: 'home', count: 4 },
            ],
          },
        }),
    });
    renderPage(<SearchPage />, { url: '/search?q=moss&in_stock=true' });
    expect(await screen.findByRole('link', { name: 'Moss terrarium' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Home 4' })).toBeInTheDocument();
    expect(screen.getByLabelText('In stock only')).toBeChecked();
    expect(calls[0].url).toBe('/api/products?q=moss&in_stock=true&limit=24');
    fireEvent.click(screen.getByRole('button', { name: 'Plants 1' }));
    await waitFor(() => expect(calls.at(-1)!.url).toContain('category=plants'));
    expect(screen.getByRole('button', { name: 'Plants 1' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('says when nothing matches', async () => {
    mockFetch({
      'GET /api/products': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0, facets: { category: [] } }),
    });
    renderPage(<SearchPage />, { url: '/search?q=zzz' });
    expect(await screen.findByText('Nothing matches')).toBeInTheDocument();
  });
});

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

describe('NotFoundPage', () => {
  it('offers a way back', () => {
    renderPage(<NotFoundPage />);
    expect(screen.getByRole('heading', { name: 'We couldn’t find that page' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });
});
