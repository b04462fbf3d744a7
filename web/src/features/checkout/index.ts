// The checkout feature's public face: other features and the app import only these.
export { CheckoutPage } from './pages/CheckoutPage';
