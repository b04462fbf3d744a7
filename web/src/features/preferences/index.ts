// Notification preferences: the form (for the account page to embed) and its page.
export { NotificationPreferencesForm } from './components/NotificationPreferencesForm';
export { NotificationPreferencesPage } from './pages/NotificationPreferencesPage';
export { UnsubscribePage } from './pages/UnsubscribePage';
