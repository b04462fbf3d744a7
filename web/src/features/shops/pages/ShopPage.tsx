import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { ProductGrid } from '../../../components/ProductCard';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useAuth } from '../../auth';
import { FavoriteButton } from '../../favorites';
import { ContactShopLink } from '../../messages';
import { useMyShop } from '../api/get-my-shop';
import { useShop } from '../api/get-shop';
import { ShippingRatesSummary } from '../components/ShippingRatesSummary';
import { ShopHero } from '../components/ShopHero';

export function ShopPage() {
  const { slug = '' } = useParams();
  const shop = useShop(slug);
  const { user } = useAuth();
  const myShop = useMyShop({ enabled: user?.role === 'vendor' });
  usePageTitle(shop.data?.name);

  if (shop.error instanceof ApiError && shop.error.status === 404)
    return <NotFoundPage what="shop" />;
  if (shop.isPending) return <Loading />;
  if (shop.error) {
    return (
      <section className="section">
        <ErrorNotice error={shop.error} onRetry={() => shop.refetch()} />
      </section>
    );
  }
  const { data } = shop;
  const products = data.products;
  // A vendor's own products are theirs to edit, not to save.
  const ownShop = myShop.data?.id === data.id;
  return (
    <div className="shop-page" style={{ ['--shop-accent' as string]: data.accent_color }}>
      <ShopHero shop={data} />
      <section className="section">
        <div className="container">
          <div className="columns">
            <div className="column is-9">
              <h2 className="title is-4">Products</h2>
              {data.closed_at ? (
                <EmptyState title="This shop has closed">
                  It closed on {formatDate(data.closed_at)} and no longer sells anything. Orders you
                  placed with it stay in <Link to={paths.orders.href()}>your orders</Link>.
                </EmptyState>
              ) : products.items.length === 0 ? (
                <EmptyState title="No products yet">
                  This shop is still stocking its shelves.
                </EmptyState>
              ) : (
                <ProductGrid
                  products={products.items}
                  showShop={false}
                  action={ownShop ? undefined : (product) => <FavoriteButton product={product} />}
                />
              )}
              {products.pages > 1 && (
                <p className="mt-4">
                  <Link to={paths.search.href({ shop: data.slug })} className="button">
                    See all {products.total} products
                  </Link>
                </p>
              )}
            </div>
            <aside className="column is-3">
              <div className="box shop-policies">
                <h2 className="title is-6">Shipping</h2>
                <ShippingRatesSummary rates={data.shipping_rates} />
                {data.shipping_policy && <p className="mb-3">{data.shipping_policy}</p>}
                {data.returns_policy && (
                  <>
                    <h2 className="title is-6">Returns</h2>
                    <p>{data.returns_policy}</p>
                  </>
                )}
                {!data.shipping_policy && !data.returns_policy && (
                  <p className="has-text-grey">This shop has not written its policies yet.</p>
                )}
              </div>
              {!data.closed_at && !ownShop && <ContactShopLink shop={data} />}
            </aside>
          </div>
        </div>
      </section>
    </div>
  );
}
