import { Money } from '../../../components/Money';
import type { Cart } from '../../../lib/api/types';
import { Amounts, cartShipping, cartSubtotals, cartTotals, shippingCurrency } from '../../cart';

/** What the buyer is paying for, shop by shop, with each shop's shipping. */
export function OrderSummary({ cart }: { cart: Cart | undefined }) {
  const shipping = cart ? cartShipping(cart) : [];
  return (
    <div className="box">
      <h2 className="title is-5">Order summary</h2>
      {cart?.shops.map((group) => (
        <div key={group.shop.id} className="mb-3">
          <p className="has-text-weight-semibold">{group.shop.name}</p>
          <ul className="is-size-7">
            {group.items.map((item) => (
              <li key={item.product.id} className="is-flex is-justify-content-space-between">
                <span>
                  {item.quantity} × {item.product.name}
                </span>
                <Money cents={item.line_total_cents} currency={item.product.currency} />
              </li>
            ))}
            <li className="is-flex is-justify-content-space-between has-text-grey">
              <span>Shipping</span>
              {group.shipping_cents > 0 ? (
                <Money cents={group.shipping_cents} currency={shippingCurrency(group, cart)} />
              ) : (
                <span>Free</span>
              )}
            </li>
          </ul>
        </div>
      ))}
      {cart && (
        <div className="has-text-right">
          <p data-testid="summary-subtotal">
            Subtotal: <Amounts amounts={cartSubtotals(cart)} />
          </p>
          <p data-testid="summary-shipping">
            Shipping: {shipping.length > 0 ? <Amounts amounts={shipping} /> : 'Free'}
          </p>
        </div>
      )}
      <p className="is-size-5 has-text-right" data-testid="summary-total">
        Total: <strong>{cart && <Amounts amounts={cartTotals(cart)} />}</strong>
      </p>
    </div>
  );
}
