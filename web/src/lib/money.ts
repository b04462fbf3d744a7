import type { Currency } from './api/types';

/** Every currency the marketplace sells in, as the server lists them. */
export const CURRENCIES: readonly Currency[] = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
];

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units (cents) in a currency, e.g. 1799 USD → "$17.99". */
export function formatMoney(cents: number, currency = 'USD', locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(cents / 10 ** digits);
}

/** "17.99" → 1799; nothing for text that is not an amount. */
export function parseAmountToCents(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 100);
}

/** 1799 → "17.99", for editing in an input. */
export function centsToAmount(cents: number | undefined): string {
  if (cents === undefined) return '';
  return (cents / 100).toFixed(2);
}
