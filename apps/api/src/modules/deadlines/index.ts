/** Module `deadlines`: statutory trial limits and party periods (pure calculators for now). */
export { CalendarRequiredError, compute } from './calculator.js';
export { type CommandOutput, runDeadlineCommand } from './deadline-command.js';
