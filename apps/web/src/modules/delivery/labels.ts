import {
  DELIVERY_CALL_OUTCOME_NAMES,
  DELIVERY_DOCUMENT_NAMES,
  DELIVERY_END_REASON_NAMES,
  DELIVERY_METHOD_NAMES,
  DELIVERY_OUTCOME_NAMES,
  DELIVERY_STATUS_NAMES,
  type DeliveryCallOutcome,
  type DeliveryDocumentKind,
  type DeliveryEndReason,
  type DeliveryMethod,
  type DeliveryOutcome,
  type DeliveryStatus,
  PARTY_ROLE_NAMES,
  POSTAL_RETURN_STATUS_NAMES,
  type PostalReturnStatus,
} from '@courtassist/contracts';
import { type Lang, pickText } from '../../shared/lib/lang';

export const DATE_FORMAT = 'YYYY-MM-DD';

export const STATUS_COLORS: Record<DeliveryStatus, string> = {
  pending: 'gold',
  'in-progress': 'processing',
  served: 'success',
  failed: 'error',
};

/**
 * The outcomes offered for each method, so the form never proposes an impossible pair; the API
 * checks the same rule and answers on the outcome field when it is broken.
 */
export const OUTCOMES_OF: Readonly<Record<DeliveryMethod, readonly DeliveryOutcome[]>> = {
  electronic: ['success', 'phone-empty', 'send-failed'],
  postal: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
  direct: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
  'left-at-residence': ['success'],
  entrusted: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
  assisted: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned', 'phone-empty'],
  announcement: ['success'],
};

export const documentName = (kind: DeliveryDocumentKind, lang: Lang) => pickText(lang, DELIVERY_DOCUMENT_NAMES[kind]);
export const statusName = (status: DeliveryStatus, lang: Lang) => pickText(lang, DELIVERY_STATUS_NAMES[status]);
export const methodName = (method: DeliveryMethod, lang: Lang) => pickText(lang, DELIVERY_METHOD_NAMES[method]);
export const outcomeName = (outcome: DeliveryOutcome, lang: Lang) => pickText(lang, DELIVERY_OUTCOME_NAMES[outcome]);
export const callOutcomeName = (outcome: DeliveryCallOutcome, lang: Lang) => pickText(lang, DELIVERY_CALL_OUTCOME_NAMES[outcome]);
export const endReasonName = (reason: DeliveryEndReason, lang: Lang) => pickText(lang, DELIVERY_END_REASON_NAMES[reason]);
export const postalStatusName = (status: PostalReturnStatus, lang: Lang) => pickText(lang, POSTAL_RETURN_STATUS_NAMES[status]);

/** A party's role (原告, 被告 …) in the interface language; an unknown code shows as it is. */
export function roleName(role: string, lang: Lang): string {
  const name = (PARTY_ROLE_NAMES as Record<string, { zh: string; en: string } | undefined>)[role];
  return name ? pickText(lang, name) : role;
}
