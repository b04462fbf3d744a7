import type { Address } from './api/types';

/** Countries whose addresses end "City, STATE POSTCODE" (as carriers there print them). */
const CITY_FIRST = new Set(['US', 'CA', 'AU']);

/**
 * The lines of a postal address as a parcel would carry them: "Portland, OR
 * 97201" in the United States, Canada and Australia, "21100 Malmö" elsewhere
 * (with a region after it, where there is one), then the country. An address
 * stored before the region field reads as it did, without one.
 */
export function addressLines(address: Address): string[] {
  const { name, line1, line2, city, postal_code: postal, country } = address;
  const region = address.region?.trim();
  const place = CITY_FIRST.has(country.toUpperCase())
    ? `${city}${region ? `, ${region}` : ''} ${postal}`
    : `${postal} ${city}${region ? `, ${region}` : ''}`;
  return [name, line1, line2 ?? '', place.trim(), country].filter((line) => line.trim() !== '');
}
