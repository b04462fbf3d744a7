// The earnings feature's public face: a vendor's balances, statement and its CSV export.
export { earningsKeys } from './api/keys';
export { useBalances } from './api/get-balances';
export { useStatement } from './api/get-statement';
export { useExportStatement, type DayRange } from './api/export-statement';
