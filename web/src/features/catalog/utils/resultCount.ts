// "1 product", "24 products", or "1,000+ products" when the server stopped
// counting at its cap (total_capped: the total is a lower bound).
export function resultCount(total: number, capped = false): string {
  if (capped) return `${total.toLocaleString('en-US')}+ products`;
  return `${total} ${total === 1 ? 'product' : 'products'}`;
}
