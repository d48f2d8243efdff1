import {
  closeSupervisionRequest,
  decideLimitChangeRequest,
  idParam,
  issueSupervisionRequest,
  limitChangeList,
  limitChangePage,
  limitChangeQuery,
  limitChangeView,
  putWarningSettingRequest,
  requestLimitChangeRequest,
  respondSupervisionRequest,
  resumeLimitChangeRequest,
  supervisionOrderView,
  supervisionPage,
  supervisionQuery,
  warningBoardQuery,
  warningBoard as warningBoardSchema,
  warningSettingList,
  withdrawLimitChangeRequest,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAnyPermission, requireAuth, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { CaseDeadlineStore } from './case-store.js';
import { computeDeadlines } from './compute.service.js';
import {
  decideLimitChange,
  findLimitChanges,
  limitChangesOfCase,
  requestLimitChange,
  resumeSuspension,
  withdrawLimitChange,
} from './limit-changes.service.js';
import { closeSupervisionOrder, findSupervisionOrders, issueSupervisionOrder, respondSupervisionOrder } from './supervision.service.js';
import { getWarningSettings, putWarningSetting, warningBoard } from './warnings.service.js';

export interface DeadlinesRouteOptions {
  db: Db;
  /** The cases module's deadline store (passed in: see case-store.ts). */
  cases: CaseDeadlineStore;
}

const read = { preHandler: requirePermission('case.read') };

export const deadlinesRoutes: FastifyPluginAsyncZod<DeadlinesRouteOptions> = async (app, { db, cases }) => {
  const deps = { db, cases };

  // ---- the calculator ----
  app.post(
    '/deadlines/compute',
    {
      preHandler: requireAuth,
      schema: {
        tags: ['deadlines'],
        description:
          'Trial limits and party periods: one request or an array (as `courtassist deadline`); periods without a calendar use the stored one. Answers one result or an array of results (deadline, steps).',
        body: z.unknown(),
      },
    },
    async (req, reply) => {
      const answer = await computeDeadlines(db, req.body);
      if (answer.ok) return reply.type('application/json; charset=utf-8').send(answer.json);
      if (answer.status >= 500) throw new AppError('INTERNAL', 'internal', { detail: answer.problem.detail });
      return reply
        .code(answer.status)
        .type('application/problem+json; charset=utf-8')
        .send({ ...answer.problem, requestId: req.id });
    },
  );

  // ---- limit changes ----
  const limits = ['limit-changes'];
  app.get('/cases/:id/limit-changes', { ...read, schema: { tags: limits, params: idParam, response: { 200: limitChangeList } } }, (req) =>
    limitChangesOfCase(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/cases/:id/limit-changes',
    {
      preHandler: requirePermission('limit.request'),
      schema: { tags: limits, params: idParam, body: requestLimitChangeRequest, response: { 201: limitChangeView } },
    },
    async (req, reply) => reply.code(201).send(await requestLimitChange(deps, req.ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/limit-changes',
    { ...read, schema: { tags: limits, querystring: limitChangeQuery, response: { 200: limitChangePage } } },
    (req) => findLimitChanges(db, actorOf(req), req.query),
  );
  app.post(
    '/limit-changes/:id/decide',
    {
      preHandler: requireAnyPermission('limit.approve', 'limit.approve.president'),
      schema: { tags: limits, params: idParam, body: decideLimitChangeRequest, response: { 200: limitChangeView } },
    },
    (req) => decideLimitChange(deps, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/limit-changes/:id/withdraw',
    {
      preHandler: requirePermission('limit.request'),
      schema: { tags: limits, params: idParam, body: withdrawLimitChangeRequest, response: { 200: limitChangeView } },
    },
    (req) => withdrawLimitChange(deps, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/limit-changes/:id/resume',
    {
      preHandler: requireAnyPermission('limit.request', 'limit.approve'),
      schema: { tags: limits, params: idParam, body: resumeLimitChangeRequest, response: { 200: limitChangeView } },
    },
    (req) => resumeSuspension(deps, req.ctx, actorOf(req), req.params.id, req.body),
  );

  // ---- warnings ----
  const warnings = ['warnings'];
  app.get(
    '/warning-settings',
    { preHandler: requirePermission('warning.manage'), schema: { tags: warnings, response: { 200: warningSettingList } } },
    (req) => getWarningSettings(db, actorOf(req)),
  );
  app.put(
    '/warning-settings',
    {
      preHandler: requirePermission('warning.manage'),
      schema: { tags: warnings, body: putWarningSettingRequest, response: { 200: warningSettingList } },
    },
    (req) => putWarningSetting(db, cases, req.ctx, actorOf(req), req.body),
  );
  app.get(
    '/warning-board',
    { ...read, schema: { tags: warnings, querystring: warningBoardQuery, response: { 200: warningBoardSchema } } },
    (req) => warningBoard(db, actorOf(req), req.query),
  );

  // ---- supervision orders ----
  const supervision = ['supervision'];
  app.post(
    '/cases/:id/supervision-orders',
    {
      preHandler: requirePermission('supervision.issue'),
      schema: { tags: supervision, params: idParam, body: issueSupervisionRequest, response: { 201: supervisionOrderView } },
    },
    async (req, reply) => reply.code(201).send(await issueSupervisionOrder(deps, req.ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/supervision-orders',
    { preHandler: requireAuth, schema: { tags: supervision, querystring: supervisionQuery, response: { 200: supervisionPage } } },
    (req) => findSupervisionOrders(db, actorOf(req), req.query),
  );
  app.post(
    '/supervision-orders/:id/respond',
    {
      preHandler: requireAuth,
      schema: { tags: supervision, params: idParam, body: respondSupervisionRequest, response: { 200: supervisionOrderView } },
    },
    (req) => respondSupervisionOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/supervision-orders/:id/close',
    {
      preHandler: requireAuth,
      schema: { tags: supervision, params: idParam, body: closeSupervisionRequest, response: { 200: supervisionOrderView } },
    },
    (req) => closeSupervisionOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
};
