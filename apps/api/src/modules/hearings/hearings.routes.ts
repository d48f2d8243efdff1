import {
  announcementPage,
  announcementQuery,
  cancelHearingRequest,
  courtroom,
  courtroomPage,
  courtroomQuery,
  createCourtroomRequest,
  hearingDetail,
  hearingList,
  hearingQuery,
  hearingSummonsParam,
  holdHearingRequest,
  idParam,
  rescheduleHearingRequest,
  scheduleHearingRequest,
  updateCourtroomRequest,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireAnyPermission, requireAuth, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import {
  cancelHearing,
  createCourtroom,
  editCourtroom,
  findAnnouncements,
  findCourtrooms,
  findHearings,
  getCourtroom,
  getHearing,
  holdHearing,
  rescheduleHearing,
  scheduleHearing,
  summonsFor,
} from './hearings.service.js';
import { DOCX_TYPE } from './summons.js';

const readRooms = { preHandler: requireAnyPermission('org.read', 'hearing.schedule', 'courtroom.manage') };
const manageRooms = { preHandler: requirePermission('courtroom.manage') };
const readHearings = { preHandler: requireAnyPermission('case.read', 'hearing.schedule') };
const schedule = { preHandler: requirePermission('hearing.schedule') };

export const hearingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['hearings'];

  // ---- courtrooms ----
  app.get('/courtrooms', { ...readRooms, schema: { tags, querystring: courtroomQuery, response: { 200: courtroomPage } } }, (req) =>
    findCourtrooms(db, actorOf(req), req.query),
  );
  app.get('/courtrooms/:id', { ...readRooms, schema: { tags, params: idParam, response: { 200: courtroom } } }, (req) =>
    getCourtroom(db, actorOf(req), req.params.id),
  );
  app.post(
    '/courtrooms',
    { ...manageRooms, schema: { tags, body: createCourtroomRequest, response: { 201: courtroom } } },
    async (req, reply) => reply.code(201).send(await createCourtroom(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/courtrooms/:id',
    { ...manageRooms, schema: { tags, params: idParam, body: updateCourtroomRequest, response: { 200: courtroom } } },
    (req) => editCourtroom(db, req.ctx, actorOf(req), req.params.id, req.body),
  );

  // ---- hearings ----
  app.get('/hearings', { ...readHearings, schema: { tags, querystring: hearingQuery, response: { 200: hearingList } } }, (req) =>
    findHearings(db, actorOf(req), req.query),
  );
  app.get('/hearings/:id', { ...readHearings, schema: { tags, params: idParam, response: { 200: hearingDetail } } }, (req) =>
    getHearing(db, actorOf(req), req.params.id),
  );
  app.post(
    '/hearings',
    { ...schedule, schema: { tags, body: scheduleHearingRequest, response: { 201: hearingDetail } } },
    async (req, reply) => reply.code(201).send(await scheduleHearing(db, req.ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/hearings/:id',
    { ...schedule, schema: { tags, params: idParam, body: rescheduleHearingRequest, response: { 200: hearingDetail } } },
    (req) => rescheduleHearing(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/hearings/:id/cancel',
    { ...schedule, schema: { tags, params: idParam, body: cancelHearingRequest, response: { 200: hearingDetail } } },
    (req) => cancelHearing(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/hearings/:id/held',
    { ...schedule, schema: { tags, params: idParam, body: holdHearingRequest, response: { 200: hearingDetail } } },
    (req) => holdHearing(db, req.ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/hearings/:id/summons/:partyId.docx',
    { ...schedule, schema: { tags, params: hearingSummonsParam, produces: [DOCX_TYPE] } },
    async (req, reply) => {
      const file = await summonsFor(db, req.ctx, actorOf(req), req.params.id, req.params.partyId);
      return reply.type(DOCX_TYPE).header('content-disposition', file.contentDisposition).send(file.content);
    },
  );

  // ---- announcements (开庭公告): public information, open to every signed-in user ----
  app.get(
    '/hearing-announcements',
    { preHandler: requireAuth, schema: { tags, querystring: announcementQuery, response: { 200: announcementPage } } },
    (req) => findAnnouncements(db, req.query),
  );
};
