import { NavLink } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useUnreadMessages } from '../api/get-unread';

/**
 * The header's "Messages" link with the count of unread messages. Its name
 * is its visible text ("Messages 2") with " unread" for screen readers.
 */
export function UnreadMessagesLink() {
  const { data: count = 0 } = useUnreadMessages({ enabled: true });
  return (
    <NavLink to={paths.messages.href()} className="navbar-item">
      Messages
      {count > 0 && (
        <>
          {' '}
          <span className="tag is-rounded is-danger ml-1" data-testid="unread-messages">
            {count}
          </span>
          <span className="is-sr-only"> unread</span>
        </>
      )}
    </NavLink>
  );
}
