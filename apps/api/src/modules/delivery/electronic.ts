import { createHash, randomBytes } from 'node:crypto';
import { DELIVERY_DOCUMENT_NAMES, type DeliveryDocumentKind, type MessageChannel } from '@courtassist/contracts';

/**
 * Pure rules of electronic delivery through the outbox: the read token, the link and the text
 * of the SMS or e-mail.
 */

/** 32 random bytes (256 bits), base64url without padding: 43 characters. */
export const READ_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newReadToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored: a copy of the table opens no link. SHA-256 suffices for a random 256-bit secret. */
export function hashReadToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isReadToken(value: string): boolean {
  return READ_TOKEN_PATTERN.test(value);
}

/** The link of a token: `base` is PUBLIC_BASE_URL or the request's origin; a trailing slash is dropped. */
export function readLink(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/r/${token}`;
}

export interface ElectronicNotice {
  courtName: string;
  caseNumber: string;
  documentKind: DeliveryDocumentKind;
  link: string;
}

/**
 * The message: an SMS in Chinese only (it is short and billed per segment), a mail in Chinese and
 * English with a subject. Both name the court, the case number, the document and the link.
 */
export function electronicMessage(channel: MessageChannel, n: ElectronicNotice): { subject?: string; text: string } {
  const doc = DELIVERY_DOCUMENT_NAMES[n.documentKind];
  const zh = `【${n.courtName}】您在${n.caseNumber}案件中的${doc.zh}已向您电子送达，请点击链接查看：${n.link}`;
  if (channel === 'sms') return { text: zh };
  return {
    subject: `${n.courtName}电子送达：${n.caseNumber} ${doc.zh}`,
    text: [
      zh,
      '',
      `${n.courtName} has served on you electronically the ${doc.en.toLowerCase()} in case ${n.caseNumber}. Open the link to read it: ${n.link}`,
    ].join('\n'),
  };
}

// ---- the read page ----

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

/** A moment as China Standard Time, `2026-11-21 14:05`. */
export function chinaMoment(moment: Date): string {
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;background:#f5f5f5;color:#1f1f1f;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:560px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 4px}
h1 small{display:block;font-size:14px;font-weight:normal;color:#666}
dl{margin:16px 0;display:grid;grid-template-columns:auto 1fr;gap:6px 12px}
dt{color:#666}dd{margin:0;word-break:break-all}
p{margin:12px 0}.en{color:#666;font-size:14px}
</style>
</head>
<body><main><div class="card">${body}</div></main></body>
</html>`;
}

export interface ReadPage {
  courtName: string;
  caseNumber: string;
  documentKind: DeliveryDocumentKind;
  /** When the recipient first opened the link (this open, the first time). */
  readAt: Date;
}

/**
 * The page behind the link: the court, the case number, the document and the moment of the first
 * read, in Chinese and English — nothing else of the case. The system keeps no file of the
 * document itself (only the proof of delivery, which is the court's record, not the document), so
 * the page is the notice: the party gets the document from the court.
 */
export function readPageHtml(p: ReadPage): string {
  const doc = DELIVERY_DOCUMENT_NAMES[p.documentKind];
  const court = escapeHtml(p.courtName);
  const number = escapeHtml(p.caseNumber);
  const read = chinaMoment(p.readAt);
  return page(
    `电子送达通知 · ${p.courtName}`,
    `<h1>电子送达通知<small>Notice of electronic service</small></h1>
<dl>
<dt>法院 Court</dt><dd data-field="court">${court}</dd>
<dt>案号 Case</dt><dd data-field="case">${number}</dd>
<dt>文书 Document</dt><dd data-field="document">${escapeHtml(doc.zh)} · ${escapeHtml(doc.en)}</dd>
<dt>阅读时间 Read</dt><dd data-field="read">${read}（北京时间 China Standard Time）</dd>
</dl>
<p>${court}已向您电子送达${number}案件的${escapeHtml(doc.zh)}。您首次打开本页面的时间已记录为阅读时间。如需领取文书或有疑问，请与${court}联系。</p>
<p class="en">${court} has served on you electronically the ${escapeHtml(doc.en.toLowerCase())} in case ${number}. The time you first opened this page is recorded as the time you read it. To collect the document or ask about it, please contact the court.</p>`,
  );
}

export function unknownLinkHtml(): string {
  return page(
    '链接无效 · Link not found',
    `<h1>链接无效<small>Link not found</small></h1>
<p>该送达链接不存在，请核对短信或邮件中的链接。</p>
<p class="en">This delivery link does not exist. Please check the link in the message you received.</p>`,
  );
}
