import { Link } from 'react-router-dom';
import type { Shop } from '../api/types';
import { readableTextOn } from '../lib/color';

export function ShopCard({ shop }: { shop: Shop }) {
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
              <Link to={`/shops/${shop.slug}`} className="stretched-link">
                {shop.name}
              </Link>
            </h3>
            <p className="is-size-7 has-text-grey">
              {shop.product_count} {shop.product_count === 1 ? 'product' : 'products'}
            </p>
          </div>
        </div>
        {shop.description && <p className="is-size-7 shop-card-description">{shop.description}</p>}
      </div>
    </article>
  );
}
