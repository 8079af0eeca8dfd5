import { type Dispute, type DisputeEvent, type DisputeOrder, type DisputeView, disputeView } from '../../src/index.js';
import { codePathsOf, unwrap } from '../helpers.js';

// The order of docs/disputes.md's examples: 3 parts at 10.00 and a set at 20.00, 10% coupon (5.00: 3.00 on L1, 2.00 on L2),
// seller credit 1.00, shipping 5.00: paid 49.00. L1 nets 27.00 (9.00 a unit), L2 nets 18.00.
// Shipped 20 November, receipt confirmed 28 November 18:00 UTC, delivery expected by 5 December.
export const order: DisputeOrder = {
  quote: {
    currency: 'USD',
    lines: [
      { id: 'L1', itemType: 'Part', unitPrice: '10.00', quantity: 3 },
      { id: 'L2', itemType: 'Set', unitPrice: '20.00', quantity: 1 },
    ],
    coupon: { type: 'percent', percent: '10' },
    sellerCredit: '1.00',
    charges: { shipping: '5.00' },
  },
  shippedAt: '2026-11-20T09:00:00Z',
  receiptConfirmedAt: '2026-11-28T18:00:00Z',
  expectedDeliveryBy: '2026-12-05',
};

/** The view of the fixture order's dispute (or `extra`'s) at `at`; a refusal fails the test with its errors. */
export function viewAt(events: readonly DisputeEvent[], at: string, extra: Partial<Dispute> = {}): DisputeView {
  return unwrap(disputeView({ order, events, ...extra }, at));
}

/** The refusal of a dispute as `CODE@path` strings (none when it is viewed). */
export function refusalAt(events: readonly DisputeEvent[], at: string, extra: Partial<Dispute> = {}): string[] {
  return codePathsOf(disputeView({ order, events, ...extra }, at));
}
