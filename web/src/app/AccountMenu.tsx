import { NavLink, useNavigate } from 'react-router-dom';
import { paths } from '../config/paths';
import { useAuth } from '../features/auth';
import type { User } from '../lib/api/types';
import { usePopup } from '../lib/usePopup';

/**
 * The signed-in person's name in the header, opening their orders, account
 * settings and sign-out: one item in the header row instead of four, so a
 * vendor's header fits one row on a laptop.
 */
export function AccountMenu({ user }: { user: User }) {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const { open, close, id, root, toggleProps } = usePopup();

  return (
    <div className={`navbar-item has-dropdown account-menu ${open ? 'is-active' : ''}`} ref={root}>
      <button {...toggleProps} className="navbar-link">
        <span className="is-sr-only">Account menu:</span>{' '}
        <span data-testid="signed-in-as">{user.display_name}</span>
      </button>
      {open && (
        <div id={id} className="navbar-dropdown is-right">
          <NavLink to={paths.orders.href()} className="navbar-item" onClick={close}>
            Your orders
          </NavLink>
          <NavLink to={paths.account.href()} className="navbar-item" onClick={close}>
            Account
          </NavLink>
          <hr className="navbar-divider" />
          <button
            type="button"
            className="navbar-item account-menu-action"
            onClick={async () => {
              close();
              await signOut();
              navigate(paths.home.href());
            }}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
