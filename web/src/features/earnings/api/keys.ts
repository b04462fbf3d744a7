/** Query keys of the vendor's money: balances, statement pages. */
export const earningsKeys = {
  all: ['earnings'] as const,
  balances: () => [...earningsKeys.all, 'balances'] as const,
  statement: (page: number) => [...earningsKeys.all, 'statement', page] as const,
};
