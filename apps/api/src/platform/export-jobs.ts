import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from './audit.js';
import type { Actor, RequestContext } from './context.js';
import type { Db } from './db.js';
import { AppError } from './errors.js';
import { exportJobs } from './export-jobs.table.js';

/**
 * XLSX export jobs, generic: a module describes its sheets and how to read its rows (within the
 * actor's scope, page by page); the job records who asked for what (audited), writes the file in
 * the background with a streaming workbook, stores its progress after every page so that the page
 * can show it, and keeps the file for its owner to download.
 */

export type ExportLang = 'zh-CN' | 'en';

export interface ExportColumn<Row> {
  zh: string;
  en: string;
  width: number;
  value: (row: Row, lang: ExportLang) => string | number | null;
}

/** Adds rows to one sheet; every call commits them and counts them towards the progress. */
export interface SheetWriter<Row> {
  add(rows: readonly Row[]): Promise<void>;
}

export interface ExportWriter {
  sheet<Row>(name: { zh: string; en: string }, columns: readonly ExportColumn<Row>[]): SheetWriter<Row>;
}

export interface ExportJobSpec {
  /** The module's kind of export, e.g. `work-orders.orders`: status and file answer only for it. */
  kind: string;
  /** What was asked, stored and audited. */
  query: Record<string, unknown>;
  /** Rows to write (0 when unknown), for the progress. */
  total: number;
  /** The file's name without the date and extension, per language. */
  name: { zh: string; en: string };
  lang: ExportLang;
  /** The court the audit record belongs to. */
  courtId: number | null;
  write: (writer: ExportWriter) => Promise<void>;
}

export interface ExportJobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  fileName: string;
  error: string | null;
}

/** Today's date in China Standard Time, for the file name. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Starts a job and returns at once; the file is written in the background. */
export async function startExportJob(db: Db, ctx: RequestContext, actor: Actor, spec: ExportJobSpec, log: FastifyBaseLogger) {
  const id = randomUUID();
  const fileName = `${spec.lang === 'en' ? spec.name.en : spec.name.zh}-${chinaToday()}.xlsx`;
  await db.transaction(async (tx) => {
    await tx
      .insert(exportJobs)
      .values({ id, userId: actor.userId, kind: spec.kind, query: spec.query, status: 'running', total: spec.total, fileName });
    await recordAudit(tx, ctx, {
      entityType: 'export',
      entityId: id,
      action: 'export',
      courtId: spec.courtId,
      after: { kind: spec.kind, query: spec.query, total: spec.total },
    });
  });
  void writeJob(db, id, spec).catch(async (error: unknown) => {
    log.error({ err: error, exportId: id }, 'export failed');
    await db
      .update(exportJobs)
      .set({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: new Date() })
      .where(eq(exportJobs.id, id))
      .catch(() => undefined);
  });
  return exportJobStatus(db, actor, spec.kind, id);
}

async function writeJob(db: Db, id: string, spec: ExportJobSpec): Promise<void> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const en = spec.lang === 'en';
  let done = 0;
  const sheets: ExcelJS.Worksheet[] = [];
  const writer: ExportWriter = {
    sheet<Row>(name: { zh: string; en: string }, columns: readonly ExportColumn<Row>[]): SheetWriter<Row> {
      // A sheet is finished when the next one starts: the streaming writer keeps only one open.
      sheets.at(-1)?.commit();
      const sheet = workbook.addWorksheet(en ? name.en : name.zh);
      sheets.push(sheet);
      sheet.columns = columns.map((c, i) => ({ header: en ? c.en : c.zh, key: String(i), width: c.width }));
      sheet.getRow(1).font = { bold: true };
      return {
        async add(rows) {
          for (const row of rows) sheet.addRow(columns.map((c) => c.value(row, spec.lang) ?? '')).commit();
          done += rows.length;
          await db.update(exportJobs).set({ done }).where(eq(exportJobs.id, id));
        },
      };
    },
  };
  await spec.write(writer);
  sheets.at(-1)?.commit();
  await workbook.commit();
  await finished;
  await db
    .update(exportJobs)
    .set({ status: 'done', done, total: Math.max(done, spec.total), file: Buffer.concat(chunks), finishedAt: new Date() })
    .where(eq(exportJobs.id, id));
}

/** A job as its owner sees it; anyone else's, or another kind's, is not found (404). */
export async function exportJobStatus(db: Db, actor: Actor, kindPrefix: string, id: string): Promise<ExportJobView> {
  const [row] = await db
    .select({
      id: exportJobs.id,
      kind: exportJobs.kind,
      status: exportJobs.status,
      total: exportJobs.total,
      done: exportJobs.done,
      fileName: exportJobs.fileName,
      error: exportJobs.error,
    })
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), eq(exportJobs.userId, actor.userId)));
  if (!row || !row.kind.startsWith(kindPrefix)) throw AppError.notFound();
  const { kind: _kind, ...view } = row;
  return { ...view, status: view.status as ExportJobView['status'] };
}

export async function exportJobFile(db: Db, actor: Actor, kindPrefix: string, id: string): Promise<{ fileName: string; file: Buffer }> {
  const [row] = await db
    .select({ kind: exportJobs.kind, fileName: exportJobs.fileName, file: exportJobs.file })
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), eq(exportJobs.userId, actor.userId), eq(exportJobs.status, 'done')));
  if (!row?.file || !row.kind.startsWith(kindPrefix)) throw AppError.notFound();
  return { fileName: row.fileName, file: row.file };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition of a download: an ASCII fallback name and the real (Chinese) one. */
export function attachment(asciiName: string, fileName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
