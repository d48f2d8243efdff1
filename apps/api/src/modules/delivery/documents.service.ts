import { DELIVERY_DOCUMENT_NAMES, DELIVERY_METHOD_NAMES, PARTY_ROLE_NAMES, type PartyRoleCode } from '@courtassist/contracts';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { attemptsOf, caseForDelivery, findTask } from './delivery.repository.js';
import { chinaDay } from './delivery.service.js';
import { contentDisposition, renderAnnouncement, renderProof } from './documents.js';

export interface DocxFile {
  content: Buffer;
  contentDisposition: string;
}

async function taskAndCase(db: Db, actor: Actor, taskId: number) {
  const task = await findTask(db, taskId, actor);
  if (!task) throw AppError.notFound();
  const k = await caseForDelivery(db, task.caseId);
  if (!k) throw AppError.notFound();
  return { task, k, attempts: await attemptsOf(db, taskId) };
}

const roleName = (role: string) => PARTY_ROLE_NAMES[role as PartyRoleCode]?.zh ?? role;
const sealOf = (courtName: string) => `${courtName}（院印）`;

/**
 * 送达回证 of a task: filled from the attempt that served it (else the latest attempt, else left
 * blank for the handler to fill in by hand); the recipient signs on paper.
 */
export async function proofFor(db: Db, actor: Actor, taskId: number): Promise<DocxFile> {
  const { task, k, attempts } = await taskAndCase(db, actor, taskId);
  const latestFirst = [...attempts].reverse();
  const attempt = latestFirst.find((a) => a.outcome === 'success') ?? latestFirst[0];
  const documentName = DELIVERY_DOCUMENT_NAMES[task.documentKind].zh;
  const content = renderProof({
    courtName: k.courtName,
    caseNumber: k.caseNumber,
    causeName: k.causeName ?? '',
    documentName,
    partyName: task.partyName,
    partyRole: roleName(task.partyRole),
    address: task.address ?? '',
    methodName: attempt ? DELIVERY_METHOD_NAMES[attempt.method].zh : '',
    person: attempt?.person ?? '',
    servedOn: task.servedOn ?? '',
    note: attempt?.trackingNumber ? `EMS ${attempt.trackingNumber}` : (attempt?.note ?? ''),
    sealText: sealOf(k.courtName),
    issuedOn: chinaDay(),
  });
  return {
    content,
    contentDisposition: contentDisposition(`送达回证-${task.partyName}-${documentName}.docx`, `proof-of-delivery-${task.id}.docx`),
  };
}

/** 公告 of a task: the dates come from its latest announcement attempt (blank before one is published). */
export async function announcementFor(db: Db, actor: Actor, taskId: number): Promise<DocxFile> {
  const { task, k, attempts } = await taskAndCase(db, actor, taskId);
  const published = [...attempts].reverse().find((a) => a.method === 'announcement');
  const documentName = DELIVERY_DOCUMENT_NAMES[task.documentKind].zh;
  const content = renderAnnouncement({
    courtName: k.courtName,
    caseNumber: k.caseNumber,
    partyName: task.partyName,
    caseSummary: `${k.caseNumber}${k.causeName ?? ''}`,
    documentName,
    publishedOn: published?.publishedOn ?? '',
    effectiveOn: published?.effectiveOn ?? '',
    sealText: sealOf(k.courtName),
    issuedOn: chinaDay(),
  });
  return { content, contentDisposition: contentDisposition(`公告-${task.partyName}-${documentName}.docx`, `announcement-${task.id}.docx`) };
}
