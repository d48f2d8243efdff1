import {
  answerObjectionRequest,
  assessmentItemPage,
  assessmentItemView,
  assessmentPage,
  assessmentQuery,
  assessmentRunPage,
  assessmentRunQuery,
  assessmentRunView,
  assessmentView,
  idParam,
  monthEntriesQuery,
  myStatementPage,
  networkDashboard,
  networkDashboardQuery,
  networkRulesQuery,
  networkRulesView,
  okResponse,
  pageQuery,
  publishRunRequest,
  raiseObjectionRequest,
  rateAssistantRequest,
  ratingPage,
  ratingView,
  recordItemRequest,
  returnStatementRequest,
  runAssessmentRequest,
  runAssessmentResult,
  saveNetworkRulesRequest,
  statementCheck,
  statementExportQuery,
  statementPage,
  statementQuery,
  statementStepRequest,
  statementView,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAnyPermission, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import {
  answerObjectionOf,
  findAssessments,
  findItems,
  findRatings,
  findRuns,
  getAssessment,
  getMyAssessment,
  getRules,
  myAssessments,
  publishMonth,
  raiseObjection,
  rateAssistant,
  recordItem,
  removeItem,
  runForCourt,
  saveRules,
} from './assessments.service.js';
import { networkDashboard as dashboardOf } from './dashboard.service.js';
import {
  checkStatement,
  exportStatements,
  findStatements,
  getMyStatement,
  getStatement,
  moveStatement,
  myStatements,
} from './subsidies.service.js';

const read = { preHandler: requireAnyPermission('network.read', 'network.manage', 'network.subsidy.approve') };
const manage = { preHandler: requirePermission('network.manage') };
const rate = { preHandler: requirePermission('network.task.assign') };
const approve = { preHandler: requirePermission('network.subsidy.approve') };
const own = { preHandler: requirePermission('network.task.report') };
const myQuery = z.strictObject({ ...pageQuery });

/**
 * The assessment, subsidies and dashboard of the network. Readers: network.read; rules, runs,
 * publication and submission: network.manage; ratings and items: whoever assigns tasks (judges);
 * approval: court finance (network.subsidy.approve). An assistant (network.task.report) reads only
 * their own published assessments and statements, and objects to their own assessment.
 */
export const networkAssessmentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['network'];

  app.get('/network/rules', { ...read, schema: { tags, querystring: networkRulesQuery, response: { 200: networkRulesView } } }, (req) =>
    getRules(db, actorOf(req), req.query.courtId),
  );
  app.put('/network/rules', { ...manage, schema: { tags, body: saveNetworkRulesRequest, response: { 200: networkRulesView } } }, (req) =>
    saveRules(db, req.ctx, actorOf(req), req.body),
  );

  app.get('/network/ratings', { ...read, schema: { tags, querystring: monthEntriesQuery, response: { 200: ratingPage } } }, (req) =>
    findRatings(db, actorOf(req), req.query),
  );
  app.put('/network/ratings', { ...rate, schema: { tags, body: rateAssistantRequest, response: { 200: ratingView } } }, (req) =>
    rateAssistant(db, req.ctx, actorOf(req), req.body),
  );
  app.get(
    '/network/assessment-items',
    { ...read, schema: { tags, querystring: monthEntriesQuery, response: { 200: assessmentItemPage } } },
    (req) => findItems(db, actorOf(req), req.query),
  );
  app.post(
    '/network/assessment-items',
    { ...rate, schema: { tags, body: recordItemRequest, response: { 201: assessmentItemView } } },
    async (req, reply) => reply.code(201).send(await recordItem(db, req.ctx, actorOf(req), req.body)),
  );
  app.delete('/network/assessment-items/:id', { ...manage, schema: { tags, params: idParam, response: { 200: okResponse } } }, (req) =>
    removeItem(db, req.ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/network/assessment-runs',
    { ...manage, schema: { tags, body: runAssessmentRequest, response: { 200: runAssessmentResult } } },
    (req) => runForCourt(db, req.ctx, actorOf(req), req.body.courtId, req.body.month),
  );
  app.get(
    '/network/assessment-runs',
    { ...read, schema: { tags, querystring: assessmentRunQuery, response: { 200: assessmentRunPage } } },
    (req) => findRuns(db, actorOf(req), req.query),
  );
  app.post(
    '/network/assessment-runs/:id/publish',
    { ...manage, schema: { tags, params: idParam, body: publishRunRequest, response: { 200: assessmentRunView } } },
    (req) => publishMonth(db, req.ctx, actorOf(req), req.params.id, req.body.version),
  );

  app.get('/network/assessments', { ...read, schema: { tags, querystring: assessmentQuery, response: { 200: assessmentPage } } }, (req) =>
    findAssessments(db, actorOf(req), req.query),
  );
  app.get('/network/assessments/:id', { ...read, schema: { tags, params: idParam, response: { 200: assessmentView } } }, (req) =>
    getAssessment(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/objections/:id/answer',
    { ...manage, schema: { tags, params: idParam, body: answerObjectionRequest, response: { 200: assessmentView } } },
    (req) => answerObjectionOf(db, req.ctx, actorOf(req), req.params.id, req.body.answer, req.body.version),
  );

  app.get('/network/my/assessments', { ...own, schema: { tags, querystring: myQuery, response: { 200: assessmentPage } } }, (req) =>
    myAssessments(db, actorOf(req), req.query),
  );
  app.get('/network/my/assessments/:id', { ...own, schema: { tags, params: idParam, response: { 200: assessmentView } } }, (req) =>
    getMyAssessment(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/my/assessments/:id/objections',
    { ...own, schema: { tags, params: idParam, body: raiseObjectionRequest, response: { 201: assessmentView } } },
    async (req, reply) => reply.code(201).send(await raiseObjection(db, req.ctx, actorOf(req), req.params.id, req.body.reason)),
  );
  app.get('/network/my/subsidies', { ...own, schema: { tags, querystring: myQuery, response: { 200: myStatementPage } } }, (req) =>
    myStatements(db, actorOf(req), req.query),
  );
  app.get('/network/my/subsidies/:id', { ...own, schema: { tags, params: idParam, response: { 200: statementView } } }, (req) =>
    getMyStatement(db, actorOf(req), req.params.id),
  );

  app.get('/network/subsidies', { ...read, schema: { tags, querystring: statementQuery, response: { 200: statementPage } } }, (req) =>
    findStatements(db, actorOf(req), req.query),
  );
  app.get('/network/subsidies/export', { ...read, schema: { tags, querystring: statementExportQuery } }, async (req, reply) => {
    const { file, fileName } = await exportStatements(db, actorOf(req), req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="subsidies.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(file);
  });
  app.get('/network/subsidies/:id', { ...read, schema: { tags, params: idParam, response: { 200: statementView } } }, (req) =>
    getStatement(db, actorOf(req), req.params.id),
  );
  app.get('/network/subsidies/:id/check', { ...read, schema: { tags, params: idParam, response: { 200: statementCheck } } }, (req) =>
    checkStatement(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/subsidies/:id/submit',
    { ...manage, schema: { tags, params: idParam, body: statementStepRequest, response: { 200: statementView } } },
    (req) => moveStatement(db, req.ctx, actorOf(req), req.params.id, 'submit', req.body.version),
  );
  app.post(
    '/network/subsidies/:id/approve',
    { ...approve, schema: { tags, params: idParam, body: statementStepRequest, response: { 200: statementView } } },
    (req) => moveStatement(db, req.ctx, actorOf(req), req.params.id, 'approve', req.body.version),
  );
  app.post(
    '/network/subsidies/:id/return',
    { ...approve, schema: { tags, params: idParam, body: returnStatementRequest, response: { 200: statementView } } },
    (req) => moveStatement(db, req.ctx, actorOf(req), req.params.id, 'return', req.body.version, req.body.reason),
  );

  app.get(
    '/network/dashboard',
    { ...read, schema: { tags, querystring: networkDashboardQuery, response: { 200: networkDashboard } } },
    (req) => dashboardOf(db, actorOf(req), req.query),
  );
};
