import { CASE_NUMBER_FIELD_ERRORS } from './case-number.js';
import { CAUSE_FIELD_ERRORS } from './causes.js';
import { CREDIT_CODE_FIELD_ERRORS } from './credit-code.js';
import { DEADLINE_FIELD_ERRORS } from './deadlines.js';
import { FIELD_ERRORS } from './errors.js';
import { HEARING_FIELD_ERRORS } from './hearings.js';
import { ID_CARD_FIELD_ERRORS } from './id-card.js';
import { NETWORK_FIELD_ERRORS } from './network.js';
import { NETWORK_ASSESSMENT_FIELD_ERRORS } from './network-assessment.js';
import { NETWORK_RULES_FIELD_ERRORS } from './network-rules.js';
import { NETWORK_TASK_FIELD_ERRORS } from './network-tasks.js';
import { NOTIFICATION_FIELD_ERRORS } from './notifications.js';
import { SPECIALISATION_FIELD_ERRORS } from './specialisations.js';
import { SUPERVISION_FIELD_ERRORS } from './supervision.js';
import { WORK_ORDER_FIELD_ERRORS } from './work-orders.js';

/**
 * Every per-field error code with its messages: validators put the code in a zod issue's
 * `params.code`, and the API's problem details and the web forms show the messages.
 */
export const ALL_FIELD_ERRORS: Readonly<Record<string, { zh: string; en: string }>> = {
  ...FIELD_ERRORS,
  ...ID_CARD_FIELD_ERRORS,
  ...CREDIT_CODE_FIELD_ERRORS,
  ...CASE_NUMBER_FIELD_ERRORS,
  ...CAUSE_FIELD_ERRORS,
  ...DEADLINE_FIELD_ERRORS,
  ...SUPERVISION_FIELD_ERRORS,
  ...HEARING_FIELD_ERRORS,
  ...SPECIALISATION_FIELD_ERRORS,
  ...WORK_ORDER_FIELD_ERRORS,
  ...NETWORK_FIELD_ERRORS,
  ...NETWORK_RULES_FIELD_ERRORS,
  ...NETWORK_TASK_FIELD_ERRORS,
  ...NETWORK_ASSESSMENT_FIELD_ERRORS,
  ...NOTIFICATION_FIELD_ERRORS,
};
