/**
 * Module `calendar`: the statutory holidays and adjusted working days per year (节假日安排),
 * preloaded from the State Council's notices and maintained by administrators.
 */

export { OFFICIAL_YEARS, officialCalendar } from './calendar.official.js';
export { calendarRoutes } from './calendar.routes.js';
export { ensureOfficialCalendar, isWorkingDay, storedCalendar } from './calendar.service.js';
