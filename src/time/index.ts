export { type InstantInput } from './instant.js';
export { addCalendarDays, addCalendarYears, localDateOf, startOfLocalDate, validityEnd } from './dates.js';
