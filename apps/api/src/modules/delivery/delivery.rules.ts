import {
  type Calendar,
  DELIVERY_SUGGESTION_REASONS,
  type DeliveryMethod,
  type DeliveryOutcome,
  type DeliveryStatus,
  type DeliverySuggestion,
  type DeliverySuggestionReason,
} from '@courtassist/contracts';
import { compute } from '../deadlines/index.js';

/**
 * Pure rules of delivery (送达): which outcomes each method can have, when an attempt serves a
 * task, the announcement period, and the next step to suggest after what has been tried.
 */

/** The outcomes each method can legally have. Leaving at the residence and a published announcement only succeed. */
export const LEGAL_OUTCOMES: Readonly<Record<DeliveryMethod, readonly DeliveryOutcome[]>> = {
  electronic: ['success', 'phone-empty', 'send-failed'],
  postal: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
  direct: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
  'left-at-residence': ['success'],
  entrusted: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
  assisted: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned', 'phone-empty'],
  announcement: ['success'],
};

export function isLegalOutcome(method: DeliveryMethod, outcome: DeliveryOutcome): boolean {
  return LEGAL_OUTCOMES[method].includes(outcome);
}

/** 公告送达: thirty days from publication (a party period: rule 4 moves an end on a rest day). */
export const ANNOUNCEMENT_DAYS = 30;

export function announcementEffectiveOn(publishedOn: string, calendar: Calendar): string {
  return compute({ type: 'period', from: publishedOn, days: ANNOUNCEMENT_DAYS }, calendar).deadline;
}

export interface AttemptFacts {
  method: DeliveryMethod;
  outcome: DeliveryOutcome;
  /** China Standard Time date of the attempt. */
  attemptedOn: string;
  electronicAddress?: string | null;
  effectiveOn?: string | null;
}

export interface TaskFacts {
  /** The electronic address the party confirmed in a 送达地址确认书, if any. */
  confirmedElectronicAddress: string | null;
  address: string | null;
}

export interface Effect {
  status: DeliveryStatus;
  servedOn: string | null;
}

const normalise = (address: string) => address.trim().toLowerCase();

/**
 * What an attempt does to its task, on `today`: success serves it on the attempt's day, except
 * that electronic delivery counts only when sent to the confirmed electronic address, and an
 * announcement serves on its effective day (until then the task stays in progress).
 */
export function effectOf(attempt: AttemptFacts, task: TaskFacts, today: string): Effect {
  const open: Effect = { status: 'in-progress', servedOn: null };
  if (attempt.outcome !== 'success') return open;
  switch (attempt.method) {
    case 'electronic': {
      const confirmed = task.confirmedElectronicAddress;
      const sentTo = attempt.electronicAddress;
      return confirmed && sentTo && normalise(confirmed) === normalise(sentTo) ? { status: 'served', servedOn: attempt.attemptedOn } : open;
    }
    case 'announcement':
      return attempt.effectiveOn && attempt.effectiveOn <= today ? { status: 'served', servedOn: attempt.effectiveOn } : open;
    default:
      return { status: 'served', servedOn: attempt.attemptedOn };
  }
}

function suggest(method: DeliveryMethod, reason: DeliverySuggestionReason): DeliverySuggestion {
  return { method, reason, message: DELIVERY_SUGGESTION_REASONS[reason] };
}

const UNKNOWN_ADDRESS: readonly DeliveryOutcome[] = ['address-unknown', 'no-such-person'];

/**
 * The next step after the attempts so far (oldest first), or null when the task is settled (served,
 * or ended as undeliverable) or an announcement is running. The latest attempt decides, except that two failed postal attempts
 * call for assisted delivery whatever came last.
 */
export function nextStep(status: DeliveryStatus, attempts: readonly AttemptFacts[], task: TaskFacts): DeliverySuggestion | null {
  if (status === 'served' || status === 'failed') return null;
  if (attempts.some((a) => a.method === 'announcement' && a.outcome === 'success')) return null;
  const last = attempts.at(-1);
  if (!last) {
    if (task.confirmedElectronicAddress) return suggest('electronic', 'first-electronic');
    return task.address ? suggest('postal', 'first-postal') : suggest('assisted', 'no-address');
  }
  if (last.outcome === 'refused') return suggest('left-at-residence', 'refused');
  if (UNKNOWN_ADDRESS.includes(last.outcome) && last.method !== 'electronic') return suggest('announcement', 'address-unknown');
  const failedPostal = attempts.filter((a) => a.method === 'postal' && a.outcome !== 'success').length;
  if (failedPostal >= 2) return suggest('assisted', 'postal-twice');
  switch (last.method) {
    case 'electronic':
      // Failed, or sent to an address the party never confirmed (which does not count): post the documents.
      return suggest('postal', 'electronic-failed');
    case 'postal':
      return suggest('postal', 'postal-again');
    case 'direct':
      return suggest('assisted', 'direct-unsigned');
    case 'entrusted':
      return suggest('assisted', 'entrusted-failed');
    default:
      // A failed assisted attempt (nobody signed, phone not in service): court staff go in person.
      return suggest('direct', 'assisted-failed');
  }
}
