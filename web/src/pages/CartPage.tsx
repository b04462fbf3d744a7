import { Link } from 'react-router-dom';
import { errorMessage } from '../api';
import type { CartItem } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { useCart, useCartActions } from '../cart/useCart';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Money } from '../components/Money';
import { usePageTitle } from '../lib/usePageTitle';

function CartLine({ item }: { item: CartItem }) {
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
          <Link to={`/products/${product.id}`}>{product.name}</Link>
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
                disabled={setQuantity.isPending}
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

export function CartPage() {
  usePageTitle('Cart');
  const { user } = useAuth();
  const cart = useCart();
  const data = cart.data;

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Your cart</h1>
        {cart.isFetching && !data?.items.length && <Loading />}
        <ErrorNotice error={cart.error} onRetry={() => cart.refetch()} />
        {data && data.items.length === 0 && !cart.isFetching && (
          <EmptyState
            title="Your cart is empty"
            action={
              <Link to="/search" className="button is-primary">
                Browse products
              </Link>
            }
          >
            One cart holds products from every shop.
          </EmptyState>
        )}
        {data && data.items.length > 0 && (
          <div className="columns">
            <div className="column is-8">
              {data.warnings.length > 0 && (
                <div className="notification is-warning is-light" role="status">
                  {data.warnings.map((w) => (
                    <p key={w}>{w}</p>
                  ))}
                </div>
              )}
              {data.shops.map((group) => (
                <section
                  key={group.shop.id}
                  className="box cart-shop"
                  style={{ borderTopColor: group.shop.accent_color }}
                >
                  <h2 className="title is-5">
                    <Link to={`/shops/${group.shop.slug}`}>{group.shop.name}</Link>
                  </h2>
                  <ul>
                    {group.items.map((item) => (
                      <CartLine key={item.product.id} item={item} />
                    ))}
                  </ul>
                  <p className="has-text-right mt-3">
                    Subtotal: <Money cents={group.subtotal_cents} currency={data.currency} />
                  </p>
                </section>
              ))}
            </div>
            <aside className="column is-4">
              <div className="box">
                <p className="is-size-5 mb-2">
                  Total ({data.item_count} {data.item_count === 1 ? 'item' : 'items'}):{' '}
                  <strong data-testid="cart-total">
                    <Money cents={data.total_cents} currency={data.currency} />
                  </strong>
                </p>
                {data.shops.length > 1 && (
                  <p className="is-size-7 has-text-grey mb-3">
                    You pay once; each of the {data.shops.length} shops gets its own order.
                  </p>
                )}
                <Link
                  to={user ? '/checkout' : '/signin?next=%2Fcheckout'}
                  className="button is-primary is-fullwidth"
                >
                  {user ? 'Check out' : 'Sign in to check out'}
                </Link>
              </div>
            </aside>
          </div>
        )}
      </div>
    </section>
  );
}
