import type { MessageChannel } from '@courtassist/contracts';
import nodemailer from 'nodemailer';
import { type AdapterName, chooseAdapters } from './messages.rules.js';

/**
 * Channel adapters for external messages. `send` resolves when the message has left (the
 * gateway or the mail server accepted it) and throws with the reason otherwise.
 */
export interface OutgoingMessage {
  to: string;
  subject: string | null;
  text: string;
}

export interface ChannelAdapter {
  readonly name: AdapterName;
  send(message: OutgoingMessage): Promise<void>;
}

export type ChannelAdapters = Record<MessageChannel, ChannelAdapter>;

export interface MessagingConfig {
  smsGatewayUrl: string | null;
  smsGatewayKey: string | null;
  smtpUrl: string | null;
  mailFrom: string;
}

/** Header that carries the SMS gateway key. */
export const SMS_KEY_HEADER = 'x-api-key';
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * SMS over HTTP: POST `{to, text}` as JSON with the key in a header. Any answer other than 2xx,
 * a network error or no answer within the timeout is a failure, with the gateway's answer as the error.
 */
export function smsGatewayAdapter(url: string, key: string | null, timeoutMs = DEFAULT_TIMEOUT_MS): ChannelAdapter {
  return {
    name: 'sms-gateway',
    async send({ to, text }) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { [SMS_KEY_HEADER]: key } : {}) },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') throw new Error(`SMS gateway: no answer within ${timeoutMs} ms`);
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        throw new Error(`SMS gateway unreachable: ${cause ?? (error as Error).message}`);
      }
      const answer = await response.text().catch(() => '');
      if (!response.ok) throw new Error(`SMS gateway HTTP ${response.status}: ${answer || response.statusText}`);
    },
  };
}

/** Mail over SMTP with nodemailer; `smtpUrl` like `smtp://user:pass@host:port`. */
export function smtpAdapter(smtpUrl: string, from: string, timeoutMs = DEFAULT_TIMEOUT_MS): ChannelAdapter {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 25,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    name: 'smtp',
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject: subject ?? '', text });
    },
  };
}

/**
 * The development channel: nothing leaves the system. The message is marked sent so that an
 * administrator reads it on the outbox page, which says it was not really sent.
 */
export const developmentAdapter: ChannelAdapter = {
  name: 'development',
  async send() {},
};

/** The adapters a configuration selects: a real one where it is configured, else the development one. */
export function messageAdapters(config: MessagingConfig, timeoutMs = DEFAULT_TIMEOUT_MS): ChannelAdapters {
  const chosen = chooseAdapters(config);
  return {
    sms:
      chosen.sms === 'sms-gateway' && config.smsGatewayUrl
        ? smsGatewayAdapter(config.smsGatewayUrl, config.smsGatewayKey, timeoutMs)
        : developmentAdapter,
    mail: chosen.mail === 'smtp' && config.smtpUrl ? smtpAdapter(config.smtpUrl, config.mailFrom, timeoutMs) : developmentAdapter,
  };
}
