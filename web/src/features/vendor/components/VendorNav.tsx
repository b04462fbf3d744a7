import { NavLink } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useShopOrders } from '../../orders';
import '../phone.css';

const TABS: [string, string][] = [
  [paths.vendor.dashboard.href(), 'Dashboard'],
  [paths.vendor.products.href(), 'Products'],
  [paths.vendor.orders.href(), 'Orders'],
  [paths.vendor.earnings.href(), 'Earnings'],
  [paths.vendor.shop.href(), 'Shop settings'],
];

/**
 * How many of the shop's orders are paid and wait for the vendor: the total
 * of a one-item page, counted by the server over its (shop, status) index.
 */
function useNewOrderCount(): number {
  const newOrders = useShopOrders({ status: 'paid', limit: 1 });
  return newOrders.data?.total ?? 0;
}

export function VendorNav() {
  const newOrders = useNewOrderCount();
  return (
    <nav className="tabs is-boxed vendor-tabs" aria-label="Vendor">
      <ul>
        {TABS.map(([to, label]) => {
          const badge = to === paths.vendor.orders.href() && newOrders > 0;
          return (
            <li key={to}>
              <NavLink to={to} end className={({ isActive }) => (isActive ? 'is-active-link' : '')}>
                {label}
                {badge && (
                  <>
                    <span className="is-sr-only">, </span>
                    <span className="tag is-rounded is-danger ml-2" data-testid="new-orders">
                      {newOrders}
                    </span>
                    <span className="is-sr-only"> new</span>
                  </>
                )}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
