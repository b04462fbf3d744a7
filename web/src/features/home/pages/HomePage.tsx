import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { ProductGrid } from '../../../components/ProductCard';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useAuth } from '../../auth';
import { useProducts } from '../../catalog';
import { FavoriteButton } from '../../favorites';
import { ShopCard, useShops } from '../../shops';
import { showcase } from '../utils/showcase';

const NEW_PRODUCTS_SHOWN = 8;

export function HomePage() {
  usePageTitle(undefined);
  const shops = useShops({ sort: 'products', limit: 6 });
  // More than are shown, so that those with images can lead (utils/showcase.ts).
  const products = useProducts({ sort: 'newest', limit: 24, in_stock: true });

  return (
    <>
      <section className="hero is-primary home-hero">
        <div className="hero-body">
          <div className="container">
            <h1 className="title is-2">Small shops, one cart.</h1>
            <p className="subtitle">
              Handmade and small-batch goods from independent makers. Fill one cart across every
              shop and pay once.
            </p>
            <div className="buttons">
              <Link to={paths.search.href()} className="button is-white">
                Browse products
              </Link>
              <ShopOwnerLink />
            </div>
          </div>
        </div>
      </section>
      <section className="section">
        <div className="container">
          <div className="level is-mobile">
            <h2 className="title is-4 level-left">Featured shops</h2>
            <Link className="level-right" to={paths.shops.href()}>
              All shops →
            </Link>
          </div>
          {shops.isPending && <Loading />}
          <ErrorNotice error={shops.error} onRetry={() => shops.refetch()} />
          {shops.data?.items.length === 0 && (
            <EmptyState title="No shops yet">Be the first to open one.</EmptyState>
          )}
          <ul className="shop-grid" aria-label="Featured shops">
            {shops.data?.items.map((shop) => (
              <li key={shop.id}>
                <ShopCard shop={shop} />
              </li>
            ))}
          </ul>
        </div>
      </section>
      <section className="section pt-0">
        <div className="container">
          <div className="level is-mobile">
            <h2 className="title is-4 level-left">New products</h2>
            <Link className="level-right" to={paths.search.href({ sort: 'newest' })}>
              See more →
            </Link>
          </div>
          {products.isPending && <Loading />}
          <ErrorNotice error={products.error} onRetry={() => products.refetch()} />
          {products.data?.items.length === 0 && <EmptyState title="No products yet" />}
          {products.data && (
            <ProductGrid
              products={showcase(products.data.items, NEW_PRODUCTS_SHOWN)}
              action={(product) => <FavoriteButton product={product} />}
            />
          )}
        </div>
      </section>
    </>
  );
}

/** Signed out: open a shop (a vendor's sign-up); a vendor: their shop's dashboard. */
function ShopOwnerLink() {
  const { user, loading } = useAuth();
  if (loading || (user && user.role !== 'vendor')) return null;
  return (
    <Link
      to={user ? paths.vendor.dashboard.href() : paths.signUp.href({ role: 'vendor' })}
      className="button is-primary is-inverted is-outlined"
    >
      {user ? 'Go to your shop' : 'Open your shop'}
    </Link>
  );
}
