import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { client } from '../api';
import { json, mockFetch } from '../test/fetchMock';
import { renderPage } from '../test/render';
import { CartPage } from './CartPage';
import { CheckoutPage } from './CheckoutPage';
import { OrderPage } from './OrderPage';
import { ProductPage } from './ProductPage';
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
  client.session.set('access');
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

describe('CartPage', () => {
  const notebook = {
    ...product,
    id: 11,
    name: 'Linen notebook',
    price_cents: 1250,
    inventory: 10,
    shop: { id: 2, slug: 'paper', name: 'Paper Lantern', accent_color: '#1f5f8b' },
  };
  /** A cart the mocked server keeps: quantities by product id. */
  function cartOf(quantities: Map<number, number>) {
    const items = [product, notebook]
      .filter((p) => quantities.has(p.id))
      .map((p) => ({
        product: p,
        quantity: quantities.get(p.id)!,
        unit_price_cents: p.price_cents,
        line_total_cents: p.price_cents * quantities.get(p.id)!,
        warning: null,
      }));
    const total = items.reduce((sum, i) => sum + i.line_total_cents, 0);
    return {
      items,
      shops: items.map((i) => ({
        shop: i.product.shop,
        subtotal_cents: i.line_total_cents,
        items: [i],
      })),
      total_cents: total,
      currency: 'USD',
      item_count: items.reduce((n, i) => n + i.quantity, 0),
      warnings: [],
    };
  }

  it('changes a quantity and removes a line, showing the server’s new totals', async () => {
    signedIn();
    const quantities = new Map([
      [9, 1],
      [11, 2],
    ]);
    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cartOf(quantities)),
      'PUT /api/cart/items/9': (call) => {
        quantities.set(9, (call.body as { quantity: number }).quantity);
        return json(cartOf(quantities));
      },
      'DELETE /api/cart/items/11': () => {
        quantities.delete(11);
        return json(cartOf(quantities));
      },
    });
    renderPage(<CartPage />, { url: '/cart' });
    const total = await screen.findByTestId('cart-total');
    await waitFor(() => expect(total).toHaveTextContent('$59.50'));
    expect(screen.getAllByTestId('cart-line')).toHaveLength(2);

    fireEvent.change(screen.getByLabelText('Quantity of Moss terrarium'), {
      target: { value: '3' },
    });
    await waitFor(() => expect(screen.getByTestId('cart-total')).toHaveTextContent('$128.50'));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/cart/items/9');
    expect(put.body).toEqual({ quantity: 3 });
    expect(screen.getByLabelText('Quantity of Moss terrarium')).toHaveValue('3');

    fireEvent.click(screen.getByRole('button', { name: 'Remove Linen notebook' }));
    await waitFor(() => expect(screen.getAllByTestId('cart-line')).toHaveLength(1));
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/cart/items/11')).toBe(true);
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$103.50');
    expect(screen.queryByRole('heading', { name: 'Paper Lantern' })).toBeNull();
    expect(screen.getByText(/Total \(3 items\)/)).toBeInTheDocument();
  });

  it('shows why a change failed', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cartOf(new Map([[9, 1]]))),
      'PUT /api/cart/items/9': () =>
        json({ title: 'Conflict', status: 409, detail: 'Only 7 left in stock.' }, 409),
    });
    renderPage(<CartPage />, { url: '/cart' });
    fireEvent.change(await screen.findByLabelText('Quantity of Moss terrarium'), {
      target: { value: '5' },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only 7 left in stock.');
  });
});

describe('OrderPage', () => {
  const order = {
    id: 21,
    shop,
    buyer: { id: user.id, display_name: 'Bo' },
    status: 'paid',
    payment_status: 'authorized',
    total_cents: 3450,
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
  });
});

describe('ProductPage', () => {
  const vendor = { ...user, id: 7, role: 'vendor', display_name: 'Vera' };
  const myShop = { ...shop, description: '', logo: null, cover: null };

  it('tells a vendor they cannot buy their own product, instead of offering the cart', async () => {
    signedIn();
    const { calls } = mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/products/9': () => json(product),
      'GET /api/my/shop': () => json(myShop),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
    });
    renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByTestId('own-product-note')).toHaveTextContent(
      'This product is from your own shop',
    );
    expect(screen.getByRole('link', { name: 'Edit it' })).toHaveAttribute(
      'href',
      '/vendor/products/9',
    );
    expect(screen.queryByRole('button', { name: 'Add to cart' })).toBeNull();
    expect(calls.some((c) => c.url.startsWith('/api/cart'))).toBe(false);
  });

  it('offers the cart to a vendor of another shop, and to buyers without asking for a shop', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(vendor),
      'GET /api/products/9': () => json(product),
      'GET /api/my/shop': () => json({ ...myShop, id: 99, slug: 'other' }),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
    });
    const view = renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByRole('button', { name: 'Add to cart' })).toBeInTheDocument();
    expect(screen.queryByTestId('own-product-note')).toBeNull();
    view.unmount();

    const { calls } = mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/products/9': () => json(product),
      'GET /api/products/9/reviews': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
    });
    renderPage(<ProductPage />, { url: '/products/9', path: '/products/:id' });
    expect(await screen.findByRole('button', { name: 'Add to cart' })).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/my/shop')).toBe(false);
  });
});
