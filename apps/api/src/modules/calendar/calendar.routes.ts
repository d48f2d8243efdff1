import {
  calendarDay,
  calendarDayParam,
  calendarDayQuery,
  calendarDeleteQuery,
  calendarImportRequest,
  calendarImportResult,
  calendarYearQuery,
  calendarYears,
  calendarYearView,
  okResponse,
  putCalendarDayRequest,
  workingDayAnswer,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireAuth, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { calendarYears as findYears, importYear, isWorkingDay, putDay, removeDay, viewYear } from './calendar.service.js';

// Everyone signed in reads the calendar (deadlines depend on it); changing it needs calendar.manage
// at a root court (calendar.policy.ts).
const signedIn = { preHandler: requireAuth };
const manage = { preHandler: requirePermission('calendar.manage') };

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['calendar'];

  app.get('/calendar', { ...signedIn, schema: { tags, querystring: calendarYearQuery, response: { 200: calendarYearView } } }, (req) =>
    viewYear(db, req.query.year),
  );
  app.get('/calendar/years', { ...signedIn, schema: { tags, response: { 200: calendarYears } } }, () => findYears(db));
  app.get(
    '/calendar/is-working-day',
    { ...signedIn, schema: { tags, querystring: calendarDayQuery, response: { 200: workingDayAnswer } } },
    (req) => isWorkingDay(db, req.query.day),
  );

  app.put(
    '/calendar/days/:day',
    {
      ...manage,
      schema: { tags, params: calendarDayParam, body: putCalendarDayRequest, response: { 200: calendarDay, 201: calendarDay } },
    },
    async (req, reply) => {
      const { day, created } = await putDay(db, req.ctx, actorOf(req), req.params.day, req.body);
      return reply.code(created ? 201 : 200).send(day);
    },
  );
  app.delete(
    '/calendar/days/:day',
    { ...manage, schema: { tags, params: calendarDayParam, querystring: calendarDeleteQuery, response: { 200: okResponse } } },
    async (req) => {
      await removeDay(db, req.ctx, actorOf(req), req.params.day, req.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/calendar/import',
    { ...manage, schema: { tags, body: calendarImportRequest, response: { 200: calendarImportResult } } },
    (req) => importYear(db, req.ctx, actorOf(req), req.body),
  );
};
