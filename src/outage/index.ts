export {
  type CouponAppend,
  type Incident,
  type NoticeItem,
  type OutageInput,
  type OutagePlan,
  type OutagePlanChanges,
  type OutagePolicy,
  type OutageWindow,
  type RedemptionAttempt,
} from './types.js';
export { applyOutagePlan, mergeIncidents, outagePlanChanges, planOutageRemedies } from './plan.js';
