// The earnings feature's public face: a vendor's balances, statement and its
// CSV export, what each order earned, and payouts.
export { earningsKeys } from './api/keys';
export { useBalances } from './api/get-balances';
export { useStatement } from './api/get-statement';
export { useExportStatement, type DayRange } from './api/export-statement';
export { KIND_LABELS } from './components/labels';
export { OrderEarningsBox } from './components/OrderEarningsBox';
export { OrderEarningsTable } from './components/OrderEarningsTable';
export { PayoutsBox } from './components/PayoutsBox';
