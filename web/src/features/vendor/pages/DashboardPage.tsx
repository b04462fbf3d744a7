import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useDashboard } from '../../orders';
import { useMyShop } from '../../shops';
import { NoShopYet } from '../components/NoShopYet';
import { RevenueChart } from '../components/RevenueChart';
import { VendorNav } from '../components/VendorNav';

export function DashboardPage() {
  usePageTitle('Dashboard');
  const shop = useMyShop();
  const dashboard = useDashboard({ enabled: Boolean(shop.data) });
  // Every amount is in the currency the dashboard names.
  const currency = dashboard.data?.currency ?? 'USD';

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">{shop.data ? shop.data.name : 'Your shop'}</h1>
        <VendorNav />
        {shop.isPending && <Loading />}
        <ErrorNotice error={shop.error} onRetry={() => shop.refetch()} />
        {shop.data === null && <NoShopYet />}
        {shop.data && (
          <>
            <p className="mb-4">
              <Link to={paths.shop.href(shop.data.slug)}>View your shop page →</Link>
            </p>
            {dashboard.isPending && <Loading />}
            <ErrorNotice error={dashboard.error} onRetry={() => dashboard.refetch()} />
            {dashboard.data && (
              <div className="columns is-multiline">
                <div className="column is-12">
                  <div className="box">
                    <h2 className="title is-5">Revenue, last 30 days</h2>
                    <RevenueChart days={dashboard.data.revenue_by_day} currency={currency} />
                  </div>
                </div>
                <div className="column is-6">
                  <div className="box">
                    <h2 className="title is-5">Top products</h2>
                    {dashboard.data.top_products.length === 0 ? (
                      <p className="has-text-grey">No sales yet.</p>
                    ) : (
                      <table className="table is-fullwidth is-narrow">
                        <thead>
                          <tr>
                            <th scope="col">Product</th>
                            <th scope="col">Sold</th>
                            <th scope="col" className="has-text-right">
                              Revenue
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {dashboard.data.top_products.map((p) => (
                            <tr key={p.product_id}>
                              <td>
                                <Link to={paths.vendor.product.href(p.product_id)}>{p.name}</Link>
                              </td>
                              <td>{p.units}</td>
                              <td className="has-text-right">
                                <Money cents={p.revenue_cents} currency={currency} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                  </div>
                </div>
                <div className="column is-6">
                  <div className="box">
                    <h2 className="title is-5">Low stock</h2>
                    {dashboard.data.low_stock.length === 0 ? (
                      <p className="has-text-grey">Everything is well stocked.</p>
                    ) : (
                      <ul>
                        {dashboard.data.low_stock.map((p) => (
                          <li
                            key={p.product_id}
                            className="notification is-warning is-light py-2 px-3 mb-2"
                          >
                            <Link to={paths.vendor.product.href(p.product_id)}>{p.name}</Link>:{' '}
                            {p.inventory === 0 ? 'sold out' : `${p.inventory} left`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </div>
              </div>
            )}
            {dashboard.data &&
              dashboard.data.top_products.length === 0 &&
              shop.data.product_count === 0 && (
                <EmptyState
                  title="Add your first product"
                  action={
                    <Link to={paths.vendor.newProduct.href()} className="button is-primary">
                      Add a product
                    </Link>
                  }
                />
              )}
          </>
        )}
      </div>
    </section>
  );
}
