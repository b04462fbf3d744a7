import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, segment } from '../../../lib/api';
import type { MailboxMail, MailboxPage } from '../../../lib/api/types';

/** Query keys of the development mailbox. */
export const mailboxKeys = {
  all: ['mailbox'] as const,
  page: (page: number) => [...mailboxKeys.all, 'page', page] as const,
  mail: (id: number) => [...mailboxKeys.all, 'mail', id] as const,
};

export const getMailbox = (page = 1) =>
  client.get<MailboxPage>('/api/dev/mailbox', { query: { page } });

export const getMailboxMail = (id: number) =>
  client.get<MailboxMail>(`/api/dev/mailbox/${segment(id)}`);

/** The raw message (.eml) of a mail, to download. */
export const rawMailHref = (id: number) => `/api/dev/mailbox/${segment(id)}/raw`;

export const useMailbox = (page: number) =>
  useQuery({
    queryKey: mailboxKeys.page(page),
    queryFn: () => getMailbox(page),
    placeholderData: keepPreviousData,
  });

export const useMailboxMail = (id: number) =>
  useQuery({ queryKey: mailboxKeys.mail(id), queryFn: () => getMailboxMail(id) });
