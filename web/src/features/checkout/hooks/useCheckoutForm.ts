import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type Dispatch,
  type FormEvent,
  type SetStateAction,
} from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import type { FieldErrors } from '../../../lib/api';
import type { Address } from '../../../lib/api/types';
import { uuid } from '../../../lib/uuid';
import { useAuth } from '../../auth';
import { CardRefused, tokenizeCard, usePaymentConfig } from '../api/card-token';
import { useCheckout } from '../api/checkout';
import { useSaveAddress, useSavedAddress } from '../api/saved-address';
import { cardDigits, parseExpiry } from '../utils/card';
import { clearAddressDraft, loadAddressDraft, saveAddressDraft } from '../utils/draft';
import { ADDRESS_FIELDS, checkoutErrors, EMPTY_ADDRESS, type CardDraft } from '../utils/fields';

/** Fields a buyer may leave empty. */
const OPTIONAL: (keyof Address)[] = ['line2', 'region'];

/** The form's own checks, before anything is sent. */
function localErrors(address: Address, card: CardDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key] of ADDRESS_FIELDS) {
    if (!OPTIONAL.includes(key) && !address[key]?.trim())
      errors[`shipping_address.${key}`] = ['Required.'];
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
  const { user } = useAuth();
  const pay = useCheckout();
  const config = usePaymentConfig();
  const [tokenizing, setTokenizing] = useState(false);
  const [cardRefused, setCardRefused] = useState<CardRefused | null>(null);
  // What the buyer typed (kept in the tab, see utils/draft.ts); until then,
  // the address they saved last time, else an empty form.
  const [typed, setTyped] = useState<Address | null>(loadAddressDraft);
  const saved = useSavedAddress(user?.id);
  const saveForNextTime = useSaveAddress(user?.id);
  const [keepAddress, setKeepAddress] = useState(true);
  const savedAddress = saved.data?.address;
  const address: Address = useMemo(
    () => typed ?? { ...EMPTY_ADDRESS, ...savedAddress },
    [typed, savedAddress],
  );
  const setAddress = useCallback<Dispatch<SetStateAction<Address>>>(
    (next) => setTyped((before) => (typeof next === 'function' ? next(before ?? address) : next)),
    [address],
  );
  useEffect(() => {
    if (typed) saveAddressDraft(typed);
  }, [typed]);
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
    const shippingAddress = {
      ...address,
      line2: address.line2 || undefined,
      region: address.region?.trim() || undefined,
    };
    const input = { payment_token: token, shipping_address: shippingAddress };
    // A new key per attempt (a token is single-use); a retried request reuses its own.
    pay.mutate(
      { input, idempotencyKey: uuid() },
      {
        onSuccess: (result) => {
          clearAddressDraft();
          // Best effort: the order is placed whether or not the address is kept.
          if (keepAddress) saveForNextTime.mutate(shippingAddress);
          navigate(paths.orders.href(), { state: { placed: result } });
        },
      },
    );
  };

  return {
    address,
    setAddress,
    keepAddress,
    setKeepAddress,
    card,
    setCard,
    errors: checkoutErrors(pay.error, { ...checked, ...cardRefused?.fieldErrors }),
    problem: cardRefused ?? pay.error,
    busy: tokenizing || pay.isPending,
    pay,
    submit,
  };
}
