import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock';
import { renderPage } from '../../test/render';
import { CartPage } from './pages/CartPage';
import { product, signedIn, user } from '../../test/fixtures';

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
        shipping_cents: 0,
        free_shipping_over_cents: null,
      })),
      subtotal_cents: total,
      shipping_cents: 0,
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

  it('shows each shop’s shipping, how much more ships free, and the total with shipping', async () => {
    signedIn();
    const line = (p: typeof product, quantity: number) => ({
      product: p,
      quantity,
      unit_price_cents: p.price_cents,
      line_total_cents: p.price_cents * quantity,
      warning: null,
    });
    const terrarium = line(product, 1);
    const notebooks = line(notebook, 2);
    mockFetch({
      'GET /api/me': () => json(user),
      'GET /api/cart': () =>
        json({
          items: [terrarium, notebooks],
          shops: [
            {
              shop: product.shop,
              subtotal_cents: 3450,
              items: [terrarium],
              shipping_cents: 495,
              free_shipping_over_cents: 5000,
            },
            {
              shop: notebook.shop,
              subtotal_cents: 2500,
              items: [notebooks],
              shipping_cents: 0,
              free_shipping_over_cents: 2000,
            },
          ],
          subtotal_cents: 5950,
          shipping_cents: 495,
          total_cents: 6445,
          currency: 'USD',
          item_count: 3,
          warnings: [],
        }),
    });
    renderPage(<CartPage />, { url: '/cart' });
    const moss = (await screen.findByRole('heading', { name: 'Moss & Fern' })).closest('section')!;
    expect(within(moss).getByTestId('shop-shipping')).toHaveTextContent('Shipping: $4.95');
    expect(within(moss).getByTestId('free-shipping-hint')).toHaveTextContent(
      'Add $15.50 more for free shipping from Moss & Fern',
    );
    const paper = screen.getByRole('heading', { name: 'Paper Lantern' }).closest('section')!;
    expect(within(paper).getByTestId('shop-shipping')).toHaveTextContent('Free shipping');
    expect(within(paper).queryByTestId('free-shipping-hint')).toBeNull();
    expect(screen.getByTestId('cart-subtotal')).toHaveTextContent('$59.50');
    expect(screen.getByTestId('cart-shipping')).toHaveTextContent('$4.95');
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$64.45');
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
