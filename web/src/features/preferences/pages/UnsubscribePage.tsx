import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { unsubscribe } from '../api/notification-preferences';

const TOPIC_LABELS: Record<string, string> = {
  messages: 'new messages',
  order_updates: 'order updates',
  review_invitations: 'review invitations',
  favorites: 'news of your favorites',
  marketing: 'news',
};

/**
 * Where a mail's "Unsubscribe" link leads: one button that turns the mail's
 * topic off with the link's token (no sign-in), as mail clients do in one
 * click with List-Unsubscribe. A GET never changes anything.
 */
export function UnsubscribePage() {
  usePageTitle('Unsubscribe');
  const token = useSearchParams()[0].get('token') ?? '';
  const topic = token.split('.')[1] ?? '';
  const label = TOPIC_LABELS[topic] ?? 'these mails';
  const unsubscribing = useMutation({ mutationFn: () => unsubscribe(token) });
  return (
    <section className="section">
      <div className="container" style={{ maxWidth: '36rem' }}>
        <h1 className="title">Unsubscribe</h1>
        {unsubscribing.isSuccess ? (
          <p className="notification is-success is-light" role="status">
            Done: you will get no more mails about {label}. Change this any time in your{' '}
            <Link to={paths.notificationPreferences.href()}>notification settings</Link>.
          </p>
        ) : (
          <>
            <p className="mb-4">Stop the mails about {label}?</p>
            <button
              type="button"
              className={`button is-primary ${unsubscribing.isPending ? 'is-loading' : ''}`}
              disabled={unsubscribing.isPending}
              onClick={() => unsubscribing.mutate()}
            >
              Unsubscribe
            </button>
            <ErrorNotice error={unsubscribing.error} />
          </>
        )}
      </div>
    </section>
  );
}
