import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, errorMessage, fieldErrorsOf, type FieldErrors } from '../api';
import type { Address } from '../api/types';
import { CART_KEY, useCart } from '../cart/useCart';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { Money } from '../components/Money';
import { cardDigits, formatCardNumber, formatExpiry, parseExpiry } from '../lib/card';
import { usePageTitle } from '../lib/usePageTitle';
import { uuid } from '../lib/uuid';

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

const ADDRESS_FIELDS: [keyof Address, string, string][] = [
  ['name', 'Full name', 'name'],
  ['line1', 'Address', 'address-line1'],
  ['line2', 'Apartment, suite (optional)', 'address-line2'],
  ['city', 'City', 'address-level2'],
  ['postal_code', 'Postal code', 'postal-code'],
];

/** Problems the server reports on the card ("card.number"…) and the address. */
function checkoutErrors(error: unknown, local: FieldErrors): FieldErrors {
  const server = fieldErrorsOf(error);
  const merged: FieldErrors = { ...local };
  for (const [key, messages] of Object.entries(server)) {
    const field = key === 'card.exp_month' || key === 'card.exp_year' ? 'card.expiry' : key;
    merged[field] = [...(merged[field] ?? []), ...messages];
  }
  if (error instanceof ApiError && error.declineCode) {
    const field =
      error.declineCode === 'incorrect_cvc'
        ? 'card.cvc'
        : error.declineCode === 'expired_card'
          ? 'card.expiry'
          : 'card.number';
    merged[field] = [...(merged[field] ?? []), errorMessage(error)];
  }
  return merged;
}

export function CheckoutPage() {
  usePageTitle('Checkout');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const cart = useCart();
  const [address, setAddress] = useState<Address>({
    name: '',
    line1: '',
    line2: '',
    city: '',
    postal_code: '',
    country: 'US',
  });
  const [card, setCard] = useState({ number: '', expiry: '', cvc: '' });
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});

  const pay = useMutation({
    mutationFn: (expiry: { month: number; year: number }) =>
      api.checkout.pay(
        {
          card: {
            number: cardDigits(card.number),
            exp_month: expiry.month,
            exp_year: expiry.year,
            cvc: card.cvc,
          },
          shipping_address: { ...address, line2: address.line2 || undefined },
        },
        uuid(), // a new key per attempt; a retried request reuses its own
      ),
    onSuccess: (result) => {
      queryClient.invalidateQueries({ queryKey: CART_KEY });
      queryClient.invalidateQueries({ queryKey: ['orders'] });
      navigate('/orders', { state: { placed: result } });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: CART_KEY }),
  });
  const errors = checkoutErrors(pay.error, localErrors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: FieldErrors = {};
    for (const [key] of ADDRESS_FIELDS) {
      if (key !== 'line2' && !address[key]?.trim())
        local[`shipping_address.${key}`] = ['Required.'];
    }
    if (cardDigits(card.number).length < 12) local['card.number'] = ['Enter the card number.'];
    const expiry = parseExpiry(card.expiry);
    if (!expiry) local['card.expiry'] = ['Enter the expiry date as MM/YY.'];
    if (!/^\d{3,4}$/.test(card.cvc)) local['card.cvc'] = ['Enter the 3 or 4 digit code.'];
    setLocalErrors(local);
    if (Object.keys(local).length || !expiry) {
      pay.reset();
      return;
    }
    pay.mutate(expiry);
  };

  if (cart.isPending) return <Loading />;
  const data = cart.data;
  if (data && data.items.length === 0 && !pay.isPending && !pay.isSuccess) {
    return (
      <section className="section">
        <div className="container">
          <h1 className="title">Checkout</h1>
          <EmptyState
            title="Your cart is empty"
            action={
              <Link to="/search" className="button is-primary">
                Browse products
              </Link>
            }
          />
        </div>
      </section>
    );
  }

  const declined = pay.error instanceof ApiError && pay.error.status === 402;
  const stock = pay.error instanceof ApiError && pay.error.status === 409;

  return (
    <section className="section">
      <div className="container">
        <h1 className="title">Checkout</h1>
        <ErrorNotice error={cart.error} />
        <div className="columns">
          <form className="column is-7" onSubmit={submit} noValidate aria-label="Checkout">
            {pay.error != null && (
              <div
                className="notification is-danger is-light"
                role="alert"
                data-testid="checkout-error"
              >
                <p className="has-text-weight-semibold">
                  {declined
                    ? 'Payment declined'
                    : stock
                      ? 'Some items are no longer available'
                      : 'Payment failed'}
                </p>
                <p>{errorMessage(pay.error)}</p>
                {declined && (
                  <p className="is-size-7 mt-1">You were not charged and your cart is unchanged.</p>
                )}
                {stock && (
                  <p className="mt-1">
                    <Link to="/cart">Review your cart</Link>
                  </p>
                )}
              </div>
            )}
            <div className="box">
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
                        onChange={(e) => setAddress((a) => ({ ...a, [key]: e.target.value }))}
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
                        onChange={(e) => setAddress((a) => ({ ...a, country: e.target.value }))}
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
            </div>
            <div className="box">
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
                      onChange={(e) =>
                        setCard((c) => ({ ...c, number: formatCardNumber(e.target.value) }))
                      }
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
                        onChange={(e) =>
                          setCard((c) => ({ ...c, expiry: formatExpiry(e.target.value) }))
                        }
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
                        onChange={(e) =>
                          setCard((c) => ({ ...c, cvc: e.target.value.replace(/\D/g, '') }))
                        }
                      />
                    )}
                  </Field>
                </div>
              </fieldset>
            </div>
            <button
              type="submit"
              className={`button is-primary is-medium is-fullwidth ${pay.isPending ? 'is-loading' : ''}`}
              disabled={pay.isPending}
            >
              Pay
              {data && (
                <span className="ml-2">
                  <Money cents={data.total_cents} currency={data.currency} />
                </span>
              )}
            </button>
          </form>
          <aside className="column is-5">
            <div className="box">
              <h2 className="title is-5">Order summary</h2>
              {data?.shops.map((group) => (
                <div key={group.shop.id} className="mb-3">
                  <p className="has-text-weight-semibold">{group.shop.name}</p>
                  <ul className="is-size-7">
                    {group.items.map((item) => (
                      <li
                        key={item.product.id}
                        className="is-flex is-justify-content-space-between"
                      >
                        <span>
                          {item.quantity} × {item.product.name}
                        </span>
                        <Money cents={item.line_total_cents} currency={item.product.currency} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <p className="is-size-5 has-text-right">
                Total:{' '}
                <strong>
                  {data && <Money cents={data.total_cents} currency={data.currency} />}
                </strong>
              </p>
            </div>
          </aside>
        </div>
      </div>
    </section>
  );
}
