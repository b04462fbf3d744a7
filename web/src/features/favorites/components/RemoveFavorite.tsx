import { errorMessage } from '../../../lib/api';
import { useChangeFavorite } from '../api/change-favorite';

/**
 * "Remove" on the favorites page, for a product on sale or not; the list
 * drops it once the server has. Not disabled while on its way, which would
 * drop a keyboard user's focus (a second press removes nothing more).
 */
export function RemoveFavorite({ product }: { product: { id: number; name: string } }) {
  const change = useChangeFavorite(product.id);
  return (
    <>
      <button
        type="button"
        className={`button is-small is-light ${change.isPending ? 'is-loading' : ''}`}
        onClick={() => change.mutate(false)}
      >
        Remove <span className="is-sr-only">{product.name} from favorites</span>
      </button>
      {change.isError && (
        <p className="help is-danger" role="alert">
          {errorMessage(change.error)}
        </p>
      )}
    </>
  );
}
