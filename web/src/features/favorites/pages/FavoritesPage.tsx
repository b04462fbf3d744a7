import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { ProductCard } from '../../../components/ProductCard';
import { paths } from '../../../config/paths';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useFavorites } from '../api/get-favorites';
import { RemoveFavorite } from '../components/RemoveFavorite';
import '../favorites.css';

/**
 * The products the person saved, newest first, each as it is now. One that
 * can no longer be bought (archived, back to draft, its shop closed) stays,
 * greyed out and saying so, without a link to its page (which would be a
 * 404), until the person removes it.
 */
export function FavoritesPage() {
  usePageTitle('Favorites');
  const [page, setPage] = useState(1);
  const favorites = useFavorites(page);
  const data = favorites.data;
  // Removing the last favorites of the last page leaves it empty: show the one before.
  if (data && !favorites.isPlaceholderData && page > Math.max(1, data.pages))
    setPage(Math.max(1, data.pages));

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Favorites</h1>
        {favorites.isPending && <Loading />}
        <ErrorNotice error={favorites.error} onRetry={() => favorites.refetch()} />
        {data?.items.length === 0 && page === 1 && (
          <EmptyState
            title="No favorites yet"
            action={
              <Link to={paths.search.href()} className="button is-primary">
                Browse products
              </Link>
            }
          >
            Press the heart on a product to save it here for later.
          </EmptyState>
        )}
        {data && data.items.length > 0 && (
          <>
            <p className="subtitle is-6" data-testid="favorite-count">
              {data.total} saved {data.total === 1 ? 'product' : 'products'}
            </p>
            <ul className="product-grid" aria-label="Favorites">
              {data.items.map((item) => (
                <li
                  key={item.product_id}
                  className={`favorite-item ${item.available ? '' : 'is-unavailable'}`}
                  data-testid="favorite-item"
                >
                  <ProductCard product={item.product} linked={item.available}>
                    {!item.available && (
                      <p className="mb-2">
                        <span className="tag is-warning is-light">No longer available</span>
                      </p>
                    )}
                    <RemoveFavorite product={item.product} />
                  </ProductCard>
                </li>
              ))}
            </ul>
          </>
        )}
        {data && <Pagination page={data.page ?? 1} pages={data.pages} onPage={setPage} />}
      </div>
    </section>
  );
}
