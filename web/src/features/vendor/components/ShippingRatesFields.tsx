import { useEffect, useId, useRef } from 'react';
import { Field } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/api';
import type { Currency, ShippingRate } from '../../../lib/api/types';
import { CURRENCIES, centsToAmount, parseAmountToCents } from '../../../lib/money';

/** A shipping rate as the form edits it: its amounts as typed. */
export interface RateDraft {
  /** Keeps a row (its focus, its errors) while the rows above it are removed. */
  key: number;
  currency: Currency;
  flat: string;
  freeOver: string;
}

/** What is wrong with each row, by its key: the rate's field (or "row") → messages. */
export type RateErrors = Record<number, Partial<Record<keyof ShippingRate | 'row', string[]>>>;

let lastKey = 0;
const newKey = () => ++lastKey;

export const draftsFrom = (rates: ShippingRate[]): RateDraft[] =>
  rates.map((rate) => ({
    key: newKey(),
    currency: rate.currency,
    flat: centsToAmount(rate.flat_cents),
    freeOver: rate.free_over_cents === null ? '' : centsToAmount(rate.free_over_cents),
  }));

/** The rates to send, or (when some amount is not one) what is wrong with which row. */
export function parseRates(
  drafts: RateDraft[],
): { rates: ShippingRate[]; errors?: undefined } | { rates?: undefined; errors: RateErrors } {
  const rates: ShippingRate[] = [];
  const errors: RateErrors = {};
  for (const draft of drafts) {
    const flat = parseAmountToCents(draft.flat);
    const freeOver = draft.freeOver.trim() ? parseAmountToCents(draft.freeOver) : null;
    if (flat === undefined) errors[draft.key] = { flat_cents: ['Enter a charge like 4.95, or 0.'] };
    if (freeOver === undefined || freeOver === 0)
      errors[draft.key] = {
        ...errors[draft.key],
        free_over_cents: ['Enter an amount like 50, or leave it empty.'],
      };
    if (flat !== undefined && freeOver !== undefined)
      rates.push({ currency: draft.currency, flat_cents: flat, free_over_cents: freeOver });
  }
  return Object.keys(errors).length ? { errors } : { rates };
}

/**
 * The server's field errors for the rates ("shipping_rates[1].flat_cents"),
 * put on the rows they were sent from: `sent` holds the rows' keys in the
 * order they were sent, so a row removed since moves no error onto another.
 */
export function rateErrorsOf(errors: FieldErrors, sent: number[]): RateErrors {
  const byRow: RateErrors = {};
  for (const [name, messages] of Object.entries(errors)) {
    const match = /^shipping_rates\[(\d+)\](?:\.(\w+))?$/.exec(name);
    const key = match ? sent[Number(match[1])] : undefined;
    if (!match || key === undefined) continue;
    const field = (match[2] ?? 'row') as keyof RateErrors[number];
    byRow[key] = { ...byRow[key], [field]: messages };
  }
  return byRow;
}

/**
 * A shop's shipping rates: one row per currency, each a flat charge per order
 * and an optional items total from which the order ships free. A currency
 * without a row ships free, so only currencies not yet used can be added.
 */
export function ShippingRatesFields({
  rates,
  onChange,
  errors,
  listErrors,
}: {
  rates: RateDraft[];
  onChange: (rates: RateDraft[]) => void;
  errors: RateErrors;
  /** The server's errors for the list as a whole. */
  listErrors?: string[];
}) {
  const helpId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  // A removed row takes the focus with it: hand it to Add once re-rendered
  // (enabled again, if every currency was used).
  const removed = useRef(false);
  useEffect(() => {
    if (!removed.current) return;
    removed.current = false;
    addButton.current?.focus();
  });
  const used = new Set(rates.map((rate) => rate.currency));
  const unused = CURRENCIES.filter((currency) => !used.has(currency));
  const change = (key: number, changes: Partial<RateDraft>) =>
    onChange(rates.map((rate) => (rate.key === key ? { ...rate, ...changes } : rate)));
  const add = () =>
    onChange([...rates, { key: newKey(), currency: unused[0], flat: '', freeOver: '' }]);

  return (
    <fieldset className="field" aria-describedby={helpId}>
      <legend className="label">Shipping rates</legend>
      <p className="help mb-3" id={helpId}>
        A flat charge per order in each currency you sell in. Orders in a currency without a rate
        ship free.
      </p>
      {rates.map((rate) => (
        <fieldset key={rate.key} className="box p-3 mb-3" data-testid="shipping-rate">
          <legend className="is-sr-only">{rate.currency} rate</legend>
          <div className="columns is-mobile is-multiline is-variable is-2 mb-0">
            <Field
              className="column is-narrow mb-0"
              label="Currency"
              errors={errors[rate.key]?.currency}
            >
              {(props) => (
                <div className="select">
                  <select
                    {...props}
                    value={rate.currency}
                    onChange={(e) => change(rate.key, { currency: e.target.value as Currency })}
                  >
                    {CURRENCIES.filter((c) => c === rate.currency || !used.has(c)).map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
            <Field
              className="column mb-0"
              label="Flat charge"
              errors={errors[rate.key]?.flat_cents}
            >
              {(props) => (
                <input
                  {...props}
                  className="input"
                  inputMode="decimal"
                  placeholder="4.95"
                  value={rate.flat}
                  onChange={(e) => change(rate.key, { flat: e.target.value })}
                />
              )}
            </Field>
            <Field
              className="column is-full-touch mb-0"
              label="Free shipping over"
              errors={errors[rate.key]?.free_over_cents}
              help="Optional: orders whose items reach it ship free."
            >
              {(props) => (
                <input
                  {...props}
                  className="input"
                  inputMode="decimal"
                  placeholder="50.00"
                  value={rate.freeOver}
                  onChange={(e) => change(rate.key, { freeOver: e.target.value })}
                />
              )}
            </Field>
          </div>
          {errors[rate.key]?.row && (
            <p className="help is-danger">{errors[rate.key]!.row!.join(' ')}</p>
          )}
          <button
            type="button"
            className="button is-small is-text"
            onClick={() => {
              removed.current = true;
              onChange(rates.filter((r) => r.key !== rate.key));
            }}
          >
            Remove <span className="is-sr-only">the {rate.currency} rate</span>
          </button>
        </fieldset>
      ))}
      {listErrors && <p className="help is-danger mb-2">{listErrors.join(' ')}</p>}
      <button
        ref={addButton}
        type="button"
        className="button is-small"
        onClick={add}
        disabled={!unused.length}
      >
        Add a shipping rate
      </button>
    </fieldset>
  );
}
