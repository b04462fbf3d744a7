// The cart feature's public face: other features and the app import only these.
export { useCartActions } from './api/change-cart';
export { useCart } from './api/get-cart';
export { cartKeys } from './api/keys';
export { CartPage } from './pages/CartPage';
export { Amounts } from './components/Amounts';
export { cartTotals, totalsByCurrency, type Amount } from './utils/totals';
