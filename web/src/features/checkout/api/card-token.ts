import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, type FieldErrors } from '../../../lib/api';
import type { PaymentConfig } from '../../../lib/api/types';

/** Where the card is tokenized: the gateway's endpoint and publishable key. */
export const paymentConfigQuery = queryOptions({
  queryKey: ['payments', 'config'] as const,
  queryFn: () => client.get<PaymentConfig>('/api/payments/config'),
  staleTime: Infinity,
});

export function usePaymentConfig() {
  return useQuery(paymentConfigQuery);
}

export interface CardDetails {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

/** The gateway refused the card before any payment: the field at fault and why. */
export class CardRefused extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'CardRefused';
    this.field = field;
  }

  get fieldErrors(): FieldErrors {
    return { [this.field]: [this.message] };
  }
}

/** The gateway's error codes (Stripe's) → the form field they concern. */
const FIELD_OF_CODE: Record<string, string> = {
  incorrect_number: 'card.number',
  invalid_number: 'card.number',
  invalid_expiry_month: 'card.expiry',
  invalid_expiry_year: 'card.expiry',
  expired_card: 'card.expiry',
  invalid_cvc: 'card.cvc',
  incorrect_cvc: 'card.cvc',
};

interface GatewayError {
  error?: { code?: string; message?: string; param?: string };
}

/**
 * Sends the card to the payment gateway — never to PocketShop — and returns
 * the single-use token that checkout takes instead.
 */
export async function tokenizeCard(config: PaymentConfig, card: CardDetails): Promise<string> {
  const form = new URLSearchParams({
    'card[number]': card.number,
    'card[exp_month]': String(card.exp_month),
    'card[exp_year]': String(card.exp_year),
    'card[cvc]': card.cvc,
  });
  let response: Response;
  try {
    response = await fetch(config.tokens_url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${config.publishable_key}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
    });
  } catch {
    throw new CardRefused('card', 'We could not reach the payment service. Please try again.');
  }
  const body = (await response.json().catch(() => ({}))) as GatewayError & { id?: string };
  if (response.ok && body.id) return body.id;
  const code = body.error?.code ?? '';
  throw new CardRefused(
    FIELD_OF_CODE[code] ?? 'card.number',
    body.error?.message ?? 'The card could not be checked. Please try again.',
  );
}
