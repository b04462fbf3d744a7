import { NavLink } from 'react-router-dom';
import { paths } from '../../../config/paths';

const TABS: [string, string][] = [
  [paths.vendor.dashboard.href(), 'Dashboard'],
  [paths.vendor.products.href(), 'Products'],
  [paths.vendor.orders.href(), 'Orders'],
  [paths.vendor.earnings.href(), 'Earnings'],
  [paths.vendor.shop.href(), 'Shop settings'],
];

export function VendorNav() {
  return (
    <nav className="tabs is-boxed vendor-tabs" aria-label="Vendor">
      <ul>
        {TABS.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end className={({ isActive }) => (isActive ? 'is-active-link' : '')}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
