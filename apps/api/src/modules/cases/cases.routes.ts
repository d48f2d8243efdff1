import {
  archiveCaseRequest,
  assignCaseRequest,
  CASE_NODES,
  caseDetail,
  caseExportRequest,
  caseExportStatus,
  casePage,
  caseQuery,
  caseTypeList,
  causeList,
  causeQuery,
  closeCaseRequest,
  completeNodeRequest,
  editCaseRequest,
  fileCaseRequest,
  idParam,
  panelRequest,
  putSpecialisationsRequest,
  recusalRequest,
  specialisationsView,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAnyPermission, requireAuth, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { caseExportFile, caseExportStatus as exportStatusOf, startCaseExport } from './cases.export.js';
import { listCaseTypes, listCauses } from './cases.repository.js';
import {
  archiveCase,
  assignCase,
  closeCase,
  completeNode,
  editCase,
  fileCase,
  findCases,
  getCase,
  recuseJudge,
  setPanel,
} from './cases.service.js';
import { getSpecialisations, setSpecialisations } from './specialisations.service.js';

const read = { preHandler: requirePermission('case.read') };
const handle = { preHandler: requirePermission('case.handle') };
const assign = { preHandler: requirePermission('case.assign') };
/** Who is drawn for what: set by those who assign cases or who run the court's organisation. */
const specialise = { preHandler: requireAnyPermission('case.assign', 'org.manage') };

export const casesRoutes: FastifyPluginAsyncZod<{ db: Db; random: () => number }> = async (app, { db, random }) => {
  const tags = ['cases'];

  app.get('/case-types', { preHandler: requireAuth, schema: { tags, response: { 200: caseTypeList } } }, async () => ({
    items: (await listCaseTypes(db)).map((t) => ({
      code: t.code,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      category: t.category,
      departmentKind: t.departmentKind,
      procedures: t.procedures.map((p) => ({
        code: p.code,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        limitMonths: p.limitMonths,
        limitDays: p.limitDays,
        version: p.version,
      })),
    })),
  }));
  app.get('/causes', { preHandler: requireAuth, schema: { tags, querystring: causeQuery, response: { 200: causeList } } }, (req) =>
    listCauses(db, req.query),
  );

  app.get('/cases', { ...read, schema: { tags, querystring: caseQuery, response: { 200: casePage } } }, (req) =>
    findCases(db, actorOf(req), req.query),
  );
  app.get('/cases/:id', { ...read, schema: { tags, params: idParam, response: { 200: caseDetail } } }, (req) =>
    getCase(db, actorOf(req), req.params.id),
  );
  app.post(
    '/cases',
    { preHandler: requirePermission('case.file'), schema: { tags, body: fileCaseRequest, response: { 201: caseDetail } } },
    async (req, reply) => reply.code(201).send(await fileCase(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch('/cases/:id', { ...handle, schema: { tags, params: idParam, body: editCaseRequest, response: { 200: caseDetail } } }, (req) =>
    editCase(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/assign',
    { ...assign, schema: { tags, params: idParam, body: assignCaseRequest, response: { 200: caseDetail } } },
    (req) => assignCase(db, req.ctx, actorOf(req), req.params.id, req.body, random),
  );
  app.post(
    '/cases/:id/recusals',
    { ...assign, schema: { tags, params: idParam, body: recusalRequest, response: { 200: caseDetail } } },
    (req) => recuseJudge(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/users/:id/specialisations',
    { ...specialise, schema: { tags, params: idParam, response: { 200: specialisationsView } } },
    (req) => getSpecialisations(db, actorOf(req), req.params.id),
  );
  app.put(
    '/users/:id/specialisations',
    { ...specialise, schema: { tags, params: idParam, body: putSpecialisationsRequest, response: { 200: specialisationsView } } },
    (req) => setSpecialisations(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.put('/cases/:id/panel', { ...handle, schema: { tags, params: idParam, body: panelRequest, response: { 200: caseDetail } } }, (req) =>
    setPanel(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/nodes/:node/complete',
    {
      ...handle,
      schema: { tags, params: idParam.extend({ node: z.enum(CASE_NODES) }), body: completeNodeRequest, response: { 200: caseDetail } },
    },
    (req) => completeNode(db, req.ctx, actorOf(req), req.params.id, req.params.node, req.body),
  );
  app.post(
    '/cases/:id/close',
    { ...handle, schema: { tags, params: idParam, body: closeCaseRequest, response: { 200: caseDetail } } },
    (req) => closeCase(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/archive',
    { ...handle, schema: { tags, params: idParam, body: archiveCaseRequest, response: { 200: caseDetail } } },
    (req) => archiveCase(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  // ---- XLSX export: start, watch the progress, download ----
  const exporting = { preHandler: requirePermission('case.export') };
  const exportId = z.strictObject({ id: z.string().uuid() });
  const statusView = (row: { id: string; status: string; total: number; done: number; fileName: string; error: string | null }) => ({
    id: row.id,
    status: row.status as 'running' | 'done' | 'failed',
    total: row.total,
    done: row.done,
    fileName: row.fileName,
    error: row.error,
  });
  app.post(
    '/cases/exports',
    { ...exporting, schema: { tags, body: caseExportRequest, response: { 202: caseExportStatus } } },
    async (req, reply) => {
      const { lang, ...filters } = req.body;
      const started = await startCaseExport(db, req.ctx, actorOf(req), { ...filters, limit: 1 }, lang, req.log);
      return reply.code(202).send(statusView(started));
    },
  );
  app.get('/case-exports/:id', { ...exporting, schema: { tags, params: exportId, response: { 200: caseExportStatus } } }, async (req) =>
    statusView(await exportStatusOf(db, actorOf(req), req.params.id)),
  );
  app.get('/case-exports/:id/file', { ...exporting, schema: { tags, params: exportId } }, async (req, reply) => {
    const { fileName, file } = await caseExportFile(db, actorOf(req), req.params.id);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(file);
  });
};
