import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { product, shop, signedIn, user } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { ProductPage } from '../catalog';
import { CartPage } from './pages/CartPage';

const scarf = {
  ...product,
  id: 12,
  name: 'Wool scarf',
  price_cents: 2000,
  currency: 'EUR',
  shop: { id: 3, slug: 'wool', name: 'Wool & Co', accent_color: '#7a4b2a' },
};

const line = (p: typeof product, quantity: number) => ({
  product: p,
  quantity,
  unit_price_cents: p.price_cents,
  line_total_cents: p.price_cents * quantity,
  warning: null,
});

/** A shop's part of a cart that ships free. */
const free = { shipping_cents: 0, free_shipping_over_cents: null };

describe('Cart currencies', () => {
  it('formats each shop’s subtotal in its items’ currency, and a mixed cart’s total per currency', async () => {
    signedIn();
    // A cart mixed before the one-currency rule: the server sends currency null.
    const euros = line(scarf, 1);
    const dollars = line(product, 1);
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/cart': () =>
        json({
          items: [euros, dollars],
          shops: [
            { ...free, shop: scarf.shop, subtotal_cents: 2000, items: [euros] },
            { ...free, shop, subtotal_cents: 3450, items: [dollars] },
          ],
          subtotal_cents: 5450,
          shipping_cents: 0,
          total_cents: 5450,
          currency: null,
          item_count: 2,
          warnings: ['Items in different currencies must be bought separately.'],
        }),
    });
    renderPage(<CartPage />, { url: '/cart' });
    await waitFor(() => expect(screen.getByTestId('cart-total')).toHaveTextContent('€20.00'));
    expect(screen.getByTestId('cart-total')).toHaveTextContent('€20.00 + $34.50');
    expect(
      screen.getByText(/Subtotal/, { selector: '.cart-shop:first-of-type p' }),
    ).toHaveTextContent('Subtotal: €20.00');
    expect(screen.queryByText('Subtotal: $20.00')).toBeNull();
  });

  it('says beside Add to cart why an item in another currency cannot join the cart', async () => {
    signedIn();
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/products/12': () => json(scarf),
      'GET /api/products/12/reviews': () =>
        json({ items: [], page: 1, limit: 24, total: 0, pages: 0 }),
      'POST /api/cart/items': () =>
        json(
          {
            type: '/problems/cart-currency-mismatch',
            title: 'Another currency',
            status: 409,
            detail:
              'Your cart holds items priced in USD, and this one is priced in EUR. A cart is paid in one currency: check out or remove those items first.',
            cart_currency: 'USD',
            currency: 'EUR',
          },
          409,
        ),
    });
    const scrolledTo: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolledTo.push(this);
    };
    renderPage(<ProductPage />, { url: '/products/12', path: '/products/:id' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add to cart' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your cart holds items priced in USD');
    // Right after the button, where a phone's screen already is.
    const button = screen.getByRole('button', { name: 'Add to cart' });
    expect(button.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // …and scrolled into view, should the button sit at the bottom of a phone's screen.
    await waitFor(() => expect(scrolledTo.some((shown) => shown.contains(alert))).toBe(true));
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });
});

describe('Cart quantity', () => {
  it('keeps the quantity select usable and focused while its change is saved', async () => {
    signedIn();
    let quantity = 1;
    let answer: (() => void) | undefined;
    const cartNow = () => ({
      items: [line(product, quantity)],
      shops: [
        {
          ...free,
          shop,
          subtotal_cents: product.price_cents * quantity,
          items: [line(product, quantity)],
        },
      ],
      subtotal_cents: product.price_cents * quantity,
      shipping_cents: 0,
      total_cents: product.price_cents * quantity,
      currency: 'USD',
      item_count: quantity,
      warnings: [],
    });
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/cart': () => json(cartNow()),
      'PUT /api/cart/items/9': (call) =>
        new Promise<Response>((resolve) => {
          answer = () => {
            quantity = (call.body as { quantity: number }).quantity;
            resolve(json(cartNow()));
          };
        }),
    });
    renderPage(<CartPage />, { url: '/cart' });
    const select = await screen.findByLabelText('Quantity of Moss terrarium');
    select.focus();
    fireEvent.change(select, { target: { value: '3' } });
    await waitFor(() => expect(answer).toBeDefined());
    // Disabling the focused select while saving would drop focus to the page.
    expect(select).not.toBeDisabled();
    expect(document.activeElement).toBe(select);
    answer!();
    await waitFor(() => expect(screen.getByTestId('cart-total')).toHaveTextContent('$103.50'));
    expect(document.activeElement).toBe(screen.getByLabelText('Quantity of Moss terrarium'));
  });
});
