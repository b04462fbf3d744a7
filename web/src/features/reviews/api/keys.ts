/** Query keys of reviews: a product's. */
export const reviewKeys = {
  all: ['reviews'] as const,
  ofProduct: (productId: number) => [...reviewKeys.all, productId] as const,
};
