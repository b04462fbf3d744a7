import { Money } from '../../../components/Money';
import type { ShippingRate } from '../../../lib/api/types';

/** What the product's shop charges to ship an order of it. */
export function ProductShipping({ shipping, shop }: { shipping: ShippingRate; shop: string }) {
  if (shipping.flat_cents === 0)
    return (
      <p className="mb-4" data-testid="product-shipping">
        Free shipping
      </p>
    );
  return (
    <p className="mb-4" data-testid="product-shipping">
      Shipping <Money cents={shipping.flat_cents} currency={shipping.currency} /> per order from{' '}
      {shop}
      {shipping.free_over_cents !== null && (
        <>
          , free from <Money cents={shipping.free_over_cents} currency={shipping.currency} />
        </>
      )}
    </p>
  );
}
