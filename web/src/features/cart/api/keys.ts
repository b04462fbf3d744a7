/** The cart's query keys: one cart per signed-in user, and the guest's. */
export const cartKeys = {
  all: ['cart'] as const,
  of: (userId: number | null) => [...cartKeys.all, userId ?? 'guest'] as const,
};
