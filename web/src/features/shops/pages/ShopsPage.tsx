import { useState, type FormEvent } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import type { ShopSort } from '../../../lib/api/types';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useShops } from '../api/get-shops';
import { ShopCard } from '../components/ShopCard';

const SORTS: Record<ShopSort, string> = {
  newest: 'Newest',
  products: 'Most products',
  name: 'Name',
};

export function ShopsPage() {
  usePageTitle('Shops');
  const { params, update, page } = useUrlParams();
  const q = params.get('q') ?? '';
  const sortParam = params.get('sort') as ShopSort | null;
  const sort: ShopSort = sortParam && sortParam in SORTS ? sortParam : 'newest';
  const [text, setText] = useState(q);
  const query = { q: q || undefined, sort, page, limit: 24 };
  const shops = useShops(query);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() || undefined });
  };

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Shops</h1>
        <div className="columns is-variable is-2">
          <form className="column field has-addons" onSubmit={submit} role="search">
            <div className="control is-expanded">
              <label className="is-sr-only" htmlFor="shop-q">
                Find a shop
              </label>
              <input
                id="shop-q"
                className="input"
                type="search"
                placeholder="Find a shop by name"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <div className="control">
              <button className="button is-primary" type="submit">
                Find
              </button>
            </div>
          </form>
          <div className="column is-narrow field">
            <div className="control">
              <label className="is-sr-only" htmlFor="shop-sort">
                Sort shops
              </label>
              <div className="select">
                <select
                  id="shop-sort"
                  value={sort}
                  onChange={(e) => update({ sort: e.target.value })}
                >
                  {Object.entries(SORTS).map(([value, label]) => (
                    <option key={value} value={value}>
                      Sort: {label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </div>
        </div>
        {shops.isPending && <Loading />}
        <ErrorNotice error={shops.error} onRetry={() => shops.refetch()} />
        {shops.data?.items.length === 0 && (
          <EmptyState title={q ? `No shops match “${q}”` : 'No shops yet'} />
        )}
        <ul className="shop-grid" aria-label="Shops">
          {shops.data?.items.map((shop) => (
            <li key={shop.id}>
              <ShopCard shop={shop} />
            </li>
          ))}
        </ul>
        {shops.data && (
          <Pagination
            page={shops.data.page ?? 1}
            pages={shops.data.pages}
            onPage={(n) => update({ page: n })}
          />
        )}
      </div>
    </section>
  );
}
