import { MESSAGE_MAX_ATTEMPTS, type MessageChannel, messageAddressProblem } from '@courtassist/contracts';

/**
 * Pure rules of external messages (SMS, mail): when a failed message is tried again, when it
 * becomes a dead letter, which adapter a configuration selects, and who sees which messages.
 */

/** Attempts a message gets before it becomes a dead letter. */
export const MAX_ATTEMPTS = MESSAGE_MAX_ATTEMPTS;

/** Minutes to wait after the n-th failed attempt (n = 1 … MAX_ATTEMPTS − 1): 1, 5, 15, 60 minutes. */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60] as const;

/** How long a claimed message stays reserved for the instance sending it (then it is due again). */
export const LEASE_MINUTES = 5;

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'dead' };

/**
 * The state of a message whose `attempts`-th attempt (counting from 1) just failed at `at`: due
 * again after the back-off, or dead after the last attempt.
 */
export function afterFailure(attempts: number, at: Date): AfterFailure {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number ≥ 1, got ${attempts}`);
  if (attempts >= MAX_ATTEMPTS) return { status: 'dead' };
  const minutes = RETRY_DELAYS_MINUTES[Math.min(attempts, RETRY_DELAYS_MINUTES.length) - 1];
  return { status: 'pending', nextAttemptAt: new Date(at.getTime() + minutes * 60_000) };
}

/** The address normalised for sending: surrounding spaces removed, an e-mail's domain in lower case. */
export function normaliseAddress(channel: MessageChannel, to: string): string {
  const trimmed = to.trim();
  if (channel === 'sms') return trimmed;
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

export { messageAddressProblem };

export type AdapterName = 'sms-gateway' | 'smtp' | 'development';

/** Which adapter each channel uses: the real one when it is configured, else the development one. */
export function chooseAdapters(config: { smsGatewayUrl: string | null; smtpUrl: string | null }): Record<MessageChannel, AdapterName> {
  return {
    sms: config.smsGatewayUrl ? 'sms-gateway' : 'development',
    mail: config.smtpUrl ? 'smtp' : 'development',
  };
}

/**
 * Messages without a court (installation-wide) are seen only by administrators of a root court,
 * whose scope is the whole installation: their court path has a single segment, e.g. `/1/`.
 */
export function seesInstallationMessages(courtPath: string): boolean {
  return /^\/\d+\/$/.test(courtPath);
}

/** An error text short enough to store and show: the gateway's answer may be a whole HTML page. */
export function errorText(error: unknown, max = 500): string {
  const text = error instanceof Error ? error.message : String(error);
  const flat = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
