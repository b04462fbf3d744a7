import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Money } from '../../../components/Money';
import { SubmitButton } from '../../../components/SubmitButton';
import { ApiError } from '../../../lib/api';
import type { Order } from '../../../lib/api/types';
import { formatDate } from '../../../lib/dates';
import { useAnswerDispute } from '../api/answer-dispute';

type Dispute = NonNullable<Order['dispute']>;

/** Where the dispute stands, in the vendor's words. */
function standing(dispute: Dispute, currency: string) {
  const taken = <Money cents={dispute.taken_back_cents} currency={currency} />;
  if (dispute.status === 'won')
    return <>The bank decided for your shop: the {taken} taken back is in your earnings again.</>;
  if (dispute.status === 'lost')
    return <>The bank decided for the buyer: the {taken} taken back stays with them.</>;
  if (dispute.evidence_submitted_at)
    return (
      <>
        Your answer went to the bank on {formatDate(dispute.evidence_submitted_at)}; it is reviewing
        it. {taken} is held back from your earnings until it decides.
      </>
    );
  return (
    <>
      The buyer&apos;s bank disputed the payment and {taken} was taken back from your earnings. Tell
      the bank what happened
      {dispute.evidence_due_by && <> by {formatDate(dispute.evidence_due_by)}</>}: if it decides for
      your shop, the money comes back.
    </>
  );
}

/**
 * The dispute of the order's payment, for the shop's vendor: where it
 * stands, and while the bank waits, one answer to send it (with the order's
 * items and tracking, which the server adds).
 */
export function DisputeBox({ order }: { order: Order }) {
  const [explanation, setExplanation] = useState('');
  const answer = useAnswerDispute(order.id);
  const { dispute } = order;
  if (!dispute) return null;
  const awaitingAnswer = dispute.status === 'open' && !dispute.evidence_submitted_at;
  const fieldErrors = answer.error instanceof ApiError ? answer.error.fieldErrors : {};

  const send = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(explanation.trim());
  };

  return (
    <section className="box" aria-labelledby="dispute-heading">
      <h2 className="title is-5" id="dispute-heading">
        Payment disputed
      </h2>
      <p data-testid="dispute-standing">{standing(dispute, order.currency)}</p>
      {awaitingAnswer && (
        <form className="mt-4" onSubmit={send}>
          <Field
            label="Your answer to the bank"
            errors={fieldErrors.explanation}
            help="Say when and how the order reached the buyer and what they told you. The order's items and tracking number are sent with it. You can answer once."
          >
            {(props) => (
              <textarea
                {...props}
                className="textarea"
                rows={4}
                minLength={10}
                maxLength={5000}
                required
                value={explanation}
                onChange={(event) => setExplanation(event.target.value)}
              />
            )}
          </Field>
          <FormError error={answer.error} />
          <SubmitButton busy={answer.isPending} className="is-warning">
            Send to the bank
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
