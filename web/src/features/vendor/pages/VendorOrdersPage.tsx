import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import type { OrderStatus } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useUrlParams } from '../../../lib/useUrlParams';
import { OrderActions, STATUS_LABELS, StatusTag, useShopOrders, vendorActions } from '../../orders';
import { useMyShop } from '../../shops';
import { NoShopYet } from '../components/NoShopYet';
import { VendorNav } from '../components/VendorNav';

const STATUSES = Object.keys(STATUS_LABELS) as OrderStatus[];

export function VendorOrdersPage() {
  usePageTitle('Shop orders');
  const shop = useMyShop();
  const { params, update, page } = useUrlParams();
  const statusParam = params.get('status') as OrderStatus | null;
  const status = statusParam && STATUSES.includes(statusParam) ? statusParam : undefined;
  const orders = useShopOrders({ status, page }, { enabled: Boolean(shop.data) });
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Orders</h1>
        <VendorNav />
        {shop.isPending && <Loading />}
        <ErrorNotice error={shop.error} />
        {shop.data === null && <NoShopYet />}
        {shop.data && (
          <>
            <div className="field is-grouped mb-4">
              <label className="label mr-2 mb-0 is-align-self-center" htmlFor="order-status">
                Status
              </label>
              <div className="select">
                <select
                  id="order-status"
                  value={status ?? ''}
                  onChange={(e) => update({ status: e.target.value || undefined })}
                >
                  <option value="">All orders</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {orders.isPending && <Loading />}
            <ErrorNotice error={orders.error} onRetry={() => orders.refetch()} />
            {orders.data?.items.length === 0 && (
              <EmptyState
                title={
                  status ? `No ${STATUS_LABELS[status].toLowerCase()} orders` : 'No orders yet'
                }
              />
            )}
            {orders.data && orders.data.items.length > 0 && (
              <div className="table-container">
                <table className="table is-fullwidth is-vcentered vendor-orders cards-on-phone">
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Buyer</th>
                      <th scope="col">Items</th>
                      <th scope="col">Total</th>
                      <th scope="col">Status</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {orders.data.items.map((order) => (
                      <tr key={order.id} data-testid="shop-order-row">
                        <td data-label="Order">
                          <Link to={paths.order.href(order.id)}>#{order.id}</Link>
                          <p className="is-size-7 has-text-grey">{formatDate(order.created_at)}</p>
                        </td>
                        <td data-label="Buyer">{order.buyer.display_name}</td>
                        <td data-label="Items" className="is-size-7">
                          {order.items.map((i) => (
                            <div key={i.product_id}>
                              {i.quantity} × {i.name}
                            </div>
                          ))}
                        </td>
                        <td data-label="Total">
                          <Money cents={order.total_cents} currency={order.currency} />
                        </td>
                        <td data-label="Status">
                          <StatusTag status={order.status} />
                          {order.tracking_number && (
                            <p className="is-size-7">
                              {order.carrier} {order.tracking_number}
                            </p>
                          )}
                        </td>
                        <td data-label="Actions">
                          <OrderActions order={order} actions={vendorActions(order)} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {orders.data && (
              <Pagination
                page={orders.data.page ?? 1}
                pages={orders.data.pages}
                onPage={(n) => update({ page: n })}
              />
            )}
          </>
        )}
      </div>
    </section>
  );
}
