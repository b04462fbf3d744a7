import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type {
  NotificationPreferences,
  NotificationPreferencesChange,
} from '../../../lib/api/types';

export const preferenceKeys = { notifications: ['notification-preferences'] as const };

export const getNotificationPreferences = () =>
  client.get<NotificationPreferences>('/api/me/notification-preferences');

export const setNotificationPreferences = (change: NotificationPreferencesChange) =>
  client.put<NotificationPreferences>('/api/me/notification-preferences', change);

/** One-click unsubscribe with a mail's token (no sign-in needed). */
export const unsubscribe = (token: string) =>
  client.post<void>('/api/mail/unsubscribe', undefined, { query: { token } });

export const useNotificationPreferences = () =>
  useQuery({ queryKey: preferenceKeys.notifications, queryFn: getNotificationPreferences });

export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setNotificationPreferences,
    onSuccess: (preferences) => queryClient.setQueryData(preferenceKeys.notifications, preferences),
  });
}
