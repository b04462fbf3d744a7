import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import type { CheckoutResult, Order } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useMyOrders } from '../api/get-orders';
import { OrderItemsPreview } from '../components/OrderItemsPreview';
import { StatusTag } from '../components/StatusTag';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const itemCount = (order: Order) => order.items.reduce((n, i) => n + i.quantity, 0);

export function OrdersPage() {
  usePageTitle('Your orders');
  const location = useLocation();
  const placed = (location.state as { placed?: CheckoutResult } | null)?.placed;
  const [page, setPage] = useState(1);
  const orders = useMyOrders(page);

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Your orders</h1>
        {placed && (
          <div
            className="notification is-success is-light"
            role="status"
            data-testid="order-placed"
          >
            <p className="has-text-weight-semibold">Thank you! Your payment went through.</p>
            <p>
              {capitalize(placed.payment.card_brand)} card ending {placed.payment.card_last4} was
              charged <Money cents={placed.total_cents} currency={placed.currency} /> for{' '}
              {placed.orders.length} {placed.orders.length === 1 ? 'order' : 'orders'}.
            </p>
          </div>
        )}
        {orders.isPending && <Loading />}
        <ErrorNotice error={orders.error} onRetry={() => orders.refetch()} />
        {orders.data?.items.length === 0 && (
          <EmptyState
            title="No orders yet"
            action={
              <Link to={paths.search.href()} className="button is-primary">
                Start shopping
              </Link>
            }
          />
        )}
        <ul className="order-list">
          {orders.data?.items.map((order) => (
            <li key={order.id} className="box order-row" data-testid="order-row">
              <div className="columns is-mobile is-multiline is-vcentered">
                <div className="column is-half-mobile">
                  <Link to={paths.order.href(order.id)} className="has-text-weight-semibold">
                    Order #{order.id}
                  </Link>
                  <p className="is-size-7 has-text-grey">{formatDate(order.created_at)}</p>
                </div>
                <div className="column is-half-mobile">
                  <span className="shop-dot" style={{ background: order.shop.accent_color }} />{' '}
                  {order.shop.name}
                  <p className="is-size-7 has-text-grey">
                    {itemCount(order)} {itemCount(order) === 1 ? 'item' : 'items'}
                  </p>
                </div>
                <div className="column is-full-mobile">
                  <OrderItemsPreview order={order} />
                </div>
                <div className="column is-half-mobile">
                  <StatusTag status={order.status} />
                </div>
                <div className="column is-half-mobile has-text-right">
                  <span className="has-text-weight-semibold">
                    <Money cents={order.total_cents} currency={order.currency} />
                  </span>
                  {(order.refunded_cents ?? 0) > 0 && (
                    <p className="is-size-7 has-text-grey" data-testid="order-refunded">
                      Refunded <Money cents={order.refunded_cents ?? 0} currency={order.currency} />
                    </p>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
        {orders.data && (
          <Pagination page={orders.data.page ?? 1} pages={orders.data.pages} onPage={setPage} />
        )}
      </div>
    </section>
  );
}
