import { Money } from '../../../components/Money';
import type { Cart } from '../../../lib/api/types';
import { shippingCurrency, type CartShop } from '../utils/totals';

/**
 * What a shop charges to ship its part of the cart and, while it charges,
 * how much more of its items would make that free.
 */
export function ShopShipping({ group, cart }: { group: CartShop; cart: Cart }) {
  const currency = shippingCurrency(group, cart);
  const freeOver = group.free_shipping_over_cents;
  return (
    <>
      <p data-testid="shop-shipping">
        {group.shipping_cents > 0 ? (
          <>
            Shipping: <Money cents={group.shipping_cents} currency={currency} />
          </>
        ) : (
          'Free shipping'
        )}
      </p>
      {freeOver !== null && group.subtotal_cents < freeOver && (
        <p className="is-size-7 has-text-success-dark" data-testid="free-shipping-hint">
          Add <Money cents={freeOver - group.subtotal_cents} currency={currency} /> more for free
          shipping from {group.shop.name}
        </p>
      )}
    </>
  );
}
