import type { CSSProperties } from 'react';
import type { Image } from '../../../lib/api/types';
import { DEFAULT_ACCENT, isHexColor, readableTextOn } from '../../../lib/color';
import './shop-hero.css';

export interface ShopBranding {
  name: string;
  description?: string;
  accent_color?: string;
  logo?: Image | null;
  cover?: Image | null;
}

/** A shop's branded banner: cover image, logo, name in the shop's colour. */
export function ShopHero({ shop, headingLevel = 1 }: { shop: ShopBranding; headingLevel?: 1 | 2 }) {
  const accent =
    shop.accent_color && isHexColor(shop.accent_color) ? shop.accent_color : DEFAULT_ACCENT;
  const text = readableTextOn(accent);
  const style = { '--shop-accent': accent, '--shop-accent-text': text } as CSSProperties;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <header className="shop-hero" style={style}>
      <div
        className="shop-hero-cover"
        style={{ backgroundImage: shop.cover ? `url(${shop.cover.urls.large})` : undefined }}
        role={shop.cover ? 'img' : undefined}
        aria-label={shop.cover ? `${shop.name || 'Shop'} cover` : undefined}
      />
      {/* The bar lines up with the page's content column below it (shop-hero.css). */}
      <div className="section py-0">
        <div className="container shop-hero-bar">
          {shop.logo ? (
            <img className="shop-hero-logo" src={shop.logo.urls.medium} alt={`${shop.name} logo`} />
          ) : (
            <span className="shop-hero-logo shop-hero-initial" aria-hidden="true">
              {(shop.name || '?').charAt(0)}
            </span>
          )}
          <div>
            <Heading className="title is-3 shop-hero-name">{shop.name || 'Your shop'}</Heading>
            {shop.description && <p className="shop-hero-description">{shop.description}</p>}
          </div>
        </div>
      </div>
    </header>
  );
}
