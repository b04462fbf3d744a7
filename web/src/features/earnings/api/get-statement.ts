import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import type { StatementPage } from '../../../lib/api/types';
import { earningsKeys } from './keys';

const PAGE_SIZE = 20;

/** One page of the vendor's statement, newest first. */
export const getStatement = (page: number) =>
  client.get<StatementPage>(`/api/my/statement?page=${page}&limit=${PAGE_SIZE}`);

export const statementQueryOptions = (page: number) =>
  queryOptions({ queryKey: earningsKeys.statement(page), queryFn: () => getStatement(page) });

export const useStatement = (page: number, { enabled = true } = {}) =>
  useQuery({ ...statementQueryOptions(page), enabled, placeholderData: keepPreviousData });
