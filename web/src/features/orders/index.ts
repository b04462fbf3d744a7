// The orders feature's public face: other features and the app import only these.
export { useDashboard } from './api/get-dashboard';
export { useShopOrders } from './api/get-shop-orders';
export { orderKeys } from './api/keys';
export { OrderActions, vendorActions } from './components/OrderActions';
export { STATUS_LABELS, StatusTag } from './components/StatusTag';
export { OrderPage } from './pages/OrderPage';
export { OrdersPage } from './pages/OrdersPage';
