export {
  type Incident,
  type NoticeItem,
  type OutageInput,
  type OutagePlan,
  type OutagePolicy,
  type RedemptionAttempt,
  applyOutagePlan,
  mergeIncidents,
  planOutageRemedies,
} from './plan.js';
