import { NavLink } from 'react-router-dom';
import { EnvelopeIcon } from '../../../components/HeaderIcons';
import { paths } from '../../../config/paths';
import { useUnreadMessages } from '../api/get-unread';

/**
 * The header's "Messages" link: an envelope with the count of unread
 * messages, as the bell beside it (the word in the phone's menu). Its name
 * says both ("Messages, 2 unread").
 */
export function UnreadMessagesLink() {
  const { data: count = 0 } = useUnreadMessages({ enabled: true });
  return (
    <NavLink
      to={paths.messages.href()}
      className="navbar-item navbar-messages"
      aria-label={count > 0 ? `Messages, ${count} unread` : 'Messages'}
    >
      <EnvelopeIcon />
      <span className="is-hidden-desktop ml-1" aria-hidden="true">
        Messages
      </span>
      {count > 0 && (
        <span
          className="tag is-rounded is-danger ml-1"
          aria-hidden="true"
          data-testid="unread-messages"
        >
          {count}
        </span>
      )}
    </NavLink>
  );
}
