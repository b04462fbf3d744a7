/** Query keys of conversations: my inbox's pages, one thread, my unread count. */
export const messageKeys = {
  all: ['messages'] as const,
  lists: () => [...messageKeys.all, 'list'] as const,
  list: (page: number) => [...messageKeys.lists(), page] as const,
  thread: (id: number) => [...messageKeys.all, 'thread', id] as const,
  unread: () => [...messageKeys.all, 'unread'] as const,
};
