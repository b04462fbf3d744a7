// The messages feature's public face: other features and the app import only these.
export { ContactShopLink } from './components/ContactShopLink';
export { MessageBuyerLink } from './components/MessageBuyerLink';
export { UnreadMessagesLink } from './components/UnreadMessagesLink';
export { InboxPage } from './pages/InboxPage';
export { NewConversationPage } from './pages/NewConversationPage';
export { ThreadPage } from './pages/ThreadPage';
