import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { PostalAddress } from '../../../components/PostalAddress';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api';
import type { Order } from '../../../lib/api/types';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useAuth } from '../../auth';
import { OrderEarningsBox } from '../../earnings';
import { ContactShopLink, MessageBuyerLink } from '../../messages';
import { useOrder } from '../api/get-order';
import { DisputeBox } from '../components/DisputeBox';
import { OrderActions, buyerCanCancel, vendorActions } from '../components/OrderActions';
import { OrderPayment } from '../components/OrderPayment';
import { RefundPanel } from '../components/RefundPanel';
import { OrderTimeline } from '../components/OrderTimeline';
import { StatusTag } from '../components/StatusTag';

export function OrderPage() {
  const id = Number(useParams().id);
  const { user } = useAuth();
  usePageTitle(`Order #${id}`);
  const order = useOrder(id);

  if (
    !Number.isInteger(id) ||
    id <= 0 ||
    (order.error instanceof ApiError && [403, 404].includes(order.error.status))
  ) {
    return <NotFoundPage what="order" />;
  }
  if (order.isPending) return <Loading />;
  if (order.error) {
    return (
      <section className="section">
        <ErrorNotice error={order.error} onRetry={() => order.refetch()} />
      </section>
    );
  }
  const o = order.data;
  const isBuyer = user?.id === o.buyer.id;
  // The vendor refunds from here in parts (RefundPanel), not all at once.
  const actions = isBuyer
    ? buyerCanCancel(o)
      ? (['cancel'] as const)
      : []
    : vendorActions(o).filter((action) => action !== 'refund');

  return (
    <section className="section">
      <div className="container">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <ul>
            <li>
              <Link to={isBuyer ? paths.orders.href() : paths.vendor.orders.href()}>
                {isBuyer ? 'Your orders' : 'Shop orders'}
              </Link>
            </li>
            <li className="is-active">
              <a aria-current="page">Order #{o.id}</a>
            </li>
          </ul>
        </nav>
        <h1 className="title">
          Order #{o.id} <StatusTag status={o.status} />
        </h1>
        <p className="subtitle is-6">
          From <Link to={paths.shop.href(o.shop.slug)}>{o.shop.name}</Link> · placed{' '}
          {formatDateTime(o.created_at)}
          {!isBuyer && <> · buyer {o.buyer.display_name}</>}
        </p>
        <div className="columns">
          <div className="column is-7">
            <div className="box">
              <h2 className="title is-5">Items</h2>
              <div className="table-container">
                <table className="table is-fullwidth">
                  <thead>
                    <tr>
                      <th scope="col">Product</th>
                      <th scope="col">Qty</th>
                      <th scope="col" className="has-text-right">
                        Total
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.items.map((item) => (
                      <tr key={item.product_id}>
                        <td>
                          <Link to={paths.product.href(item.product_id)}>{item.name}</Link>
                          {isBuyer && o.status === 'delivered' && (
                            <Link
                              to={paths.product.href(item.product_id, 'write-review')}
                              className="is-size-7 ml-2"
                            >
                              Write a review
                            </Link>
                          )}
                        </td>
                        <td>{item.quantity}</td>
                        <td className="has-text-right">
                          <Money cents={item.line_total_cents} currency={o.currency} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr data-testid="order-shipping">
                      <th colSpan={2} className="has-text-weight-normal">
                        Shipping
                      </th>
                      <td className="has-text-right">
                        {o.shipping_cents > 0 ? (
                          <Money cents={o.shipping_cents} currency={o.currency} />
                        ) : (
                          'Free'
                        )}
                      </td>
                    </tr>
                    <tr>
                      <th colSpan={2}>Total</th>
                      <th className="has-text-right">
                        <Money cents={o.total_cents} currency={o.currency} />
                      </th>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </div>
            <div className="box">
              <h2 className="title is-5">Shipping to</h2>
              <PostalAddress address={o.shipping_address} />
            </div>
          </div>
          <div className="column is-5">
            <div className="box">
              <h2 className="title is-5">Status</h2>
              <OrderTimeline order={o} />
              <OrderActions order={o} actions={[...actions]} by={isBuyer ? 'buyer' : 'vendor'} />
              {!isBuyer && <RefundPanel order={o} />}
              <p className="mt-4">
                {isBuyer ? <AskTheShop order={o} /> : <MessageBuyerLink order={o} />}
              </p>
            </div>
            <OrderPayment order={o} />
            {!isBuyer && <DisputeBox order={o} />}
            {!isBuyer && (
              <OrderEarningsBox orderId={o.id} captured={o.platform_fee_cents != null} />
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

/** The buyer's way to ask the shop about the order, unless the shop has closed. */
function AskTheShop({ order }: { order: Order }) {
  if (order.shop.closed_at != null)
    return (
      <span className="has-text-grey">
        {order.shop.name} closed on {formatDate(order.shop.closed_at)}: it no longer answers
        messages.
      </span>
    );
  return <ContactShopLink shop={order.shop} order={order} label="Ask about this order" />;
}
