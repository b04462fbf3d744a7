import { Link } from 'react-router-dom';
import type { Shop, ShopListItem } from '../../../lib/api/types';
import { paths } from '../../../config/paths';
import { readableTextOn } from '../../../lib/color';

/** Side of a preview thumbnail in CSS pixels (it may shrink on narrow cards). */
const THUMB_SIZE = 64;

/**
 * A shop in the directory: its cover, logo, name and description, and a row
 * of its newest products (when the shop comes with them, as the directory's
 * shops do). The shop's name stretches its link over the whole card; the
 * product thumbnails are links of their own, above it.
 */
export function ShopCard({ shop }: { shop: Shop & Partial<Pick<ShopListItem, 'products'>> }) {
  const products = shop.products ?? [];
  return (
    <article className="card shop-card" style={{ borderTopColor: shop.accent_color }}>
      <div
        className="shop-card-cover"
        style={{
          backgroundColor: shop.accent_color,
          backgroundImage: shop.cover ? `url(${shop.cover.urls.small})` : undefined,
        }}
        aria-hidden="true"
      />
      <div className="card-content">
        <div className="media">
          <div className="media-left">
            {shop.logo ? (
              <figure className="image is-48x48">
                <img className="is-rounded shop-logo" src={shop.logo.urls.small} alt="" />
              </figure>
            ) : (
              <span
                className="shop-initial"
                style={{ background: shop.accent_color, color: readableTextOn(shop.accent_color) }}
                aria-hidden="true"
              >
                {shop.name.charAt(0)}
              </span>
            )}
          </div>
          <div className="media-content">
            <h3 className="title is-6 mb-1">
              <Link to={paths.shop.href(shop.slug)} className="stretched-link">
                {shop.name}
              </Link>
            </h3>
            <p className="is-size-7 has-text-grey">
              {shop.product_count} {shop.product_count === 1 ? 'product' : 'products'}
            </p>
          </div>
        </div>
        {shop.description && <p className="is-size-7 shop-card-description">{shop.description}</p>}
        {products.length > 0 && (
          <ul className="shop-card-products mt-3" aria-label={`New from ${shop.name}`}>
            {products.map((product) => (
              <li key={product.id}>
                <Link to={paths.product.href(product.id)} className="shop-card-product">
                  {product.image ? (
                    <img
                      src={product.image.urls.small}
                      alt=""
                      width={THUMB_SIZE}
                      height={THUMB_SIZE}
                      loading="lazy"
                      decoding="async"
                    />
                  ) : (
                    <span className="image-placeholder" aria-hidden="true" />
                  )}
                  <span className="is-sr-only">{product.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
