import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  CASE_NODE_NAMES,
  CASE_STATUS_NAMES,
  CASE_TYPES,
  type CaseNode,
  type CaseQuery,
  type CaseStatus,
  type CaseTypeCode,
  causeByCode,
} from '@courtassist/contracts';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { type CaseListRow, exportFile, findExport, insertExport, listCases, updateExport } from './cases.repository.js';
import { chinaToday } from './cases.rules.js';

/** Excel's sheet holds 1,048,576 rows; an export is refused above this, asking for a narrower filter. */
export const MAX_EXPORT_ROWS = 1_000_000;
const PAGE = 2_000;

type Lang = 'zh-CN' | 'en';

const COLUMNS: { key: string; zh: string; en: string; width: number; value: (row: CaseListRow, lang: Lang) => string }[] = [
  { key: 'caseNumber', zh: '案号', en: 'Case number', width: 28, value: (r) => r.caseNumber },
  { key: 'title', zh: '当事人', en: 'Parties', width: 36, value: (r) => r.title },
  { key: 'court', zh: '法院', en: 'Court', width: 26, value: (r) => r.courtName },
  {
    key: 'type',
    zh: '案件类型',
    en: 'Case type',
    width: 14,
    value: (r, l) => name(CASE_TYPES[r.caseTypeCode as CaseTypeCode]?.name, l, r.caseTypeCode),
  },
  {
    key: 'cause',
    zh: '案由',
    en: 'Cause of action',
    width: 24,
    value: (r, l) => (r.causeCode ? name(causeByCode(r.causeCode)?.name, l, r.causeCode) : ''),
  },
  { key: 'filedOn', zh: '立案日期', en: 'Filed on', width: 12, value: (r) => r.filedOn },
  { key: 'status', zh: '状态', en: 'Status', width: 10, value: (r, l) => name(CASE_STATUS_NAMES[r.status as CaseStatus], l, r.status) },
  {
    key: 'node',
    zh: '当前节点',
    en: 'Current node',
    width: 12,
    value: (r, l) => name(CASE_NODE_NAMES[r.currentNode as CaseNode], l, r.currentNode),
  },
  { key: 'judge', zh: '承办法官', en: 'Judge', width: 10, value: (r) => r.judgeName ?? '' },
  { key: 'deadline', zh: '审限届满日', en: 'Trial limit ends', width: 12, value: (r) => r.deadlineOn ?? '' },
  { key: 'warning', zh: '预警', en: 'Warning', width: 8, value: (r) => (r.warningLevel === 'none' ? '' : r.warningLevel) },
];

function name(names: { zh: string; en: string } | undefined, lang: Lang, fallback: string): string {
  return names ? (lang === 'en' ? names.en : names.zh) : fallback;
}

/**
 * Starts an export of the list `query` describes and returns at once; the file is written in the
 * background, page by page (keyset), and its progress stored so that the page can show it.
 */
export async function startCaseExport(db: Db, ctx: RequestContext, actor: Actor, query: CaseQuery, lang: Lang, log: FastifyBaseLogger) {
  const counted = await listCases(db, actor, { query: { ...query, limit: 1 }, actorId: actor.userId, after: null });
  const { totalApproximate } = counted;
  const total = counted.total ?? 0; // always counted: no cursor
  if (total > MAX_EXPORT_ROWS)
    throw new AppError('INVALID_STATE', 'conflict', { detail: `More than ${MAX_EXPORT_ROWS} cases: narrow the filter.`, meta: { total } });
  const id = randomUUID();
  const fileName = `${lang === 'en' ? 'cases' : '案件清单'}-${chinaToday()}.xlsx`;
  await db.transaction(async (tx) => {
    await insertExport(tx, { id, userId: actor.userId, query, status: 'running', total: totalApproximate ? 0 : total, fileName });
    await recordAudit(tx, ctx, {
      entityType: 'case-export',
      entityId: id,
      action: 'export',
      courtId: actor.courtId,
      after: { query, total },
    });
  });
  void writeExport(db, actor, id, query, lang).catch(async (error: unknown) => {
    log.error({ err: error, exportId: id }, 'case export failed');
    await updateExport(db, id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finishedAt: new Date(),
    }).catch(() => undefined);
  });
  return (await findExport(db, id, actor.userId)) as NonNullable<Awaited<ReturnType<typeof findExport>>>;
}

async function writeExport(db: Db, actor: Actor, id: string, query: CaseQuery, lang: Lang): Promise<void> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Cases' : '案件');
  sheet.columns = COLUMNS.map((c) => ({ header: lang === 'en' ? c.en : c.zh, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  let after: [string | null, number] | null = null;
  let done = 0;
  for (;;) {
    const page = await listCases(db, actor, { query: { ...query, limit: PAGE }, actorId: actor.userId, after }, false);
    for (const row of page.items) sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(row, lang)]))).commit();
    done += page.items.length;
    await updateExport(db, id, { done });
    if (page.items.length < PAGE) break;
    const last = page.items[page.items.length - 1];
    after = [sortValue(query, last), last.id];
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  await updateExport(db, id, { status: 'done', done, total: done, file: Buffer.concat(chunks), finishedAt: new Date() });
}

function sortValue(query: CaseQuery, row: CaseListRow): string | null {
  return query.sort === 'filedOn' ? row.filedOn : query.sort === 'deadlineOn' ? row.deadlineOn : row.caseNumber;
}

export async function caseExportStatus(db: Db, actor: Actor, id: string) {
  const found = await findExport(db, id, actor.userId);
  if (!found) throw AppError.notFound();
  return found;
}

export async function caseExportFile(db: Db, actor: Actor, id: string) {
  const found = await exportFile(db, id, actor.userId);
  if (!found?.file) throw AppError.notFound();
  return found as { fileName: string; file: Buffer };
}
