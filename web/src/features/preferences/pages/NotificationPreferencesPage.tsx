import { usePageTitle } from '../../../lib/usePageTitle';
import { NotificationPreferencesForm } from '../components/NotificationPreferencesForm';

export function NotificationPreferencesPage() {
  usePageTitle('Notifications');
  return (
    <section className="section">
      <div className="container" style={{ maxWidth: '40rem' }}>
        <h1 className="title">Notifications</h1>
        <NotificationPreferencesForm />
      </div>
    </section>
  );
}
