import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import { productKeys } from './keys';

/** Takes a product off sale; orders that name it keep it. */
export const archiveProduct = (id: number) => client.delete<void>(`/api/products/${id}`);

export function useArchiveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveProduct,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.allMine() }),
  });
}
