import {
  addressConfirmationList,
  addressConfirmationView,
  createAddressConfirmationRequest,
  createDeliveryCallRequest,
  createDeliveryTasksRequest,
  DELIVERY_EVIDENCE_MAX_BYTES,
  DELIVERY_EVIDENCE_TYPES,
  deliveryAttemptView,
  deliveryCallPage,
  deliveryCallQuery,
  deliveryCallView,
  deliveryIndicatorQuery,
  deliveryIndicators,
  deliveryTaskDetail,
  deliveryTaskList,
  deliveryTaskPage,
  deliveryTaskQuery,
  endDeliveryTaskRequest,
  idParam,
  okResponse,
  recordDeliveryAttemptRequest,
  sendElectronicRequest,
  updateAddressConfirmationRequest,
  versionField,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { onMessageSettled } from '../notifications/index.js';
import { findCalls, logCall } from './calls.service.js';
import { createConfirmation, editConfirmation, listConfirmations, removeConfirmation } from './confirmations.service.js';
import { createTasks, endTask, findTasks, getTask, recordAttempt } from './delivery.service.js';
import { DOCX_TYPE } from './documents.js';
import { announcementFor, proofFor } from './documents.service.js';
import { ELECTRONIC_KIND, onElectronicSettled, sendElectronic } from './electronic.service.js';
import { downloadEvidence, uploadEvidence } from './evidence.service.js';
import { indicators } from './indicators.service.js';

export interface DeliveryRouteOptions {
  db: Db;
  /** The origin read links point to (PUBLIC_BASE_URL); null: the request's own origin. */
  publicBaseUrl?: string | null;
}

const read = { preHandler: requirePermission('delivery.read') };
const handle = { preHandler: requirePermission('delivery.handle') };
const versionQuery = z.strictObject({ version: z.coerce.number().pipe(versionField) });

export const deliveryRoutes: FastifyPluginAsyncZod<DeliveryRouteOptions> = async (app, { db, publicBaseUrl = null }) => {
  // Electronic sends become attempts when their message is sent or dead (electronic.service.ts).
  onMessageSettled(ELECTRONIC_KIND, onElectronicSettled);
  // Evidence arrives as the raw file; the parser only exists inside this plugin, with its own size limit.
  app.addContentTypeParser(
    [...DELIVERY_EVIDENCE_TYPES],
    { parseAs: 'buffer', bodyLimit: DELIVERY_EVIDENCE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  const tags = ['delivery'];

  app.post(
    '/cases/:id/delivery-tasks',
    { ...handle, schema: { tags, params: idParam, body: createDeliveryTasksRequest, response: { 201: deliveryTaskList } } },
    async (req, reply) => reply.code(201).send(await createTasks(db, req.ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get('/delivery-tasks', { ...read, schema: { tags, querystring: deliveryTaskQuery, response: { 200: deliveryTaskPage } } }, (req) =>
    findTasks(db, actorOf(req), req.query),
  );
  app.get('/delivery-tasks/:id', { ...read, schema: { tags, params: idParam, response: { 200: deliveryTaskDetail } } }, (req) =>
    getTask(db, actorOf(req), req.params.id),
  );
  app.post(
    '/delivery-tasks/:id/attempts',
    { ...handle, schema: { tags, params: idParam, body: recordDeliveryAttemptRequest, response: { 201: deliveryTaskDetail } } },
    async (req, reply) => reply.code(201).send(await recordAttempt(db, req.ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/delivery-tasks/:id/send-electronic',
    { ...handle, schema: { tags, params: idParam, body: sendElectronicRequest, response: { 201: deliveryTaskDetail } } },
    async (req, reply) => {
      const base = publicBaseUrl ?? `${req.protocol}://${req.host}`;
      return reply.code(201).send(await sendElectronic(db, req.ctx, actorOf(req), req.params.id, req.body, base));
    },
  );
  app.post(
    '/delivery-tasks/:id/end',
    { ...handle, schema: { tags, params: idParam, body: endDeliveryTaskRequest, response: { 200: deliveryTaskDetail } } },
    (req) => endTask(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/delivery-tasks/:id/proof.docx', { ...read, schema: { tags, params: idParam, produces: [DOCX_TYPE] } }, async (req, reply) => {
    const file = await proofFor(db, actorOf(req), req.params.id);
    return reply.type(DOCX_TYPE).header('content-disposition', file.contentDisposition).send(file.content);
  });
  app.get(
    '/delivery-tasks/:id/announcement.docx',
    { ...read, schema: { tags, params: idParam, produces: [DOCX_TYPE] } },
    async (req, reply) => {
      const file = await announcementFor(db, actorOf(req), req.params.id);
      return reply.type(DOCX_TYPE).header('content-disposition', file.contentDisposition).send(file.content);
    },
  );

  app.post(
    '/delivery-attempts/:id/evidence',
    {
      ...handle,
      bodyLimit: DELIVERY_EVIDENCE_MAX_BYTES,
      schema: { tags, params: idParam, consumes: [...DELIVERY_EVIDENCE_TYPES], response: { 200: deliveryAttemptView } },
    },
    (req) => {
      const declared = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'validation');
      return uploadEvidence(db, req.ctx, actorOf(req), req.params.id, declared, req.body);
    },
  );
  app.get('/delivery-attempts/:id/evidence', { ...read, schema: { tags, params: idParam } }, async (req, reply) => {
    const file = await downloadEvidence(db, actorOf(req), req.params.id);
    // Served as a download of the type sniffed at upload, never rendered inline as something else.
    return reply
      .type(file.type)
      .header('content-disposition', `attachment; filename="evidence-${req.params.id}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  app.get(
    '/cases/:id/address-confirmations',
    { ...read, schema: { tags, params: idParam, response: { 200: addressConfirmationList } } },
    (req) => listConfirmations(db, actorOf(req), req.params.id),
  );
  app.post(
    '/cases/:id/address-confirmations',
    { ...handle, schema: { tags, params: idParam, body: createAddressConfirmationRequest, response: { 201: addressConfirmationView } } },
    async (req, reply) => reply.code(201).send(await createConfirmation(db, req.ctx, actorOf(req), req.params.id, req.body)),
  );
  app.put(
    '/address-confirmations/:id',
    { ...handle, schema: { tags, params: idParam, body: updateAddressConfirmationRequest, response: { 200: addressConfirmationView } } },
    (req) => editConfirmation(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/address-confirmations/:id',
    { ...handle, schema: { tags, params: idParam, querystring: versionQuery, response: { 200: okResponse } } },
    (req) => removeConfirmation(db, req.ctx, actorOf(req), req.params.id, req.query.version),
  );

  app.post(
    '/delivery-calls',
    { ...handle, schema: { tags, body: createDeliveryCallRequest, response: { 201: deliveryCallView } } },
    async (req, reply) => reply.code(201).send(await logCall(db, req.ctx, actorOf(req), req.body)),
  );
  app.get('/delivery-calls', { ...read, schema: { tags, querystring: deliveryCallQuery, response: { 200: deliveryCallPage } } }, (req) =>
    findCalls(db, actorOf(req), req.query),
  );

  app.get(
    '/delivery/indicators',
    { ...read, schema: { tags, querystring: deliveryIndicatorQuery, response: { 200: deliveryIndicators } } },
    (req) => indicators(db, actorOf(req), req.query),
  );
};
