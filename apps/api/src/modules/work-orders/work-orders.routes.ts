import {
  bulkWorkOrderResult,
  centreTeamList,
  completeWorkOrderRequest,
  createWorkOrderRequest,
  createWorkOrderRuleRequest,
  createWorkOrderTypeRequest,
  dispatchWorkOrdersRequest,
  exportJobStatus,
  handOverRequest,
  handOverResult,
  idParam,
  recordResultRequest,
  redispatchWorkOrderRequest,
  reinitiateWorkOrderRequest,
  returnWorkOrderRequest,
  returnWorkOrdersRequest,
  startWorkOrderRequest,
  teamBoard,
  teamBoardQuery,
  updateWorkOrderRuleRequest,
  updateWorkOrderTypeRequest,
  withdrawWorkOrderRequest,
  workOrderDetail,
  workOrderExportRequest,
  workOrderPage,
  workOrderQuery,
  workOrderRuleList,
  workOrderRuleQuery,
  workOrderRuleView,
  workOrderStats,
  workOrderStatsQuery,
  workOrderTypeList,
  workOrderTypeQuery,
  workOrderTypeView,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAnyPermission, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { attachment, exportJobFile, exportJobStatus as exportStatusOf, XLSX_TYPE } from '../../platform/export-jobs.js';
import { EXPORT_KIND, startOrderExport } from './exports.service.js';
import { createRule, editRule, findRules } from './rules.service.js';
import { boardOf, findCentreTeams, handOver, statistics } from './team.service.js';
import { createType, editType, findTypes, getType } from './types.service.js';
import {
  claim,
  completeOrder,
  createOrder,
  dispatchMany,
  findOrders,
  getOrder,
  recordResult,
  redispatchOrder,
  reinitiateOrder,
  returnMany,
  returnOrder,
  startOrder,
  withdrawOrder,
} from './work-orders.service.js';

export interface WorkOrdersRouteOptions {
  db: Db;
}

const read = { preHandler: requirePermission('order.read') };
const handle = { preHandler: requirePermission('order.handle') };
const dispatch = { preHandler: requirePermission('order.dispatch') };
/** Steps of the initiator (complete, re-initiate, withdraw) and of the handler (start, record, return). */
const involved = { preHandler: requireAnyPermission('order.initiate', 'order.handle', 'order.dispatch') };

export const workOrdersRoutes: FastifyPluginAsyncZod<WorkOrdersRouteOptions> = async (app, { db }) => {
  const types = ['work-order-types'];
  app.get(
    '/work-order-types',
    { ...read, schema: { tags: types, querystring: workOrderTypeQuery, response: { 200: workOrderTypeList } } },
    (req) => findTypes(db, actorOf(req), req.query),
  );
  app.get('/work-order-types/:id', { ...read, schema: { tags: types, params: idParam, response: { 200: workOrderTypeView } } }, (req) =>
    getType(db, actorOf(req), req.params.id),
  );
  app.post(
    '/work-order-types',
    {
      preHandler: requirePermission('order.type.manage'),
      schema: { tags: types, body: createWorkOrderTypeRequest, response: { 201: workOrderTypeView } },
    },
    async (req, reply) => reply.code(201).send(await createType(db, req.ctx, actorOf(req), req.body)),
  );
  app.put(
    '/work-order-types/:id',
    {
      preHandler: requirePermission('order.type.manage'),
      schema: { tags: types, params: idParam, body: updateWorkOrderTypeRequest, response: { 200: workOrderTypeView } },
    },
    (req) => editType(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  const rules = ['work-order-rules'];
  app.get(
    '/work-order-rules',
    { ...read, schema: { tags: rules, querystring: workOrderRuleQuery, response: { 200: workOrderRuleList } } },
    (req) => findRules(db, actorOf(req), req.query),
  );
  app.post(
    '/work-order-rules',
    {
      preHandler: requirePermission('order.type.manage'),
      schema: { tags: rules, body: createWorkOrderRuleRequest, response: { 201: workOrderRuleView } },
    },
    async (req, reply) => reply.code(201).send(await createRule(db, req.ctx, actorOf(req), req.body)),
  );
  app.put(
    '/work-order-rules/:id',
    {
      preHandler: requirePermission('order.type.manage'),
      schema: { tags: rules, params: idParam, body: updateWorkOrderRuleRequest, response: { 200: workOrderRuleView } },
    },
    (req) => editRule(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  // ---- XLSX exports of the centre screens: start, watch the progress, download ----
  const exportId = z.strictObject({ id: z.string().uuid() });
  app.post(
    '/work-orders/exports',
    { ...read, schema: { tags: ['centre'], body: workOrderExportRequest, response: { 202: exportJobStatus } } },
    async (req, reply) => reply.code(202).send(await startOrderExport(db, req.ctx, actorOf(req), req.body, req.log)),
  );
  app.get(
    '/work-order-exports/:id',
    { ...read, schema: { tags: ['centre'], params: exportId, response: { 200: exportJobStatus } } },
    (req) => exportStatusOf(db, actorOf(req), EXPORT_KIND, req.params.id),
  );
  app.get('/work-order-exports/:id/file', { ...read, schema: { tags: ['centre'], params: exportId } }, async (req, reply) => {
    const { fileName, file } = await exportJobFile(db, actorOf(req), EXPORT_KIND, req.params.id);
    return reply.type(XLSX_TYPE).header('content-disposition', attachment('work-orders.xlsx', fileName)).send(file);
  });

  const orders = ['work-orders'];
  app.get('/work-orders', { ...read, schema: { tags: orders, querystring: workOrderQuery, response: { 200: workOrderPage } } }, (req) =>
    findOrders(db, actorOf(req), req.query),
  );
  app.post(
    '/work-orders',
    {
      preHandler: requirePermission('order.initiate'),
      schema: { tags: orders, body: createWorkOrderRequest, response: { 201: workOrderDetail } },
    },
    async (req, reply) => reply.code(201).send(await createOrder(db, req.ctx, actorOf(req), req.body)),
  );
  app.get('/work-orders/:id', { ...read, schema: { tags: orders, params: idParam, response: { 200: workOrderDetail } } }, (req) =>
    getOrder(db, actorOf(req), req.params.id),
  );
  app.post('/work-orders/:id/claim', { ...handle, schema: { tags: orders, params: idParam, response: { 200: workOrderDetail } } }, (req) =>
    claim(db, req.ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/work-orders/dispatch',
    { ...dispatch, schema: { tags: orders, body: dispatchWorkOrdersRequest, response: { 200: bulkWorkOrderResult } } },
    (req) => dispatchMany(db, req.ctx, actorOf(req), req.body),
  );
  app.post(
    '/work-orders/return',
    { ...dispatch, schema: { tags: orders, body: returnWorkOrdersRequest, response: { 200: bulkWorkOrderResult } } },
    (req) => returnMany(db, req.ctx, actorOf(req), req.body),
  );
  app.post(
    '/work-orders/hand-over',
    { ...dispatch, schema: { tags: orders, body: handOverRequest, response: { 200: handOverResult } } },
    (req) => handOver(db, req.ctx, actorOf(req), req.body),
  );
  app.post(
    '/work-orders/:id/redispatch',
    { ...dispatch, schema: { tags: orders, params: idParam, body: redispatchWorkOrderRequest, response: { 200: workOrderDetail } } },
    (req) => redispatchOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/work-orders/:id/start',
    { ...involved, schema: { tags: orders, params: idParam, body: startWorkOrderRequest, response: { 200: workOrderDetail } } },
    (req) => startOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/work-orders/:id/complete',
    { ...involved, schema: { tags: orders, params: idParam, body: completeWorkOrderRequest, response: { 200: workOrderDetail } } },
    (req) => completeOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/work-orders/:id/withdraw',
    { ...involved, schema: { tags: orders, params: idParam, body: withdrawWorkOrderRequest, response: { 200: workOrderDetail } } },
    (req) => withdrawOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/work-orders/:id/reinitiate',
    { ...involved, schema: { tags: orders, params: idParam, body: reinitiateWorkOrderRequest, response: { 200: workOrderDetail } } },
    (req) => reinitiateOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/work-orders/:id/return',
    { ...involved, schema: { tags: orders, params: idParam, body: returnWorkOrderRequest, response: { 200: workOrderDetail } } },
    (req) => returnOrder(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/work-orders/:id/result',
    { ...involved, schema: { tags: orders, params: idParam, body: recordResultRequest, response: { 200: workOrderDetail } } },
    (req) => recordResult(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  const centre = ['centre'];
  app.get('/centre-teams', { ...read, schema: { tags: centre, response: { 200: centreTeamList } } }, (req) =>
    findCentreTeams(db, actorOf(req)),
  );
  app.get('/centre-teams/board', { ...read, schema: { tags: centre, querystring: teamBoardQuery, response: { 200: teamBoard } } }, (req) =>
    boardOf(db, actorOf(req), req.query.teamId),
  );
  app.get(
    '/work-orders/statistics',
    { ...read, schema: { tags: centre, querystring: workOrderStatsQuery, response: { 200: workOrderStats } } },
    (req) => statistics(db, actorOf(req), req.query),
  );
};
