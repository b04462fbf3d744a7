import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import type { FieldErrors } from '../../../lib/api';
import type { Address } from '../../../lib/api/types';
import { uuid } from '../../../lib/uuid';
import { CardRefused, tokenizeCard, usePaymentConfig } from '../api/card-token';
import { useCheckout } from '../api/checkout';
import { cardDigits, parseExpiry } from '../utils/card';
import { ADDRESS_FIELDS, checkoutErrors, type CardDraft } from '../utils/fields';

const EMPTY_ADDRESS: Address = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postal_code: '',
  country: 'US',
};

/** The form's own checks, before anything is sent. */
function localErrors(address: Address, card: CardDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key] of ADDRESS_FIELDS) {
    if (key !== 'line2' && !address[key]?.trim()) errors[`shipping_address.${key}`] = ['Required.'];
  }
  if (cardDigits(card.number).length < 12) errors['card.number'] = ['Enter the card number.'];
  if (!parseExpiry(card.expiry)) errors['card.expiry'] = ['Enter the expiry date as MM/YY.'];
  if (!/^\d{3,4}$/.test(card.cvc)) errors['card.cvc'] = ['Enter the 3 or 4 digit code.'];
  return errors;
}

/**
 * The checkout form's state and its submit: checks the fields, turns the card
 * into a token at the payment gateway (the card never goes to PocketShop),
 * pays with the token, and on success shows the buyer's orders with the
 * receipt.
 */
export function useCheckoutForm() {
  const navigate = useNavigate();
  const pay = useCheckout();
  const config = usePaymentConfig();
  const [tokenizing, setTokenizing] = useState(false);
  const [cardRefused, setCardRefused] = useState<CardRefused | null>(null);
  const [address, setAddress] = useState<Address>(EMPTY_ADDRESS);
  const [card, setCard] = useState<CardDraft>({ number: '', expiry: '', cvc: '' });
  const [checked, setChecked] = useState<FieldErrors>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors(address, card);
    setChecked(local);
    setCardRefused(null);
    const expiry = parseExpiry(card.expiry);
    if (Object.keys(local).length || !expiry || tokenizing || pay.isPending) {
      pay.reset();
      return;
    }
    pay.reset();
    setTokenizing(true);
    let token: string;
    try {
      const gateway = config.data ?? (await config.refetch({ throwOnError: true })).data!;
      token = await tokenizeCard(gateway, {
        number: cardDigits(card.number),
        exp_month: expiry.month,
        exp_year: expiry.year,
        cvc: card.cvc,
      });
    } catch (error) {
      setCardRefused(
        error instanceof CardRefused
          ? error
          : new CardRefused('card', 'We could not reach the payment service. Please try again.'),
      );
      return;
    } finally {
      setTokenizing(false);
    }
    const input = {
      payment_token: token,
      shipping_address: { ...address, line2: address.line2 || undefined },
    };
    // A new key per attempt (a token is single-use); a retried request reuses its own.
    pay.mutate(
      { input, idempotencyKey: uuid() },
      { onSuccess: (result) => navigate(paths.orders.href(), { state: { placed: result } }) },
    );
  };

  return {
    address,
    setAddress,
    card,
    setCard,
    errors: checkoutErrors(pay.error, { ...checked, ...cardRefused?.fieldErrors }),
    problem: cardRefused ?? pay.error,
    busy: tokenizing || pay.isPending,
    pay,
    submit,
  };
}
