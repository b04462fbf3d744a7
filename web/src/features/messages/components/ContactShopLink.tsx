import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';

/**
 * "Contact shop" (or "Ask about this order"): opens the form that writes to
 * the shop, in the thread of that subject. What it is about travels in the
 * link's state, for the form's heading.
 */
export function ContactShopLink({
  shop,
  product,
  order,
  label = 'Contact shop',
  className = 'button is-light',
}: {
  shop: { id: number; name: string };
  product?: { id: number; name: string };
  order?: { id: number };
  label?: string;
  className?: string;
}) {
  return (
    <Link
      to={paths.newMessage.href({ shop: shop.id, product: product?.id, order: order?.id })}
      state={{ shopName: shop.name, productName: product?.name }}
      className={className}
    >
      {label}
    </Link>
  );
}
