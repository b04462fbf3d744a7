import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type {
  Conversation,
  MessageInput,
  SentMessage,
  StartConversationInput,
} from '../../../lib/api/types';
import { messageKeys } from './keys';

// Each takes the Idempotency-Key of one submit: a retry of the same submit
// sends it again, so the message is written once.

export const startConversation = (input: StartConversationInput, idempotencyKey: string) =>
  client.post<SentMessage>('/api/conversations', input, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** Writes to the other party of an order (its buyer, or its shop), in the order's thread. */
export const writeAboutOrder = (orderId: number, input: MessageInput, idempotencyKey: string) =>
  client.post<SentMessage>(`/api/orders/${orderId}/messages`, input, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const sendMessage = (id: number, input: MessageInput, idempotencyKey: string) =>
  client.post<SentMessage>(`/api/conversations/${id}/messages`, input, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const markRead = (id: number, messageId?: number) =>
  client.post<Conversation>(
    `/api/conversations/${id}/read`,
    messageId ? { message_id: messageId } : {},
  );

function useRefreshMessages() {
  const queryClient = useQueryClient();
  return (id?: number) => {
    queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
    queryClient.invalidateQueries({ queryKey: messageKeys.unread() });
    if (id) queryClient.invalidateQueries({ queryKey: messageKeys.thread(id) });
  };
}

export function useStartConversation() {
  const refresh = useRefreshMessages();
  return useMutation({
    mutationFn: ({ input, key }: { input: StartConversationInput; key: string }) =>
      startConversation(input, key),
    onSuccess: (sent) => refresh(sent.conversation.id),
  });
}

export function useWriteAboutOrder() {
  const refresh = useRefreshMessages();
  return useMutation({
    mutationFn: ({ orderId, input, key }: { orderId: number; input: MessageInput; key: string }) =>
      writeAboutOrder(orderId, input, key),
    onSuccess: (sent) => refresh(sent.conversation.id),
  });
}

export function useSendMessage(id: number) {
  const refresh = useRefreshMessages();
  return useMutation({
    mutationFn: ({ input, key }: { input: MessageInput; key: string }) =>
      sendMessage(id, input, key),
    onSuccess: () => refresh(id),
  });
}

export function useMarkRead(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => markRead(id, messageId),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
      queryClient.invalidateQueries({ queryKey: messageKeys.unread() });
    },
  });
}
