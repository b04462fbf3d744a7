import { useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import { messageKeys } from './keys';

/** How often the header asks: one cheap count. */
const UNREAD_POLL_MS = 30000;

export const getUnreadMessages = () =>
  client.get<{ count: number }>('/api/me/unread-messages').then((answer) => answer.count);

export const useUnreadMessages = ({ enabled }: { enabled: boolean }) =>
  useQuery({
    queryKey: messageKeys.unread(),
    queryFn: getUnreadMessages,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
  });
