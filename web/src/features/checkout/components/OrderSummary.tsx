import { Money } from '../../../components/Money';
import type { Cart } from '../../../lib/api/types';
import { Amounts, cartTotals } from '../../cart';

/** What the buyer is paying for, shop by shop. */
export function OrderSummary({ cart }: { cart: Cart | undefined }) {
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
          </ul>
        </div>
      ))}
      <p className="is-size-5 has-text-right">
        Total: <strong>{cart && <Amounts amounts={cartTotals(cart)} />}</strong>
      </p>
    </div>
  );
}
