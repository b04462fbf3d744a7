import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { Money } from '../../../components/Money';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { StarRating } from '../../../components/StarRating';
import { paths } from '../../../config/paths';
import { ApiError, errorMessage } from '../../../lib/api';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useAuth } from '../../auth';
import { useCartActions } from '../../cart';
import { FavoriteButton } from '../../favorites';
import { ContactShopLink } from '../../messages';
import { Reviews } from '../../reviews';
import { useMyShop } from '../../shops';
import { useProduct } from '../api/get-product';
import { productKeys } from '../api/keys';
import { Gallery } from '../components/Gallery';
import { ProductShipping } from '../components/ProductShipping';
import { categoryLabel } from '../utils/category';

export function ProductPage() {
  const id = Number(useParams().id);
  const product = useProduct(id);
  const queryClient = useQueryClient();
  usePageTitle(product.data?.name);
  const { add } = useCartActions();
  const [quantity, setQuantity] = useState(1);
  const { user } = useAuth();
  // A vendor cannot buy from their own shop (the server answers 403).
  const myShop = useMyShop({ enabled: user?.role === 'vendor' });
  // What Add to cart answered (a refusal such as another currency) is shown
  // where a phone's screen is, just under the button (issue 18).
  const addFeedback = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (add.isError || add.isSuccess) addFeedback.current?.scrollIntoView?.({ block: 'nearest' });
  }, [add.isError, add.isSuccess]);

  if (
    !Number.isInteger(id) ||
    id <= 0 ||
    (product.error instanceof ApiError && product.error.status === 404)
  ) {
    return <NotFoundPage what="product" />;
  }
  if (product.isPending) return <Loading />;
  if (product.error) {
    return (
      <section className="section">
        <ErrorNotice error={product.error} onRetry={() => product.refetch()} />
      </section>
    );
  }
  const p = product.data;
  const ownShop = user?.role === 'vendor' && myShop.data?.id === p.shop.id;
  const maxQuantity = Math.max(1, Math.min(p.inventory, 99));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ productId: p.id, quantity });
  };

  return (
    <>
      <section className="section">
        <div className="container">
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <ul>
              <li>
                <Link to={paths.shop.href(p.shop.slug)}>{p.shop.name}</Link>
              </li>
              <li>
                <Link to={paths.search.href({ category: p.category })}>
                  {categoryLabel(p.category)}
                </Link>
              </li>
              <li className="is-active">
                <a aria-current="page">{p.name}</a>
              </li>
            </ul>
          </nav>
          <div className="columns is-variable is-6-tablet">
            <div className="column is-6">
              <Gallery images={p.images} name={p.name} />
            </div>
            <div className="column">
              <h1 className="title is-3">{p.name}</h1>
              <p className="subtitle is-6">
                by <span className="shop-dot" style={{ background: p.shop.accent_color }} />{' '}
                <Link to={paths.shop.href(p.shop.slug)} className="shop-link">
                  {p.shop.name}
                </Link>
              </p>
              {p.rating_count ? (
                <p className="mb-3">
                  <StarRating value={p.rating_average} count={p.rating_count} />
                </p>
              ) : null}
              <p className="is-size-3 has-text-weight-bold mb-3">
                <Money cents={p.price_cents} currency={p.currency} />
              </p>
              {p.status === 'draft' && (
                <p className="tag is-warning mb-3">Draft: only you can see this</p>
              )}
              <p
                className={`mb-4 ${p.in_stock ? 'has-text-success-dark' : 'has-text-danger-dark'}`}
              >
                {p.in_stock
                  ? p.inventory <= 5
                    ? `Only ${p.inventory} left`
                    : 'In stock'
                  : 'Sold out'}
              </p>
              <ProductShipping shipping={p.shipping} shop={p.shop.name} />
              {ownShop && (
                <p className="notification is-info is-light" data-testid="own-product-note">
                  This product is from your own shop, so you can’t add it to a cart.{' '}
                  <Link to={paths.vendor.product.href(p.id)}>Edit it</Link>
                </p>
              )}
              {!ownShop && (
                <div className="product-actions">
                  {p.in_stock && (
                    <form className="field has-addons add-to-cart" onSubmit={submit}>
                      <div className="control">
                        <label className="is-sr-only" htmlFor="quantity">
                          Quantity
                        </label>
                        <input
                          id="quantity"
                          className="input quantity-input"
                          type="number"
                          min={1}
                          max={maxQuantity}
                          value={quantity}
                          onChange={(e) =>
                            setQuantity(
                              Math.max(1, Math.min(maxQuantity, Number(e.target.value) || 1)),
                            )
                          }
                        />
                      </div>
                      <div className="control">
                        <button
                          type="submit"
                          className={`button is-primary ${add.isPending ? 'is-loading' : ''}`}
                        >
                          Add to cart
                        </button>
                      </div>
                    </form>
                  )}
                  <FavoriteButton product={p} />
                </div>
              )}
              <div aria-live="polite" ref={addFeedback}>
                {add.isSuccess && (
                  <p className="notification is-success is-light">
                    Added to your cart. <Link to={paths.cart.href()}>View cart</Link>
                  </p>
                )}
                {add.isError && (
                  <p className="notification is-danger is-light" role="alert">
                    {errorMessage(add.error)}
                  </p>
                )}
              </div>
              {!ownShop && (
                <p className="mt-3">
                  <ContactShopLink shop={p.shop} product={p} label="Ask the shop about this" />
                </p>
              )}
              <div className="content mt-4 product-description">
                {p.description.split(/\n+/).map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </div>
            </div>
          </div>
        </div>
      </section>
      <Reviews
        product={p}
        onReviewed={() => queryClient.invalidateQueries({ queryKey: productKeys.detail(p.id) })}
      />
    </>
  );
}
