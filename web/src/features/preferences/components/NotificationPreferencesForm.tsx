import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import type { NotificationPreferences } from '../../../lib/api/types';
import {
  useNotificationPreferences,
  useSetNotificationPreferences,
} from '../api/notification-preferences';

type Topic = keyof NotificationPreferences;

/** The topics a user may turn off, as docs/openapi.json lists them. */
const TOPICS: { topic: Topic; label: string; help: string }[] = [
  { topic: 'messages', label: 'New messages', help: 'When a buyer or a shop writes to you.' },
  {
    topic: 'order_updates',
    label: 'Order updates',
    help: 'When an order is shipped or delivered.',
  },
  {
    topic: 'review_invitations',
    label: 'Review invitations',
    help: 'An invitation to review what was delivered to you.',
  },
  {
    topic: 'favorites',
    label: 'Favorites',
    help: 'When something you saved costs less or is back in stock.',
  },
  { topic: 'marketing', label: 'News', help: 'News and offers from the marketplace.' },
];

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const [choices, setChoices] = useState(saved);
  const saving = useSetNotificationPreferences();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(choices);
  };
  return (
    <form onSubmit={submit} aria-labelledby="notification-preferences-title">
      <fieldset>
        <legend className="title is-5" id="notification-preferences-title">
          Mails we send you
        </legend>
        <p className="mb-3 is-size-7">
          Receipts, password resets and other mails about your account always go.
        </p>
        {TOPICS.map(({ topic, label, help }) => (
          <div className="field" key={topic}>
            <label className="checkbox">
              <input
                type="checkbox"
                name={topic}
                checked={choices[topic]}
                aria-describedby={`preference-${topic}-help`}
                onChange={(event) => setChoices({ ...choices, [topic]: event.target.checked })}
              />{' '}
              {label}
            </label>
            <p className="help" id={`preference-${topic}-help`}>
              {help}
            </p>
          </div>
        ))}
      </fieldset>
      <ErrorNotice error={saving.error} />
      {saving.isSuccess && (
        <p className="notification is-success is-light" role="status">
          Saved.
        </p>
      )}
      <button
        type="submit"
        className={`button is-primary mt-3 ${saving.isPending ? 'is-loading' : ''}`}
        disabled={saving.isPending}
      >
        Save preferences
      </button>
    </form>
  );
}

/** The signed-in user's notification preferences: which mails they get. */
export function NotificationPreferencesForm() {
  const preferences = useNotificationPreferences();
  if (preferences.isPending) return <Loading />;
  if (preferences.error)
    return <ErrorNotice error={preferences.error} onRetry={() => preferences.refetch()} />;
  return <PreferencesForm saved={preferences.data} />;
}
