import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetchMock';
import type { PaymentConfig } from '../../../lib/api/types';
import { tokenizeCard } from './card-token';
import reference from '../../../../../server/tests/data/stripe_api_shapes.json';

// Stripe's POST /v1/tokens as its API reference gives it, transcribed for the
// server's request-shape test (server/tests/data/stripe_api_shapes.json).
interface Schema {
  type?: string;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
}
const shapes = reference as unknown as {
  operations: Record<string, { properties: Record<string, Schema> }>;
};
const tokens = shapes.operations['POST /v1/tokens'].properties;
const cardFields = tokens.card.anyOf!.find((form) => form.type === 'object')!;

describe('tokenizeCard', () => {
  it("sends the card's fields as Stripe's reference names them", async () => {
    const { calls } = mockFetch({
      'POST /v1/tokens': () => json({ id: 'tok_1', object: 'token' }),
    });
    const config = {
      provider: 'stripe',
      tokens_url: 'http://127.0.0.1:12111/v1/tokens',
      publishable_key: 'pk_test_web',
    } as PaymentConfig;
    await tokenizeCard(config, {
      number: '4242424242424242',
      exp_month: 12,
      exp_year: 2030,
      cvc: '123',
    });

    const sent = calls[0].body as Record<string, string>;
    expect(calls[0].headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    const names = Object.keys(sent).map((name) => name.match(/^card\[(\w+)\]$/)?.[1]);
    expect(names).not.toContain(undefined); // every field is card[...]
    for (const name of names) expect(cardFields.properties).toHaveProperty(name!);
    for (const name of cardFields.required!) expect(names).toContain(name);
    for (const name of names) {
      const field = cardFields.properties![name!];
      expect(field.type).toBe('string');
      expect(sent[`card[${name}]`].length).toBeLessThanOrEqual(field.maxLength!);
    }
  });
});
