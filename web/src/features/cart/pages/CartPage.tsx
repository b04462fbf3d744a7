import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useAuth } from '../../auth';
import { useCart } from '../api/get-cart';
import { Amounts } from '../components/Amounts';
import { CartLine } from '../components/CartLine';
import { ShopShipping } from '../components/ShopShipping';
import { cartShipping, cartSubtotals, cartTotals, totalsByCurrency } from '../utils/totals';

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
              <Link to={paths.search.href()} className="button is-primary">
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
                    <Link to={paths.shop.href(group.shop.slug)}>{group.shop.name}</Link>
                  </h2>
                  <ul>
                    {group.items.map((item) => (
                      <CartLine key={item.product.id} item={item} />
                    ))}
                  </ul>
                  <div className="has-text-right mt-3">
                    <p>
                      Subtotal: <Amounts amounts={totalsByCurrency(group.items)} />
                    </p>
                    <ShopShipping group={group} cart={data} />
                  </div>
                </section>
              ))}
            </div>
            <aside className="column is-4">
              <div className="box">
                <p className="is-flex is-justify-content-space-between">
                  <span>Subtotal</span>
                  <span data-testid="cart-subtotal">
                    <Amounts amounts={cartSubtotals(data)} />
                  </span>
                </p>
                <p className="is-flex is-justify-content-space-between mb-2">
                  <span>Shipping</span>
                  <span data-testid="cart-shipping">
                    {cartShipping(data).length > 0 ? (
                      <Amounts amounts={cartShipping(data)} />
                    ) : (
                      'Free'
                    )}
                  </span>
                </p>
                <p className="is-size-5 mb-2">
                  Total ({data.item_count} {data.item_count === 1 ? 'item' : 'items'}):{' '}
                  <strong data-testid="cart-total">
                    <Amounts amounts={cartTotals(data)} />
                  </strong>
                </p>
                {data.shops.length > 1 && (
                  <p className="is-size-7 has-text-grey mb-3">
                    You pay once; each of the {data.shops.length} shops gets its own order.
                  </p>
                )}
                <Link
                  to={
                    user
                      ? paths.checkout.href()
                      : paths.signIn.href({ next: paths.checkout.href() })
                  }
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
