import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from './color';
import { centsToAmount, formatMoney, parseAmountToCents } from './money';
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
describe('colours', () => {
  it('picks readable text on a brand colour', () => {
    expect(readableTextOn('#2f7d4f')).toBe('#ffffff');
    expect(readableTextOn('#f7e463')).toBe('#000000');
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
  });
});
describe('uuid', () => {
  it('makes distinct version 4 UUIDs', () => {
    const a = uuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid()).not.toBe(a);
  });
});
