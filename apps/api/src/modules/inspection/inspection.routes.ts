import {
  caseInspection,
  completenessQuery,
  completenessReport,
  correctionRequest,
  defectPage,
  defectQuery,
  defectView,
  idParam,
  inspectionRuleList,
  inspectionRuleView,
  inspectionRunResult,
  inspectionSummary,
  inspectionSummaryQuery,
  ruleCodeParam,
  updateInspectionRuleRequest,
  waiveDefectRequest,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import {
  completeness,
  editRule,
  findDefects,
  findRules,
  inspectCase,
  requestCorrection,
  runInspection,
  summarise,
  waiveDefect,
} from './inspection.service.js';

export interface InspectionRouteOptions {
  db: Db;
}

const read = { preHandler: requirePermission('inspection.read') };
const manage = { preHandler: requirePermission('inspection.manage') };
const tags = ['inspection'];

export const inspectionRoutes: FastifyPluginAsyncZod<InspectionRouteOptions> = async (app, { db }) => {
  app.get('/inspection/rules', { ...read, schema: { tags, response: { 200: inspectionRuleList } } }, (req) => findRules(db, actorOf(req)));
  app.patch(
    '/inspection/rules/:code',
    { ...manage, schema: { tags, params: ruleCodeParam, body: updateInspectionRuleRequest, response: { 200: inspectionRuleView } } },
    (req) => editRule(db, req.ctx, actorOf(req), req.params.code, req.body),
  );
  app.get('/inspection/defects', { ...read, schema: { tags, querystring: defectQuery, response: { 200: defectPage } } }, (req) =>
    findDefects(db, actorOf(req), req.query),
  );
  app.post(
    '/inspection/defects/:id/correction',
    { ...manage, schema: { tags, params: idParam, body: correctionRequest, response: { 200: defectView } } },
    (req) => requestCorrection(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/inspection/defects/:id/waive',
    { ...manage, schema: { tags, params: idParam, body: waiveDefectRequest, response: { 200: defectView } } },
    (req) => waiveDefect(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/inspection/summary',
    { ...read, schema: { tags, querystring: inspectionSummaryQuery, response: { 200: inspectionSummary } } },
    (req) => summarise(db, actorOf(req), req.query),
  );
  app.get(
    '/inspection/completeness',
    { ...read, schema: { tags, querystring: completenessQuery, response: { 200: completenessReport } } },
    (req) => completeness(db, actorOf(req), req.query),
  );
  // An inspector may run the batch at once instead of waiting for the night (it is idempotent).
  app.post('/inspection/runs', { ...manage, schema: { tags, response: { 200: inspectionRunResult } } }, () => runInspection(db));
  // The warnings for whoever edits the case: anyone who may read cases.
  app.get(
    '/cases/:id/inspection',
    { preHandler: requirePermission('case.read'), schema: { tags, params: idParam, response: { 200: caseInspection } } },
    (req) => inspectCase(db, actorOf(req), req.params.id),
  );
};
