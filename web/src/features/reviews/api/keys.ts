/** Query keys of reviews: a product's, and whether the viewer may write one (under it). */
export const reviewKeys = {
  all: ['reviews'] as const,
  ofProduct: (productId: number) => [...reviewKeys.all, productId] as const,
  eligibility: (productId: number) => [...reviewKeys.ofProduct(productId), 'eligibility'] as const,
};
