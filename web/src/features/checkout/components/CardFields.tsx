import type { Dispatch, SetStateAction } from 'react';
import { Field } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/api';
import { formatCardNumber, formatExpiry } from '../utils/card';
import type { CardDraft } from '../utils/fields';

/** The card part of the checkout form, formatted as the buyer types. */
export function CardFields({
  card,
  onChange,
  errors,
}: {
  card: CardDraft;
  onChange: Dispatch<SetStateAction<CardDraft>>;
  errors: FieldErrors;
}) {
  return (
    <fieldset>
      <legend className="title is-5">Card</legend>
      <Field
        label="Card number"
        errors={errors['card.number']}
        help="Test cards: 4242 4242 4242 4242 approves, 4000 0000 0000 0002 declines."
      >
        {(props) => (
          <input
            {...props}
            className="input"
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="1234 1234 1234 1234"
            value={card.number}
            onChange={(e) => onChange((c) => ({ ...c, number: formatCardNumber(e.target.value) }))}
          />
        )}
      </Field>
      <div className="columns is-mobile">
        <Field className="column" label="Expiry (MM/YY)" errors={errors['card.expiry']}>
          {(props) => (
            <input
              {...props}
              className="input"
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder="MM/YY"
              value={card.expiry}
              onChange={(e) => onChange((c) => ({ ...c, expiry: formatExpiry(e.target.value) }))}
            />
          )}
        </Field>
        <Field className="column" label="CVC" errors={errors['card.cvc']}>
          {(props) => (
            <input
              {...props}
              className="input"
              inputMode="numeric"
              autoComplete="cc-csc"
              maxLength={4}
              value={card.cvc}
              onChange={(e) => onChange((c) => ({ ...c, cvc: e.target.value.replace(/\D/g, '') }))}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
