import { NavLink } from 'react-router-dom';

const TABS: [string, string][] = [
  ['/vendor', 'Dashboard'],
  ['/vendor/products', 'Products'],
  ['/vendor/orders', 'Orders'],
  ['/vendor/shop', 'Shop settings'],
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
