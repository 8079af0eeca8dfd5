// Every closed set of names on the wire, once. The TypeScript unions, the readers, the zod schemas, the
// generators and the docs tables all take their members from here.

/** The wire ops, in the order the docs list them. */
export const WIRE_OPS_LIST = ['quote', 'coupon-issue-check', 'coupon-state', 'coupon-choices', 'dispute-state', 'outage-plan'] as const;

/**
 * Rounding modes a quote may name: every mode of the money layer. `half-up` is the default; `half-down` is
 * WooCommerce's coupon rounding, `down` (truncation toward zero) EC-CUBE's.
 *
 * @example
 * ```ts
 * import { QUOTE_ROUNDINGS } from 'coupon-rules';
 * console.log(QUOTE_ROUNDINGS); // → [ 'half-up', 'half-even', 'half-down', 'down', 'up' ]
 * ```
 */
export const QUOTE_ROUNDINGS = ['half-up', 'half-even', 'half-down', 'down', 'up'] as const;
/** The two kinds of coupon terms. */
export const COUPON_TYPES = ['percent', 'fixed'] as const;
/** The modes of an item-type limit. */
export const ITEM_TYPE_LIMIT_MODES = ['only', 'except'] as const;
/**
 * Why a line is not eligible for the coupon.
 *
 * @example
 * ```ts
 * import { INELIGIBLE_REASONS } from 'coupon-rules';
 * console.log(INELIGIBLE_REASONS); // → [ 'ITEM_TYPE_NOT_IN_LIMIT', 'ITEM_TYPE_EXCLUDED', 'ON_SALE' ]
 * ```
 */
export const INELIGIBLE_REASONS = ['ITEM_TYPE_NOT_IN_LIMIT', 'ITEM_TYPE_EXCLUDED', 'ON_SALE'] as const;

/**
 * Why a coupon may not be given.
 *
 * @example
 * ```ts
 * import { ISSUE_VIOLATION_CODES } from 'coupon-rules';
 * console.log(ISSUE_VIOLATION_CODES); // → [ 'SELF', 'RECIPIENT_UNREGISTERED', 'RECIPIENT_EMAIL_UNCONFIRMED', 'STOPLISTED_BY_SELLER', 'STOPLISTED_BY_RECIPIENT', 'EXPIRATION_REQUIRED', 'EXPIRATION_IN_PAST', 'EXPIRATION_TOO_FAR' ]
 * ```
 */
export const ISSUE_VIOLATION_CODES = [
  'SELF',
  'RECIPIENT_UNREGISTERED',
  'RECIPIENT_EMAIL_UNCONFIRMED',
  'STOPLISTED_BY_SELLER',
  'STOPLISTED_BY_RECIPIENT',
  'EXPIRATION_REQUIRED',
  'EXPIRATION_IN_PAST',
  'EXPIRATION_TOO_FAR',
] as const;
/** The events of a coupon's life. */
export const COUPON_EVENT_TYPES = ['edited', 'redeemed', 'declined', 'deleted', 'extended', 'honored'] as const;
/**
 * A coupon's status.
 *
 * @example
 * ```ts
 * import { COUPON_STATUSES } from 'coupon-rules';
 * console.log(COUPON_STATUSES); // → [ 'open', 'redeemed', 'declined', 'expired', 'deleted' ]
 * ```
 */
export const COUPON_STATUSES = ['open', 'redeemed', 'declined', 'expired', 'deleted'] as const;
/**
 * Why an action on a coupon is not allowed now.
 *
 * @example
 * ```ts
 * import { COUPON_ACTION_BLOCKS } from 'coupon-rules';
 * console.log(COUPON_ACTION_BLOCKS); // → [ 'COUPON_EXPIRED', 'COUPON_REDEEMED', 'COUPON_DECLINED', 'COUPON_DELETED' ]
 * ```
 */
export const COUPON_ACTION_BLOCKS = ['COUPON_EXPIRED', 'COUPON_REDEEMED', 'COUPON_DECLINED', 'COUPON_DELETED'] as const;
/** The actions on a coupon the view reports. */
export const COUPON_ACTIONS = ['edit', 'delete', 'decline', 'redeem'] as const;
/** What checkout shows the buyer. */
export const CHOICE_PROMPTS = ['none', 'offer', 'choose'] as const;

/**
 * Why a buyer opens a dispute.
 *
 * @example
 * ```ts
 * import { DISPUTE_REASONS } from 'coupon-rules';
 * console.log(DISPUTE_REASONS); // → [ 'NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS', 'NOT_RECEIVED', 'LATE_DELIVERY', 'OTHER' ]
 * ```
 */
export const DISPUTE_REASONS = ['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS', 'NOT_RECEIVED', 'LATE_DELIVERY', 'OTHER'] as const;
/** The reasons that need evidence at the opening. */
export const EVIDENCE_REASONS = ['NOT_AS_DESCRIBED', 'DAMAGED', 'MISSING_PARTS'] as const;
/** The events of a dispute. */
export const DISPUTE_EVENT_TYPES = [
  'opened',
  'claim-changed',
  'cancelled',
  'seller-agreed',
  'seller-countered',
  'seller-disagreed',
  'buyer-accepted',
  'buyer-declined',
  'escalated',
  'ruled',
] as const;
/**
 * A dispute's status.
 *
 * @example
 * ```ts
 * import { DISPUTE_STATUSES } from 'coupon-rules';
 * console.log(DISPUTE_STATUSES); // → [ 'awaiting-seller', 'awaiting-buyer', 'under-review', 'resolved', 'cancelled' ]
 * ```
 */
export const DISPUTE_STATUSES = ['awaiting-seller', 'awaiting-buyer', 'under-review', 'resolved', 'cancelled'] as const;
/**
 * Who acts in a dispute.
 *
 * @example
 * ```ts
 * import { DISPUTE_PARTIES } from 'coupon-rules';
 * console.log(DISPUTE_PARTIES); // → [ 'buyer', 'seller', 'platform' ]
 * ```
 */
export const DISPUTE_PARTIES = ['buyer', 'seller', 'platform'] as const;
/** The parties who may escalate. */
export const ESCALATING_PARTIES = ['buyer', 'seller'] as const;
/**
 * The commands of a dispute.
 *
 * @example
 * ```ts
 * import { DISPUTE_ACTIONS } from 'coupon-rules';
 * console.log(DISPUTE_ACTIONS); // → [ 'change-claim', 'cancel', 'accept', 'decline', 'escalate', 'agree', 'counter', 'disagree', 'rule' ]
 * ```
 */
export const DISPUTE_ACTIONS = ['change-claim', 'cancel', 'accept', 'decline', 'escalate', 'agree', 'counter', 'disagree', 'rule'] as const;
/**
 * Why a party may not take an action now (each also an error code of a refused command).
 *
 * @example
 * ```ts
 * import { DISPUTE_BLOCKS } from 'coupon-rules';
 * console.log(DISPUTE_BLOCKS); // → [ 'DISPUTE_CLOSED', 'UNDER_REVIEW', 'DEADLINE_PASSED', 'PROCESS_LIMIT_REACHED', 'WRONG_TURN', 'SELLER_ALREADY_RESPONDED', 'NO_OFFER', 'NOT_UNDER_REVIEW' ]
 * ```
 */
export const DISPUTE_BLOCKS = [
  'DISPUTE_CLOSED',
  'UNDER_REVIEW',
  'DEADLINE_PASSED',
  'PROCESS_LIMIT_REACHED',
  'WRONG_TURN',
  'SELLER_ALREADY_RESPONDED',
  'NO_OFFER',
  'NOT_UNDER_REVIEW',
] as const;
/**
 * How a dispute was resolved.
 *
 * @example
 * ```ts
 * import { DISPUTE_OUTCOMES } from 'coupon-rules';
 * console.log(DISPUTE_OUTCOMES); // → [ 'seller-agreed', 'buyer-accepted', 'ruled' ]
 * ```
 */
export const DISPUTE_OUTCOMES = ['seller-agreed', 'buyer-accepted', 'ruled'] as const;
/** What happened to a counter-offer. */
export const OFFER_FATES = ['pending', 'accepted', 'declined', 'superseded', 'withdrawn', 'escalated', 'lapsed', 'final'] as const;
/** What kind of proposal an offer is. */
export const OFFER_KINDS = ['claim', 'counter-offer', 'refusal', 'ruling'] as const;
/** What a party of a dispute is told. */
export const DISPUTE_NOTICE_KINDS = [
  'opened',
  'claim-changed',
  'seller-responded',
  'offer-made',
  'offer-declined',
  'escalated',
  'under-review',
  'ruled',
  'resolved',
  'cancelled',
] as const;
/** How a policy counts days. */
export const DAY_COUNTS = ['calendar', 'business'] as const;

/** The remedies an outage plan lists in a buyer's notice. */
export const OUTAGE_NOTICE_ITEM_TYPES = ['extended', 'reissued', 'honored', 'compensated'] as const;
