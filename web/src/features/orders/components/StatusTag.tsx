import type { OrderStatus } from '../../../lib/api/types';

const CLASSES: Record<OrderStatus, string> = {
  paid: 'is-info',
  processing: 'is-warning',
  shipped: 'is-link',
  delivered: 'is-success',
  cancelled: 'is-danger',
  refunded: 'is-dark',
};

export const STATUS_LABELS: Record<OrderStatus, string> = {
  paid: 'Paid',
  processing: 'Processing',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

export function StatusTag({ status }: { status: OrderStatus }) {
  return (
    <span className={`tag is-light ${CLASSES[status] ?? ''}`} data-status={status}>
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}
