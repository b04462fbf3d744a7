import { describe, expect, it } from 'vitest';
import { addressLines } from './address';

describe('addressLines', () => {
  const base = { name: 'Sam', line1: '1 Main St', line2: '', postal_code: '97201' };

  it('writes a US address as its carriers print it', () => {
    expect(addressLines({ ...base, city: 'Portland', region: 'OR', country: 'US' })).toEqual([
      'Sam',
      '1 Main St',
      'Portland, OR 97201',
      'US',
    ]);
  });

  it('keeps an address stored before the region field readable', () => {
    expect(addressLines({ ...base, city: 'Portland', country: 'US' })).toContain('Portland 97201');
    expect(addressLines({ ...base, postal_code: '21100', city: 'Malmö', country: 'SE' })).toContain(
      '21100 Malmö',
    );
  });
});
