import { describe, expect, it } from 'vitest';
import { paramsFromQuery, queryFromParams, withChanges } from './search';

describe('search state in the URL', () => {
  it('reads only valid values', () => {
    const query = queryFromParams(
      new URLSearchParams(
        'q=mug&category=kitchen&min_price=500&max_price=x&sort=bogus&page=1&in_stock=true',
      ),
    );
    expect(query).toEqual({
      q: 'mug',
      category: 'kitchen',
      shop: undefined,
      min_price: 500,
      max_price: undefined,
      in_stock: true,
      sort: undefined,
      page: undefined,
    });
  });

  it('round-trips and resets the page when a filter changes', () => {
    const query = { q: 'mug', sort: 'price_asc' as const, page: 3 };
    expect(paramsFromQuery(query).toString()).toBe('q=mug&sort=price_asc&page=3');
    expect(queryFromParams(paramsFromQuery(query))).toMatchObject(query);
    expect(withChanges(query, { category: 'kitchen' }).page).toBeUndefined();
    expect(withChanges(query, { page: 4 }).page).toBe(4);
  });
});
