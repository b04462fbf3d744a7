import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Product, ProductDetail, ProductInput } from '../../../lib/api/types';
import { productKeys } from './keys';

export const createProduct = (input: ProductInput) => client.post<Product>('/api/products', input);

export const updateProduct = (id: number, input: ProductInput) =>
  client.patch<Product>(`/api/products/${id}`, input);

/** Creates a product, or (given one) changes it; lists show it afterwards. */
export function useSaveProduct(product: Product | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) =>
      product ? updateProduct(product.id, input) : createProduct(input),
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: productKeys.allMine() });
      queryClient.invalidateQueries({ queryKey: productKeys.searches() });
      // The page's shipping is not in the answer: kept until it is read again
      // (a new currency may ship at another rate).
      queryClient.setQueryData<ProductDetail>(
        productKeys.detail(saved.id),
        (cached) => cached && { ...cached, ...saved },
      );
      queryClient.invalidateQueries({ queryKey: productKeys.detail(saved.id) });
    },
  });
}
