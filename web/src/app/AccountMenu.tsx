import { NavLink, useNavigate } from 'react-router-dom';
import { paths } from '../config/paths';
import { useAuth } from '../features/auth';
import type { User } from '../lib/api/types';
import { TOUCH_SCREEN, useMediaQuery } from '../lib/useMediaQuery';
import { usePopup } from '../lib/usePopup';

/**
 * The signed-in person's orders, favorites, account settings and sign-out.
 * On a laptop they open from the person's name in the header, one item
 * instead of four, so a vendor's header fits one row; in a phone's menu,
 * already a list that took a tap to open, they are listed under the name.
 */
export function AccountMenu({ user }: { user: User }) {
  const onTouchScreen = useMediaQuery(TOUCH_SCREEN);
  return onTouchScreen ? <AccountList user={user} /> : <AccountDropdown user={user} />;
}

function AccountDropdown({ user }: { user: User }) {
  const { open, close, id, root, toggleProps } = usePopup();
  return (
    <div className={`navbar-item has-dropdown account-menu ${open ? 'is-active' : ''}`} ref={root}>
      <button {...toggleProps} className="navbar-link">
        <span className="is-sr-only">Account menu:</span>{' '}
        <span data-testid="signed-in-as">{user.display_name}</span>
      </button>
      {open && (
        <div id={id} className="navbar-dropdown is-right">
          <AccountItems onChoose={close} />
        </div>
      )}
    </div>
  );
}

function AccountList({ user }: { user: User }) {
  return (
    <section className="account-menu" aria-labelledby="account-menu-name">
      <p id="account-menu-name" className="navbar-item account-menu-name">
        <span className="is-sr-only">Signed in as</span>{' '}
        <span data-testid="signed-in-as">{user.display_name}</span>
      </p>
      <AccountItems />
    </section>
  );
}

function AccountItems({ onChoose }: { onChoose?: () => void }) {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <>
      <NavLink to={paths.orders.href()} className="navbar-item" onClick={onChoose}>
        Your orders
      </NavLink>
      <NavLink to={paths.favorites.href()} className="navbar-item" onClick={onChoose}>
        Favorites
      </NavLink>
      <NavLink to={paths.account.href()} className="navbar-item" onClick={onChoose}>
        Account
      </NavLink>
      <hr className="navbar-divider" />
      <button
        type="button"
        className="navbar-item account-menu-action"
        onClick={async () => {
          onChoose?.();
          await signOut();
          navigate(paths.home.href());
        }}
      >
        Sign out
      </button>
    </>
  );
}
