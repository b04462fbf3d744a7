import type { Cart, CartItem } from '../../../lib/api/types';

/** An amount in one currency. */
export interface Amount {
  cents: number;
  currency: string;
}

/** One shop's part of a cart. */
export type CartShop = Cart['shops'][number];

/** Adds amounts up, one per currency in order of appearance. */
function sumByCurrency(amounts: Amount[]): Amount[] {
  const totals: Amount[] = [];
  for (const { cents, currency } of amounts) {
    const total = totals.find((t) => t.currency === currency);
    if (total) total.cents += cents;
    else totals.push({ cents, currency });
  }
  return totals;
}

/**
 * What `items` cost, one amount per currency in order of appearance. A cart
 * holds one currency (the server refuses another); a cart mixed before that
 * rule still shows each currency's own sum, never one sum in a wrong currency.
 */
export const totalsByCurrency = (items: CartItem[]): Amount[] =>
  sumByCurrency(
    items.map((item) => ({ cents: item.line_total_cents, currency: item.product.currency })),
  );

/** The currency a shop charges shipping in: its first line's, as the server prices it. */
export const shippingCurrency = (group: CartShop, cart: Cart): string =>
  group.items[0]?.product.currency ?? cart.currency ?? 'USD';

/** What the cart's items cost: its one amount, or one per currency when mixed. */
export const cartSubtotals = (cart: Cart): Amount[] =>
  cart.currency
    ? [{ cents: cart.subtotal_cents, currency: cart.currency }]
    : totalsByCurrency(cart.items);

/** What every shop charges to ship its part of the cart; none when all ships free. */
export const cartShipping = (cart: Cart): Amount[] =>
  (cart.currency
    ? [{ cents: cart.shipping_cents, currency: cart.currency }]
    : sumByCurrency(
        cart.shops.map((group) => ({
          cents: group.shipping_cents,
          currency: shippingCurrency(group, cart),
        })),
      )
  ).filter((amount) => amount.cents > 0);

/** The cart's total, items and shipping: its one amount, or one per currency when mixed. */
export const cartTotals = (cart: Cart): Amount[] =>
  cart.currency
    ? [{ cents: cart.total_cents, currency: cart.currency }]
    : sumByCurrency([...totalsByCurrency(cart.items), ...cartShipping(cart)]);
