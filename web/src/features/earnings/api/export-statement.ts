import { useMutation } from '@tanstack/react-query';
import { client } from '../../../lib/api';
import { saveFile } from '../../../lib/save-file';

/** A range of days, YYYY-MM-DD, both included (UTC). */
export interface DayRange {
  from: string;
  to: string;
}

/** The vendor's statement lines in the range, as the server's CSV. */
export const getStatementCsv = ({ from, to }: DayRange) =>
  client.get<string>('/api/my/statement.csv', {
    query: { from, to },
    headers: { Accept: 'text/csv, application/problem+json' },
    text: true,
  });

/**
 * Downloads the statement of a range of days as CSV. The request carries the
 * access token, which a plain link could not, so the file is fetched first.
 */
export const useExportStatement = () =>
  useMutation({
    mutationFn: async (range: DayRange) => {
      const csv = await getStatementCsv(range);
      saveFile(csv, `statement-${range.from}-to-${range.to}.csv`, 'text/csv;charset=utf-8');
    },
  });
