import type { ProductSummary } from '../../../lib/api/types';

/**
 * The newest products worth leading with: those with an image first (in
 * their order), then the rest, `count` in all. The list asked for holds only
 * products in stock.
 */
export function showcase(products: ProductSummary[], count: number): ProductSummary[] {
  const withImage = products.filter((p) => p.image);
  const without = products.filter((p) => !p.image);
  return [...withImage, ...without].slice(0, count);
}
