export { type Incident, type NoticeItem, type OutageInput, type OutagePlan, type OutagePolicy, type OutageWindow, type RedemptionAttempt } from './types.js';
export { applyOutagePlan, mergeIncidents, planOutageRemedies } from './plan.js';
