import {
  acceptNetworkTaskRequest,
  confirmNetworkTaskRequest,
  createNetworkTaskRequest,
  declineNetworkTaskRequest,
  idParam,
  myNetworkTaskPage,
  myNetworkTaskQuery,
  NETWORK_TASK_REPORT_BODY_LIMIT,
  networkTaskDetail,
  networkTaskPage,
  networkTaskQuery,
  networkTaskSuggestionQuery,
  networkTaskSuggestions,
  photoParams,
  sendBackNetworkTaskRequest,
  submitNetworkTaskReportRequest,
  submitNetworkTaskReportResponse,
} from '@courtassist/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireAnyPermission, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import {
  acceptTask,
  assignTask,
  confirmTask,
  courtTaskPhoto,
  declineTask,
  findCourtTasks,
  getCourtTask,
  getMyTask,
  myTaskPhoto,
  myTasks,
  sendBackTask,
  submitReport,
  suggestForTask,
} from './tasks.service.js';

const read = { preHandler: requireAnyPermission('network.task.assign', 'network.manage', 'network.read') };
const assign = { preHandler: requireAnyPermission('network.task.assign', 'network.manage') };
const mine = { preHandler: requirePermission('network.task.report') };

function sendPhoto(reply: FastifyReply, photo: { content: Buffer; type: string }) {
  return reply
    .type(photo.type)
    .header('cache-control', 'private, max-age=86400')
    .header('x-content-type-options', 'nosniff')
    .send(photo.content);
}

/**
 * Assistants' tasks. The court side under /network/tasks (read: network.read or the assign
 * permission; assign, confirm, send back: network.task.assign or network.manage). The assistant's
 * side under /my/network-tasks (network.task.report): their own tasks only, enforced in the repository.
 */
export const networkTaskRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['network'];
  app.get('/network/tasks', { ...read, schema: { tags, querystring: networkTaskQuery, response: { 200: networkTaskPage } } }, (req) =>
    findCourtTasks(db, actorOf(req), req.query),
  );
  app.get(
    '/network/task-suggestions',
    { ...assign, schema: { tags, querystring: networkTaskSuggestionQuery, response: { 200: networkTaskSuggestions } } },
    (req) => suggestForTask(db, actorOf(req), req.query),
  );
  app.get('/network/tasks/:id', { ...read, schema: { tags, params: idParam, response: { 200: networkTaskDetail } } }, (req) =>
    getCourtTask(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/tasks',
    { ...assign, schema: { tags, body: createNetworkTaskRequest, response: { 201: networkTaskDetail } } },
    async (req, reply) => reply.code(201).send(await assignTask(db, req.ctx, actorOf(req), req.body)),
  );
  app.post(
    '/network/tasks/:id/confirm',
    { ...assign, schema: { tags, params: idParam, body: confirmNetworkTaskRequest, response: { 200: networkTaskDetail } } },
    (req) => confirmTask(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/network/tasks/:id/send-back',
    { ...assign, schema: { tags, params: idParam, body: sendBackNetworkTaskRequest, response: { 200: networkTaskDetail } } },
    (req) => sendBackTask(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/network/tasks/:id/photos/:photoId', { ...read, schema: { tags, params: photoParams } }, async (req, reply) =>
    sendPhoto(reply, await courtTaskPhoto(db, actorOf(req), req.params.id, req.params.photoId)),
  );

  app.get(
    '/my/network-tasks',
    { ...mine, schema: { tags, querystring: myNetworkTaskQuery, response: { 200: myNetworkTaskPage } } },
    (req) => myTasks(db, actorOf(req), req.query),
  );
  app.get('/my/network-tasks/:id', { ...mine, schema: { tags, params: idParam, response: { 200: networkTaskDetail } } }, (req) =>
    getMyTask(db, actorOf(req), req.params.id),
  );
  app.post(
    '/my/network-tasks/:id/accept',
    { ...mine, schema: { tags, params: idParam, body: acceptNetworkTaskRequest, response: { 200: networkTaskDetail } } },
    (req) => acceptTask(db, req.ctx, actorOf(req), req.params.id, req.body.version),
  );
  app.post(
    '/my/network-tasks/:id/decline',
    { ...mine, schema: { tags, params: idParam, body: declineNetworkTaskRequest, response: { 200: networkTaskDetail } } },
    (req) => declineTask(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/my/network-tasks/:id/report',
    {
      ...mine,
      bodyLimit: NETWORK_TASK_REPORT_BODY_LIMIT,
      schema: { tags, params: idParam, body: submitNetworkTaskReportRequest, response: { 200: submitNetworkTaskReportResponse } },
    },
    (req) => submitReport(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/my/network-tasks/:id/photos/:photoId', { ...mine, schema: { tags, params: photoParams } }, async (req, reply) =>
    sendPhoto(reply, await myTaskPhoto(db, actorOf(req), req.params.id, req.params.photoId)),
  );
};
