// The earnings feature's public face: a vendor's balances and statement.
export { earningsKeys } from './api/keys';
export { useBalances } from './api/get-balances';
export { useStatement } from './api/get-statement';
