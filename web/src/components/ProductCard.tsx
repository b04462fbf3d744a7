import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../config/paths';
import type { ProductSummary } from '../lib/api/types';
import { Money } from './Money';
import { StarRating } from './StarRating';

/**
 * A product in a grid: its image, name (a link stretched over the whole
 * card), shop, price and rating. `action` is a control over the image's top
 * right corner (a feature's, such as the favorites' heart) and `children`
 * more below the details (a Remove button): both stand above the stretched
 * link, so pressing them never opens the product. `linked={false}` leaves
 * the name plain, for a product whose page is gone (no longer on sale).
 */
export function ProductCard({
  product,
  showShop = true,
  linked = true,
  action,
  children,
}: {
  product: ProductSummary;
  showShop?: boolean;
  linked?: boolean;
  action?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <article className="card product-card">
      <div className="card-image">
        <figure className="image is-square">
          {product.image ? (
            <img
              src={product.image.urls.small}
              alt={product.image.alt_text || product.name}
              loading="lazy"
            />
          ) : (
            <div className="image-placeholder" aria-hidden="true" />
          )}
        </figure>
        {action && <div className="product-card-action">{action}</div>}
      </div>
      <div className="card-content">
        <h3 className="title is-6 mb-1">
          {linked ? (
            <Link to={paths.product.href(product.id)} className="stretched-link">
              {product.name}
            </Link>
          ) : (
            product.name
          )}
        </h3>
        {showShop && (
          <p className="is-size-7 has-text-grey mb-1">
            by <span className="shop-dot" style={{ background: product.shop.accent_color }} />{' '}
            {product.shop.name}
          </p>
        )}
        <p className="has-text-weight-semibold">
          <Money cents={product.price_cents} currency={product.currency} />
          {!product.in_stock && <span className="tag is-light ml-2">Sold out</span>}
        </p>
        {product.rating_count ? (
          <p className="is-size-7">
            <StarRating value={product.rating_average} count={product.rating_count} />
          </p>
        ) : null}
        {children && <div className="product-card-extra">{children}</div>}
      </div>
    </article>
  );
}

/** Products in a grid of cards; `action(product)` puts a control on each card (see ProductCard). */
export function ProductGrid({
  products,
  showShop,
  action,
}: {
  products: ProductSummary[];
  showShop?: boolean;
  action?: (product: ProductSummary) => ReactNode;
}) {
  return (
    <ul className="product-grid" aria-label="Products">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} showShop={showShop} action={action?.(product)} />
        </li>
      ))}
    </ul>
  );
}
