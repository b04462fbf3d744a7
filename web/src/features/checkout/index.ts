// The checkout feature's public face: other features and the app import only these.
export { CheckoutPage } from './pages/CheckoutPage';
// The saved address, which the account page shows and edits.
export { AddressFields } from './components/AddressFields';
export { useForgetAddress, useSaveAddress, useSavedAddress } from './api/saved-address';
export { EMPTY_ADDRESS } from './utils/fields';
