import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { ConversationPage } from '../../../lib/api/types';
import { messageKeys } from './keys';

/** How often open inboxes and threads look for new messages. */
export const POLL_MS = 5000;

export const getConversations = (page = 1) =>
  client.get<ConversationPage>('/api/conversations', { query: { page } });

export const conversationsQueryOptions = (page = 1) =>
  queryOptions({
    queryKey: messageKeys.list(page),
    queryFn: () => getConversations(page),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });

export const useConversations = (page = 1) => useQuery(conversationsQueryOptions(page));
