// The messages feature's public face: other features and the app import only these.
export { ContactShopLink } from './components/ContactShopLink';
export { MessageBuyerLink } from './components/MessageBuyerLink';
export { UnreadMessagesLink } from './components/UnreadMessagesLink';
