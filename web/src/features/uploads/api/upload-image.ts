import { client } from '../../../lib/api';
import type { Image } from '../../../lib/api/types';

/** Stores an image; the answer names the URLs of its sizes. */
export function uploadImage(file: File) {
  const form = new FormData();
  form.append('file', file);
  return client.post<Image>('/api/uploads', undefined, { form });
}
