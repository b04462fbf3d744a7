import type { Cart, CartItem } from '../../../lib/api/types';

/** An amount in one currency. */
export interface Amount {
  cents: number;
  currency: string;
}

/**
 * What `items` cost, one amount per currency in order of appearance. A cart
 * holds one currency (the server refuses another); a cart mixed before that
 * rule still shows each currency's own sum, never one sum in a wrong currency.
 */
export function totalsByCurrency(items: CartItem[]): Amount[] {
  const totals: Amount[] = [];
  for (const item of items) {
    const currency = item.product.currency;
    const total = totals.find((t) => t.currency === currency);
    if (total) total.cents += item.line_total_cents;
    else totals.push({ cents: item.line_total_cents, currency });
  }
  return totals;
}

/** The cart's total: its one amount, or one per currency when mixed. */
export const cartTotals = (cart: Cart): Amount[] =>
  cart.currency
    ? [{ cents: cart.total_cents, currency: cart.currency }]
    : totalsByCurrency(cart.items);
