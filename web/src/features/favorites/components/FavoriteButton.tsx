import { useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams, type Location } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { errorMessage } from '../../../lib/api';
import { useAuth } from '../../auth';
import { useChangeFavorite } from '../api/change-favorite';
import { useFavoriteIds } from '../api/get-favorite-ids';
import '../favorites.css';

/** A heart drawn in the text's colour: an outline, filled once saved. */
function HeartIcon({ filled }: { filled: boolean }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 20.5s-7.5-4.6-9.2-9.4C1.6 7.6 3.9 4 7.4 4c2 0 3.6 1.1 4.6 2.7C13 5.1 14.6 4 16.6 4c3.5 0 5.8 3.6 4.6 7.1-1.7 4.8-9.2 9.4-9.2 9.4z" />
    </svg>
  );
}

/** Names, in the page a guest returns to after signing in, the product they meant to save. */
const SAVE_PARAM = 'save';

function returnPathSaving(location: Location, productId: number) {
  const search = new URLSearchParams(location.search);
  search.set(SAVE_PARAM, String(productId));
  return `${location.pathname}?${search}`;
}

/**
 * The heart that saves a product to the person's favorites, or removes it
 * (aria-pressed says which). Whether it is saved comes from the one list of
 * saved ids every heart on the page shares. A press shows its outcome at
 * once and takes it back when the server refuses, saying why (a full list:
 * the server's own words) in a notice under the heart. A guest's press goes
 * to sign in, and from there back to this page, where the product is saved
 * (the page's address names it until then).
 *
 * It renders the button and that notice side by side, for the place it is
 * put in to lay out: ProductCard's `action` corner, the product page's row.
 */
export function FavoriteButton({ product }: { product: { id: number; name: string } }) {
  const { user, loading } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const ids = useFavoriteIds();
  const change = useChangeFavorite(product.id);
  const saved = user !== null && (ids.data?.has(product.id) ?? false);
  const [searchParams, setSearchParams] = useSearchParams();
  const savingAfterSignIn =
    user !== null && ids.isSuccess && searchParams.get(SAVE_PARAM) === String(product.id);

  useEffect(() => {
    if (!savingAfterSignIn) return;
    setSearchParams(
      (params) => {
        params.delete(SAVE_PARAM);
        return params;
      },
      { replace: true },
    );
    if (!saved) change.mutate(true);
    // Once, when the page comes back signed in: not again as `saved` changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savingAfterSignIn]);

  const toggle = () => {
    if (!user) {
      navigate(paths.signIn.href({ next: returnPathSaving(location, product.id) }));
      return;
    }
    change.mutate(!saved);
  };

  return (
    <>
      <button
        type="button"
        className={`button favorite-button ${saved ? 'is-saved' : ''}`}
        aria-pressed={saved}
        aria-label={
          saved ? `Remove ${product.name} from favorites` : `Save ${product.name} to favorites`
        }
        disabled={loading}
        onClick={toggle}
      >
        <HeartIcon filled={saved} />
      </button>
      {change.isError && (
        <div className="notification is-danger is-light favorite-error" role="alert">
          <button
            type="button"
            className="delete is-medium"
            aria-label="Dismiss"
            onClick={() => change.reset()}
          />
          {errorMessage(change.error)}
        </div>
      )}
    </>
  );
}
