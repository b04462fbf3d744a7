import { NavLink } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useUnreadMessages } from '../api/get-unread';

/** The header's "Messages" link with the count of unread messages. */
export function UnreadMessagesLink() {
  const { data: count = 0 } = useUnreadMessages({ enabled: true });
  return (
    <NavLink
      to={paths.messages.href()}
      className="navbar-item"
      aria-label={count ? `Messages, ${count} unread` : 'Messages'}
    >
      Messages
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
