import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { Thread } from '../../../lib/api/types';
import { POLL_MS } from './get-conversations';
import { messageKeys } from './keys';

/** A thread with its newest messages (the API lists them newest first). */
export const getConversation = (id: number) =>
  client.get<Thread>(`/api/conversations/${id}`, { query: { limit: 100 } });

export const conversationQueryOptions = (id: number) =>
  queryOptions({
    queryKey: messageKeys.thread(id),
    queryFn: () => getConversation(id),
    refetchInterval: POLL_MS,
  });

export const useConversation = (id: number) => useQuery(conversationQueryOptions(id));
