// The development mailbox's public face: the app imports only these.
export { MailboxMailPage } from './pages/MailboxMailPage';
export { MailboxPage } from './pages/MailboxPage';
