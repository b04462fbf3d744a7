import type { Order } from '../../../lib/api/types';
import '../orders.css';

/** How many of an order's products a list row names; the rest are counted. */
const SHOWN = 3;

/** The first products of an order, each with its thumbnail and name. */
export function OrderItemsPreview({ order }: { order: Order }) {
  const shown = order.items.slice(0, SHOWN);
  const more = order.items.length - shown.length;
  return (
    <ul className="order-items-preview" aria-label={`Products in order #${order.id}`}>
      {shown.map((item) => (
        <li key={item.product_id} className="is-flex is-align-items-center mb-1">
          <figure className="image is-32x32 mr-2 is-flex-shrink-0">
            {item.image ? (
              <img
                src={item.image.urls.small}
                alt=""
                width={32}
                height={32}
                className="order-item-thumb"
              />
            ) : (
              <span className="image-placeholder is-block" />
            )}
          </figure>
          <span className="order-item-name">
            {item.quantity > 1 && `${item.quantity} × `}
            {item.name}
          </span>
        </li>
      ))}
      {more > 0 && <li className="is-size-7 has-text-grey">and {more} more</li>}
    </ul>
  );
}
