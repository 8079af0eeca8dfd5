export { type DisputeCommand, type DisputeCommandBase, type DisputeDecision, decideDispute } from './decide.js';
export {
  type ClaimedLine,
  type Dispute,
  type DisputeAction,
  type DisputeBlock,
  type DisputeEvent,
  type DisputeEvidence,
  type DisputeNotice,
  type DisputeOffer,
  type DisputeOrder,
  type DisputeOutcome,
  type DisputeParty,
  type DisputeReason,
  type DisputeStatus,
  type DisputeView,
} from './types.js';
export { disputeView } from './view.js';
export { DEFAULT_DISPUTE_POLICY, type Deadline, type DisputePolicy, MAX_POLICY_DAYS, disputeDeadline } from './policy.js';
