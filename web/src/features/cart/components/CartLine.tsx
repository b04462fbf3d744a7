import { Link } from 'react-router-dom';
import { Money } from '../../../components/Money';
import { paths } from '../../../config/paths';
import { errorMessage } from '../../../lib/api';
import type { CartItem } from '../../../lib/api/types';
import { useCartActions } from '../api/change-cart';

/**
 * One product in the cart, with its quantity and a way to remove it. The
 * quantity select is never disabled while its change is saved: disabling the
 * focused control drops a keyboard user's focus to the page (issue 18).
 */
export function CartLine({ item }: { item: CartItem }) {
  const { setQuantity, remove } = useCartActions();
  const { product } = item;
  const inputId = `qty-${product.id}`;
  const max = Math.max(item.quantity, Math.min(product.inventory, 99));
  return (
    <li className="media cart-line" data-testid="cart-line">
      <figure className="media-left image is-64x64">
        {product.image ? (
          <img src={product.image.urls.small} alt="" />
        ) : (
          <span className="image-placeholder is-block" style={{ height: 64 }} />
        )}
      </figure>
      <div className="media-content">
        <p className="has-text-weight-semibold">
          <Link to={paths.product.href(product.id)}>{product.name}</Link>
        </p>
        <p className="is-size-7 has-text-grey">
          <Money cents={item.unit_price_cents} currency={product.currency} /> each
        </p>
        {item.warning && (
          <p className="help is-warning-dark" role="status">
            {item.warning}
          </p>
        )}
        <div className="field is-grouped mt-2">
          <div className="control">
            <label className="is-sr-only" htmlFor={inputId}>
              Quantity of {product.name}
            </label>
            <div className="select is-small">
              <select
                id={inputId}
                value={item.quantity}
                aria-busy={setQuantity.isPending}
                onChange={(e) =>
                  setQuantity.mutate({ productId: product.id, quantity: Number(e.target.value) })
                }
              >
                {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="control">
            <button
              type="button"
              className="button is-small is-text"
              onClick={() => remove.mutate(product.id)}
              disabled={remove.isPending}
            >
              Remove <span className="is-sr-only">{product.name}</span>
            </button>
          </div>
        </div>
        {(setQuantity.error || remove.error) && (
          <p className="help is-danger" role="alert">
            {errorMessage(setQuantity.error || remove.error)}
          </p>
        )}
      </div>
      <div className="media-right has-text-weight-semibold">
        <Money cents={item.line_total_cents} currency={product.currency} />
      </div>
    </li>
  );
}
