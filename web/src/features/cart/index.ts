// The cart feature's public face: other features and the app import only these.
export { useCartActions } from './api/change-cart';
export { useCart } from './api/get-cart';
export { cartKeys } from './api/keys';
export { CartPage } from './pages/CartPage';
export { Amounts } from './components/Amounts';
export {
  cartShipping,
  cartSubtotals,
  cartTotals,
  shippingCurrency,
  totalsByCurrency,
  type Amount,
  type CartShop,
} from './utils/totals';
