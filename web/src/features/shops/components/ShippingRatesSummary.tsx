import { Money } from '../../../components/Money';
import type { ShippingRate } from '../../../lib/api/types';

/** What a shop charges to ship an order, per currency, as its page tells buyers. */
export function ShippingRatesSummary({ rates }: { rates: ShippingRate[] }) {
  const charged = rates.filter((rate) => rate.flat_cents > 0);
  if (!charged.length) return <p className="mb-3">Free shipping on every order.</p>;
  return (
    <ul className="mb-3" aria-label="Shipping rates">
      {charged.map((rate) => (
        <li key={rate.currency}>
          <Money cents={rate.flat_cents} currency={rate.currency} /> per order
          {rate.free_over_cents !== null && (
            <>
              , free from <Money cents={rate.free_over_cents} currency={rate.currency} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
