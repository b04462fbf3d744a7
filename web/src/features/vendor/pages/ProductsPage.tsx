import { Link, useLocation } from 'react-router-dom';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { Pagination } from '../../../components/Pagination';
import { paths } from '../../../config/paths';
import { errorMessage } from '../../../lib/api';
import type { ProductStatus } from '../../../lib/api/types';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useUrlParams } from '../../../lib/useUrlParams';
import { useArchiveProduct, useMyProducts } from '../../catalog';
import { useFavoriteCounts } from '../../favorites';
import { useMyShop } from '../../shops';
import { NoShopYet } from '../components/NoShopYet';
import { VendorNav } from '../components/VendorNav';

export const LOW_STOCK = 5;

export function ProductsPage() {
  usePageTitle('Products');
  const shop = useMyShop();
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const { params, update, page } = useUrlParams();
  const statusParam = params.get('status');
  const status: ProductStatus | undefined =
    statusParam === 'active' || statusParam === 'draft' ? statusParam : undefined;
  const products = useMyProducts(
    { status, page, limit: 50, sort: 'newest' },
    { enabled: Boolean(shop.data) },
  );
  const saves = useFavoriteCounts(Boolean(shop.data));
  const archive = useArchiveProduct();
  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Products</h1>
        <VendorNav />
        {shop.isPending && <Loading />}
        <ErrorNotice error={shop.error} />
        {shop.data === null && <NoShopYet />}
        {saved && (
          <p className="notification is-success is-light" role="status">
            Saved “{saved}”.
          </p>
        )}
        {shop.data && (
          <>
            <div className="level is-mobile">
              <div className="level-left field">
                <label className="label mr-2 mb-0" htmlFor="status-filter">
                  Show
                </label>
                <div className="select">
                  <select
                    id="status-filter"
                    value={status ?? ''}
                    onChange={(e) => update({ status: e.target.value })}
                  >
                    <option value="">All products</option>
                    <option value="active">Active</option>
                    <option value="draft">Drafts</option>
                  </select>
                </div>
              </div>
              <div className="level-right">
                <Link to={paths.vendor.newProduct.href()} className="button is-primary">
                  Add a product
                </Link>
              </div>
            </div>
            {products.isPending && <Loading />}
            <ErrorNotice error={products.error ?? archive.error} />
            {archive.error != null && (
              <p className="help is-danger">{errorMessage(archive.error)}</p>
            )}
            {products.data?.items.length === 0 && (
              <EmptyState title={status ? `No ${status} products` : 'No products yet'} />
            )}
            {products.data && products.data.items.length > 0 && (
              <div className="table-container">
                <table className="table is-fullwidth is-hoverable is-vcentered cards-on-phone">
                  <thead>
                    <tr>
                      <th scope="col">
                        <span className="is-sr-only">Image</span>
                      </th>
                      <th scope="col">Name</th>
                      <th scope="col">Status</th>
                      <th scope="col">Price</th>
                      <th scope="col">Stock</th>
                      <th scope="col">
                        <abbr title="People who saved it to their favorites">Saved</abbr>
                      </th>
                      <th scope="col">
                        <span className="is-sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {products.data.items.map((p) => (
                      <tr key={p.id} data-testid="product-row">
                        <td>
                          <figure className="image is-48x48">
                            {p.image ? (
                              <img src={p.image.urls.small} alt="" />
                            ) : (
                              <span className="image-placeholder is-block" style={{ height: 48 }} />
                            )}
                          </figure>
                        </td>
                        <td data-label="Name">
                          <Link to={paths.vendor.product.href(p.id)}>{p.name}</Link>
                          <p className="is-size-7 has-text-grey">{p.category}</p>
                        </td>
                        <td data-label="Status">
                          <span
                            className={`tag ${p.status === 'active' ? 'is-success' : 'is-warning'} is-light`}
                          >
                            {p.status === 'active' ? 'Active' : 'Draft'}
                          </span>
                        </td>
                        <td data-label="Price">
                          <Money cents={p.price_cents} currency={p.currency} />
                        </td>
                        <td data-label="Stock">
                          <span
                            className={
                              p.inventory <= LOW_STOCK
                                ? 'has-text-danger-dark has-text-weight-semibold'
                                : ''
                            }
                          >
                            {p.inventory}
                            {p.inventory === 0
                              ? ' (sold out)'
                              : p.inventory <= LOW_STOCK
                                ? ' (low)'
                                : ''}
                          </span>
                        </td>
                        <td data-label="Saved" data-testid="product-saves">
                          {saves.data?.get(p.id) ?? 0}
                        </td>
                        <td>
                          <div className="buttons are-small is-flex-wrap-nowrap">
                            <Link to={paths.vendor.product.href(p.id)} className="button">
                              Edit <span className="is-sr-only">{p.name}</span>
                            </Link>
                            <button
                              type="button"
                              className="button is-danger is-light"
                              disabled={archive.isPending}
                              onClick={() => {
                                if (
                                  window.confirm(
                                    `Archive “${p.name}”? It disappears from your shop.`,
                                  )
                                )
                                  archive.mutate(p.id);
                              }}
                            >
                              Archive <span className="is-sr-only">{p.name}</span>
                            </button>
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {products.data && (
              <Pagination
                page={products.data.page ?? 1}
                pages={products.data.pages}
                onPage={(n) => update({ page: n })}
              />
            )}
          </>
        )}
      </div>
    </section>
  );
}
