import { describe, expect, it } from 'vitest';
import { formatCardNumber, formatExpiry, parseExpiry } from './card';
import { contrastRatio, readableTextOn } from './color';
import { centsToAmount, formatMoney, parseAmountToCents } from './money';
import { paramsFromQuery, queryFromParams, withChanges } from './productSearch';
import { uuid } from './uuid';

describe('money', () => {
  it('formats integer cents in the currency', () => {
    expect(formatMoney(1799, 'USD', 'en-US')).toBe('$17.99');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
    expect(formatMoney(5000, 'GBP', 'en-GB')).toBe('£50.00');
  });

  it('parses amounts typed by people', () => {
    expect(parseAmountToCents('34.50')).toBe(3450);
    expect(parseAmountToCents('12')).toBe(1200);
    expect(parseAmountToCents('0,99')).toBe(99);
    expect(parseAmountToCents('19.999')).toBeUndefined();
    expect(parseAmountToCents('abc')).toBeUndefined();
    expect(centsToAmount(1205)).toBe('12.05');
    expect(centsToAmount(undefined)).toBe('');
  });
});

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

describe('colours', () => {
  it('picks readable text on a brand colour', () => {
    expect(readableTextOn('#2f7d4f')).toBe('#ffffff');
    expect(readableTextOn('#f7e463')).toBe('#000000');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
  });
});

describe('cards', () => {
  it('formats numbers and expiry dates as typed', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('4000 0000 00')).toBe('4000 0000 00');
    expect(formatExpiry('1230')).toBe('12/30');
    expect(parseExpiry('12/30')).toEqual({ month: 12, year: 2030 });
    expect(parseExpiry('1/2031')).toEqual({ month: 1, year: 2031 });
    expect(parseExpiry('13/30')).toBeUndefined();
  });
});

describe('uuid', () => {
  it('makes distinct version 4 UUIDs', () => {
    const a = uuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid()).not.toBe(a);
  });
});
