import {
  assistantCategoryList,
  assistantPage,
  assistantProfile,
  assistantQuery,
  changeAssistantStatusRequest,
  closeRecruitmentRequest,
  commendationView,
  compositionQuery,
  compositionView,
  contractRecruitmentRequest,
  createAssistantAccountRequest,
  createAssistantRequest,
  createCommendationRequest,
  createRecruitmentRequest,
  createStationRequest,
  createTrainingSessionRequest,
  idParam,
  interviewRecruitmentRequest,
  okResponse,
  recruitmentPage,
  recruitmentQuery,
  recruitmentView,
  replacementRequest,
  stationPage,
  stationQuery,
  stationView,
  trainingQuery,
  trainingSessionDetail,
  trainingSessionPage,
  updateAssistantRequest,
  updateStationRequest,
  updateTrainingSessionRequest,
  versionQuery,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { networkAssessmentRoutes } from './assessments.routes.js';
import {
  addCommendation,
  changeStatus,
  createAccount,
  createAssistant,
  editAssistant,
  findAssistants,
  getProfile,
} from './assistants.service.js';
import { listCategories } from './network.repository.js';
import {
  announceRecruitment,
  closeRecruitment,
  compositionOf,
  contract,
  createSession,
  editSession,
  findRecruitments,
  findSessions,
  getRecruitment,
  getSession,
  interview,
  requestReplacement,
} from './records.service.js';
import { createStation, editStation, findStations, getStation, removeStation } from './stations.service.js';
import { networkTaskRoutes } from './tasks.routes.js';

export interface NetworkRouteOptions {
  db: Db;
}

const read = { preHandler: requirePermission('network.read') };
const manage = { preHandler: requirePermission('network.manage') };

/** Readers hold network.read; managers network.manage (which the seeded roles grant together with read). */
export const networkRoutes: FastifyPluginAsyncZod<NetworkRouteOptions> = async (app, { db }) => {
  const tags = ['network'];
  await app.register(networkTaskRoutes, { db });
  await app.register(networkAssessmentRoutes, { db });
  app.get('/network/categories', { ...read, schema: { tags, response: { 200: assistantCategoryList } } }, async () => ({
    items: await listCategories(db),
  }));

  app.get('/network/stations', { ...read, schema: { tags, querystring: stationQuery, response: { 200: stationPage } } }, (req) =>
    findStations(db, actorOf(req), req.query),
  );
  app.get('/network/stations/:id', { ...read, schema: { tags, params: idParam, response: { 200: stationView } } }, (req) =>
    getStation(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/stations',
    { ...manage, schema: { tags, body: createStationRequest, response: { 201: stationView } } },
    async (req, reply) => reply.code(201).send(await createStation(db, req.ctx, actorOf(req), req.body)),
  );
  app.put(
    '/network/stations/:id',
    { ...manage, schema: { tags, params: idParam, body: updateStationRequest, response: { 200: stationView } } },
    (req) => editStation(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/network/stations/:id',
    { ...manage, schema: { tags, params: idParam, querystring: versionQuery, response: { 200: okResponse } } },
    (req) => removeStation(db, req.ctx, actorOf(req), req.params.id, req.query.version),
  );

  app.get('/network/assistants', { ...read, schema: { tags, querystring: assistantQuery, response: { 200: assistantPage } } }, (req) =>
    findAssistants(db, actorOf(req), req.query),
  );
  app.get('/network/assistants/:id', { ...read, schema: { tags, params: idParam, response: { 200: assistantProfile } } }, (req) =>
    getProfile(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/assistants',
    { ...manage, schema: { tags, body: createAssistantRequest, response: { 201: assistantProfile } } },
    async (req, reply) => reply.code(201).send(await createAssistant(db, req.ctx, actorOf(req), req.body)),
  );
  app.put(
    '/network/assistants/:id',
    { ...manage, schema: { tags, params: idParam, body: updateAssistantRequest, response: { 200: assistantProfile } } },
    (req) => editAssistant(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/network/assistants/:id/status',
    { ...manage, schema: { tags, params: idParam, body: changeAssistantStatusRequest, response: { 200: assistantProfile } } },
    (req) => changeStatus(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/network/assistants/:id/account',
    { ...manage, schema: { tags, params: idParam, body: createAssistantAccountRequest, response: { 200: assistantProfile } } },
    (req) => createAccount(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/network/assistants/:id/commendations',
    { ...manage, schema: { tags, params: idParam, body: createCommendationRequest, response: { 201: commendationView } } },
    async (req, reply) => reply.code(201).send(await addCommendation(db, req.ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get('/network/composition', { ...read, schema: { tags, querystring: compositionQuery, response: { 200: compositionView } } }, (req) =>
    compositionOf(db, actorOf(req), req.query),
  );

  app.get(
    '/network/recruitments',
    { ...read, schema: { tags, querystring: recruitmentQuery, response: { 200: recruitmentPage } } },
    (req) => findRecruitments(db, actorOf(req), req.query),
  );
  app.get('/network/recruitments/:id', { ...read, schema: { tags, params: idParam, response: { 200: recruitmentView } } }, (req) =>
    getRecruitment(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/recruitments',
    { ...manage, schema: { tags, body: createRecruitmentRequest, response: { 201: recruitmentView } } },
    async (req, reply) => reply.code(201).send(await announceRecruitment(db, req.ctx, actorOf(req), req.body)),
  );
  app.post(
    '/network/recruitments/:id/interview',
    { ...manage, schema: { tags, params: idParam, body: interviewRecruitmentRequest, response: { 200: recruitmentView } } },
    (req) => interview(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/network/recruitments/:id/contract',
    { ...manage, schema: { tags, params: idParam, body: contractRecruitmentRequest, response: { 200: recruitmentView } } },
    (req) => contract(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/network/recruitments/:id/replacement',
    { ...manage, schema: { tags, params: idParam, body: replacementRequest, response: { 200: recruitmentView } } },
    (req) => requestReplacement(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/network/recruitments/:id/close',
    { ...manage, schema: { tags, params: idParam, body: closeRecruitmentRequest, response: { 200: recruitmentView } } },
    (req) => closeRecruitment(db, req.ctx, actorOf(req), req.params.id, req.body.version),
  );

  app.get(
    '/network/training-sessions',
    { ...read, schema: { tags, querystring: trainingQuery, response: { 200: trainingSessionPage } } },
    (req) => findSessions(db, actorOf(req), req.query),
  );
  app.get(
    '/network/training-sessions/:id',
    { ...read, schema: { tags, params: idParam, response: { 200: trainingSessionDetail } } },
    (req) => getSession(db, actorOf(req), req.params.id),
  );
  app.post(
    '/network/training-sessions',
    { ...manage, schema: { tags, body: createTrainingSessionRequest, response: { 201: trainingSessionDetail } } },
    async (req, reply) => reply.code(201).send(await createSession(db, req.ctx, actorOf(req), req.body)),
  );
  app.put(
    '/network/training-sessions/:id',
    { ...manage, schema: { tags, params: idParam, body: updateTrainingSessionRequest, response: { 200: trainingSessionDetail } } },
    (req) => editSession(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
};
