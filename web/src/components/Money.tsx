import { formatMoney } from '../lib/money';

export function Money({ cents, currency }: { cents: number; currency?: string | null }) {
  return <span className="money">{formatMoney(cents, currency ?? undefined)}</span>;
}
