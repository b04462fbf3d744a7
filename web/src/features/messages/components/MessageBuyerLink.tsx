import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';

/** "Message the buyer", on a vendor's order: opens the form that writes in the order's thread. */
export function MessageBuyerLink({
  order,
}: {
  order: { id: number; buyer: { display_name: string } };
}) {
  return (
    <Link
      to={paths.newMessage.href({ order: order.id })}
      state={{ buyerName: order.buyer.display_name }}
      className="button is-light"
    >
      Message the buyer
    </Link>
  );
}
