import { Link } from 'react-router-dom';
import { BellIcon } from '../../../components/HeaderIcons';
import { formatDateTime } from '../../../lib/dates';
import { usePopup } from '../../../lib/usePopup';
import type { Notification } from '../../../lib/api/types';
import {
  useLatestNotifications,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useUnreadCount,
} from '../api/notifications';

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: () => void }) {
  const markRead = useMarkNotificationRead();
  const unread = item.read_at === null;
  return (
    <li className={`notification-item ${unread ? 'is-unread' : ''}`}>
      <Link
        to={item.link || '/'}
        onClick={() => {
          if (unread) markRead.mutate(item.id);
          onOpen();
        }}
      >
        <span className={unread ? 'has-text-weight-semibold' : ''}>
          {unread && <span className="is-sr-only">Unread: </span>}
          {item.title}
        </span>
        {item.body && <span className="is-block is-size-7 has-text-grey">{item.body}</span>}
        <time className="is-block is-size-7 has-text-grey" dateTime={item.created_at}>
          {formatDateTime(item.created_at)}
        </time>
      </Link>
    </li>
  );
}

/**
 * The header's bell: the unread count (asked for once a minute and when the
 * window regains focus) and, when opened, the latest notifications.
 */
export function NotificationBell() {
  const { open, close, id: panelId, root, toggleProps } = usePopup();
  const unread = useUnreadCount({ enabled: true }).data?.unread ?? 0;
  const latest = useLatestNotifications({ enabled: open });
  const markAll = useMarkAllNotificationsRead();

  const items = latest.data?.items ?? [];
  return (
    <div className="navbar-item notification-bell" ref={root}>
      <button
        {...toggleProps}
        className="button is-white"
        aria-label={`Notifications, ${unread} unread`}
      >
        <BellIcon />
        {/* In the phone's menu the bell stands in a list of words: it says what it is. */}
        <span className="is-hidden-desktop ml-2" aria-hidden="true">
          Notifications
        </span>
        {unread > 0 && (
          <span
            className="tag is-rounded is-danger ml-1"
            aria-hidden="true"
            data-testid="unread-count"
          >
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="box notification-panel" aria-label="Notifications">
          <div className="is-flex is-justify-content-space-between is-align-items-center mb-2">
            <h2 className="title is-6 mb-0">Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                className="button is-small is-text"
                disabled={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                Mark all read
              </button>
            )}
          </div>
          {latest.isPending ? (
            <p className="is-size-7">Loading…</p>
          ) : latest.isError ? (
            <p className="is-size-7 has-text-danger">Notifications could not be loaded.</p>
          ) : items.length === 0 ? (
            <p className="is-size-7 has-text-grey">Nothing new yet.</p>
          ) : (
            <ul className="notification-list">
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} onOpen={close} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
