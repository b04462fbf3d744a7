/** Query keys of the vendor's money: balances, statement pages, orders' earnings, payouts. */
export const earningsKeys = {
  all: ['earnings'] as const,
  balances: () => [...earningsKeys.all, 'balances'] as const,
  statement: (page: number) => [...earningsKeys.all, 'statement', page] as const,
  orders: (page: number) => [...earningsKeys.all, 'orders', page] as const,
  order: (id: number) => [...earningsKeys.all, 'order', id] as const,
  payoutAccount: () => [...earningsKeys.all, 'payout-account'] as const,
  payouts: () => [...earningsKeys.all, 'payouts'] as const,
};
