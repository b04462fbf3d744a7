import { Fragment } from 'react';
import { addressLines } from '../lib/address';
import type { Address } from '../lib/api/types';

/** A shipping address, one line of it per line (lib/address.ts). */
export function PostalAddress({ address }: { address: Address }) {
  return (
    <address>
      {addressLines(address).map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </address>
  );
}
