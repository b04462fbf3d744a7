import { Suspense, useLayoutEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { paths } from '../config/paths';
import { VerifyEmailBanner } from '../features/account';
import { SessionEndedRedirect, useAuth } from '../features/auth';
import { useCart } from '../features/cart';
import { NotificationBell } from '../features/notifications';
import { UnreadMessagesLink } from '../features/messages';
import { AccountMenu } from './AccountMenu';
import './header.css';

/**
 * A server on this machine (`make run`, the dev server): the footer links the
 * development mailbox, which such a server keeps when no SMTP is configured.
 */
const isLocalInstance = () =>
  import.meta.env.DEV || ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);

function SearchBox() {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.search.href({ q: q.trim() }));
  };
  return (
    <form role="search" className="field has-addons navbar-search" onSubmit={submit}>
      <div className="control is-expanded">
        <label htmlFor="site-search" className="is-sr-only">
          Search products
        </label>
        <input
          id="site-search"
          className="input"
          type="search"
          placeholder="Search products"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="control">
        <button type="submit" className="button is-primary">
          Search
        </button>
      </div>
    </form>
  );
}

function CartLink() {
  const { data } = useCart();
  const count = data?.item_count ?? 0;
  return (
    <NavLink
      to={paths.cart.href()}
      className="navbar-item navbar-cart"
      aria-label={`Cart, ${count} items`}
    >
      Cart{' '}
      <span className="tag is-rounded is-primary ml-1" aria-hidden="true" data-testid="cart-count">
        {count}
      </span>
    </NavLink>
  );
}

/**
 * On navigation, moves focus to the new page's content, so keyboard and
 * screen reader users start there, unless the page put focus inside itself
 * while rendering (autoFocus). A layout effect: it runs in the same task as
 * the render that shows the page, after the page's own effects, so no key
 * press can come between the page appearing and focus arriving (a passive
 * effect ran later, under load after the user had already tabbed into the
 * form, and took focus back).
 */
function useFocusOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname, key } = useLocation();
  const focusBefore = useRef<Element | null>(null);
  // The location the document was loaded (or reloaded) at: its key is not
  // always "default", as a reload keeps the history entry's state.
  const [loadedAt] = useState(key);
  const loaded = key === loadedAt;
  useLayoutEffect(() => {
    const content = main.current;
    // On load focus stays at the top, where the skip link and the search are
    // the first stops (issue 18); only a navigation moves it.
    if (!content) return;
    const active = document.activeElement;
    const placedByPage =
      active !== focusBefore.current && active !== content && content.contains(active);
    if (!placedByPage && !loaded) {
      window.scrollTo?.(0, 0);
      content.focus({ preventScroll: true });
    }
    // Runs when the next page commits, before its autoFocus: what had focus then.
    return () => {
      focusBefore.current = document.activeElement;
    };
  }, [main, pathname, loaded]);
}

export function Layout() {
  const { user } = useAuth();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="navbar is-white has-shadow" aria-label="Main">
        <div className="container">
          <div className="navbar-brand">
            <Link to={paths.home.href()} className="navbar-item brand">
              <img src="/favicon.svg" alt="" width="28" height="28" />
              <strong className="ml-2">PocketShop</strong>
            </Link>
            {/* Search and cart stay in the header row on phones, outside the menu (header.css). */}
            <div className="navbar-item navbar-search-item">
              <SearchBox />
            </div>
            <CartLink />
            <button
              type="button"
              className={`navbar-burger ${menuOpen ? 'is-active' : ''}`}
              aria-label="Menu"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true" />
              <span aria-hidden="true" />
              <span aria-hidden="true" />
              <span aria-hidden="true" />
            </button>
          </div>
          <div id="main-menu" className={`navbar-menu ${menuOpen ? 'is-active' : ''}`}>
            <div className="navbar-start">
              <NavLink to={paths.shops.href()} className="navbar-item">
                Shops
              </NavLink>
              <NavLink to={paths.search.href()} className="navbar-item">
                Browse
              </NavLink>
              {user?.role === 'vendor' && (
                <NavLink to={paths.vendor.dashboard.href()} className="navbar-item">
                  My shop
                </NavLink>
              )}
            </div>
            <div className="navbar-end">
              {user ? (
                <>
                  <NotificationBell />
                  <UnreadMessagesLink />
                  <AccountMenu user={user} />
                </>
              ) : (
                <div className="navbar-item">
                  <div className="buttons">
                    <Link to={paths.signUp.href()} className="button is-primary">
                      Sign up
                    </Link>
                    <Link to={paths.signIn.href()} className="button is-light">
                      Sign in
                    </Link>
                  </div>
                </div>
              )}
            </div>
          </div>
        </div>
      </nav>
      <SessionEndedRedirect />
      <VerifyEmailBanner />
      <main id="main" tabIndex={-1} ref={main}>
        <PageErrorBoundary path={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="footer">
        <div className="content has-text-centered is-size-7">
          <p>PocketShop: independent shops, one cart.</p>
          {isLocalInstance() && (
            <p>
              <Link to={paths.devMailbox.href()}>Development mailbox</Link>
            </p>
          )}
        </div>
      </footer>
    </>
  );
}
