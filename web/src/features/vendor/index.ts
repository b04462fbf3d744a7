// The vendor feature's public face (the pages of a shop's back office).
export { DashboardPage } from './pages/DashboardPage';
export { EarningsPage } from './pages/EarningsPage';
export { ProductEditPage } from './pages/ProductEditPage';
export { ProductsPage } from './pages/ProductsPage';
export { ShopEditPage } from './pages/ShopEditPage';
export { VendorOrdersPage } from './pages/VendorOrdersPage';
