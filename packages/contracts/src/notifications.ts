import { z } from 'zod';
import { pageOf, pageQuery } from './common.js';
import { calendarDate } from './deadlines.js';

/**
 * External messages (SMS and e-mail) as they go out through the outbox, and the administrators'
 * view of that queue: what was sent, what is waiting for a retry, and the dead letters.
 */

export const MESSAGE_CHANNELS = ['sms', 'mail'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_STATUSES = ['pending', 'sent', 'dead'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Attempts an external message gets before it becomes a dead letter. */
export const MESSAGE_MAX_ATTEMPTS = 5;

export const MESSAGE_CHANNEL_LABELS: Record<MessageChannel, { zh: string; en: string }> = {
  sms: { zh: '短信', en: 'SMS' },
  mail: { zh: '电子邮件', en: 'E-mail' },
};

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, { zh: string; en: string }> = {
  pending: { zh: '待发送', en: 'Pending' },
  sent: { zh: '已发送', en: 'Sent' },
  dead: { zh: '发送失败（死信）', en: 'Failed (dead letter)' },
};

/** A mainland China mobile number: 11 digits starting 13–19. */
export function isMainlandMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** A plain e-mail address (one @, a dotted domain, no spaces), at most 254 characters. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(value);
}

export const NOTIFICATION_FIELD_ERRORS = {
  mobile_number: { zh: '不是有效的手机号码（11 位，以 13–19 开头）', en: 'Not a valid mobile number (11 digits starting 13–19)' },
  email_address: { zh: '不是有效的电子邮件地址', en: 'Not a valid e-mail address' },
} as const;

/** The field-error code of an invalid address for `channel`, or null when the address is valid. */
export function messageAddressProblem(channel: MessageChannel, to: string): keyof typeof NOTIFICATION_FIELD_ERRORS | null {
  if (channel === 'sms') return isMainlandMobile(to) ? null : 'mobile_number';
  return isEmailAddress(to) ? null : 'email_address';
}

const dateRange = {
  /** Queued on or after this day (China Standard Time). */
  from: calendarDate.optional(),
  /** Queued on or before this day (China Standard Time). */
  to: calendarDate.optional(),
};

export const outboxQuery = z
  .strictObject({
    channel: z.enum(MESSAGE_CHANNELS).optional(),
    status: z.enum(MESSAGE_STATUSES).optional(),
    ...dateRange,
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to before from', params: { code: 'invalid_value' } });
export type OutboxQuery = z.infer<typeof outboxQuery>;

export const outboxMessageView = z.object({
  id: z.number().int(),
  channel: z.enum(MESSAGE_CHANNELS),
  kind: z.string(),
  to: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  courtId: z.number().int().nullable(),
  /** The adapter that sent it: `development` means it never left the system. */
  via: z.enum(['sms-gateway', 'smtp', 'development']).nullable(),
});
export type OutboxMessageView = z.infer<typeof outboxMessageView>;

export const outboxPage = pageOf(outboxMessageView).extend({
  /** Dead letters in the administrator's scope, whatever the filters. */
  dead: z.number().int(),
  /**
   * Channels without a real adapter configured: their messages are marked sent without leaving
   * the system (development), so the page says so.
   */
  developmentChannels: z.array(z.enum(MESSAGE_CHANNELS)),
});
export type OutboxPage = z.infer<typeof outboxPage>;
