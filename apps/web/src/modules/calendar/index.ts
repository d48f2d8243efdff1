export { calendarKey } from './api';
