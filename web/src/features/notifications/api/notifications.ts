import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, segment } from '../../../lib/api';
import type { NotificationPage } from '../../../lib/api/types';

/** Query keys of the bell: the unread count and the latest notifications. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
};

/** How often an open page asks for the unread count (one indexed count on the server). */
const UNREAD_POLL_MS = 60_000;

export const getUnreadCount = () =>
  client.get<{ unread: number }>('/api/me/notifications/unread-count');

export const useUnreadCount = ({ enabled }: { enabled: boolean }) =>
  useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: getUnreadCount,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });

export const getLatestNotifications = () =>
  client.get<NotificationPage>('/api/me/notifications?limit=10');

export const useLatestNotifications = ({ enabled }: { enabled: boolean }) =>
  useQuery({ queryKey: notificationKeys.latest(), queryFn: getLatestNotifications, enabled });

function useInvalidateBell() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkNotificationRead() {
  const invalidate = useInvalidateBell();
  return useMutation({
    mutationFn: (id: number) => client.post<void>(`/api/me/notifications/${segment(id)}/read`),
    onSuccess: invalidate,
  });
}

export function useMarkAllNotificationsRead() {
  const invalidate = useInvalidateBell();
  return useMutation({
    mutationFn: () => client.post<{ marked: number }>('/api/me/notifications/read'),
    onSuccess: invalidate,
  });
}
