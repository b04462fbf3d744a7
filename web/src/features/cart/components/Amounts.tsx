import { Fragment } from 'react';
import { Money } from '../../../components/Money';
import type { Amount } from '../utils/totals';

/** Amounts in their own currencies, joined by "+" ("€20.00 + $12.99"). */
export function Amounts({ amounts }: { amounts: Amount[] }) {
  return (
    <>
      {amounts.map((amount, i) => (
        <Fragment key={amount.currency}>
          {i > 0 && ' + '}
          <Money cents={amount.cents} currency={amount.currency} />
        </Fragment>
      ))}
    </>
  );
}
