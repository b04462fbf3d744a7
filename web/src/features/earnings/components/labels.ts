import type { OrderEarningsStatus, PayoutStatus, StatementKind } from '../../../lib/api/types';

/** Every kind of statement line, as the vendor reads it. */
export const KIND_LABELS: Record<StatementKind, string> = {
  sale: 'Sale',
  refund: 'Refund',
  payout: 'Payout',
  payout_reversal: 'Payout failed (returned)',
  dispute: 'Dispute',
  dispute_won: 'Dispute won',
};

/** Where an order's earnings stand. */
export const EARNINGS_STATUS_LABELS: Record<OrderEarningsStatus, string> = {
  pending: 'Pending',
  available: 'Available',
  in_payout: 'In a payout',
  paid_out: 'Paid out',
};

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  pending: 'Pending',
  in_transit: 'In transit',
  paid: 'Paid',
  failed: 'Failed',
};
