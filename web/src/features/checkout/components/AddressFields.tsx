import type { Dispatch, SetStateAction } from 'react';
import { Field } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/api';
import type { Address } from '../../../lib/api/types';
import { ADDRESS_FIELDS } from '../utils/fields';

const COUNTRIES: [string, string][] = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['SE', 'Sweden'],
  ['NO', 'Norway'],
  ['DK', 'Denmark'],
  ['CH', 'Switzerland'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
];

/** The shipping address part of the checkout form. */
export function AddressFields({
  address,
  onChange,
  errors,
}: {
  address: Address;
  onChange: Dispatch<SetStateAction<Address>>;
  errors: FieldErrors;
}) {
  return (
    <fieldset>
      <legend className="title is-5">Shipping address</legend>
      {ADDRESS_FIELDS.map(([key, label, autoComplete]) => (
        <Field key={key} label={label} errors={errors[`shipping_address.${key}`]}>
          {(props) => (
            <input
              {...props}
              className="input"
              autoComplete={`shipping ${autoComplete}`}
              value={address[key] ?? ''}
              onChange={(e) => onChange((a) => ({ ...a, [key]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      <Field label="Country" errors={errors['shipping_address.country']}>
        {(props) => (
          <div className="select is-fullwidth">
            <select
              {...props}
              autoComplete="shipping country"
              value={address.country}
              onChange={(e) => onChange((a) => ({ ...a, country: e.target.value }))}
            >
              {COUNTRIES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
    </fieldset>
  );
}
