import { Link } from 'react-router-dom';
import { paths } from '../config/paths';
import type { ProductSummary } from '../lib/api/types';
import { Money } from './Money';
import { StarRating } from './StarRating';

export function ProductCard({
  product,
  showShop = true,
}: {
  product: ProductSummary;
  showShop?: boolean;
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
      </div>
      <div className="card-content">
        <h3 className="title is-6 mb-1">
          <Link to={paths.product.href(product.id)} className="stretched-link">
            {product.name}
          </Link>
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
      </div>
    </article>
  );
}

export function ProductGrid({
  products,
  showShop,
}: {
  products: ProductSummary[];
  showShop?: boolean;
}) {
  return (
    <ul className="product-grid" aria-label="Products">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} showShop={showShop} />
        </li>
      ))}
    </ul>
  );
}
