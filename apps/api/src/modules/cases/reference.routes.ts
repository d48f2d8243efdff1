import {
  CASE_NODES,
  causeView,
  createCauseRequest,
  editCauseRequest,
  editProcedureRequest,
  nodeLimitList,
  setNodeLimitRequest,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { createCause, editCause, editProcedure, nodeLimits, setNodeLimit } from './reference.service.js';

const manage = { preHandler: requirePermission('reference.manage') };
const procedureView = z.object({
  code: z.string(),
  caseTypeCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  limitMonths: z.number().nullable(),
  limitDays: z.number().nullable(),
  version: z.number().int(),
});

/** Administration of case types' trial limits, node time limits and the cause catalogue. */
export const referenceRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['reference'];
  const found = <T>(value: T | null) => {
    if (!value) throw AppError.notFound();
    return value;
  };

  app.patch(
    '/procedures/:code',
    {
      ...manage,
      schema: { tags, params: z.strictObject({ code: z.string().max(40) }), body: editProcedureRequest, response: { 200: procedureView } },
    },
    async (req) => found(await editProcedure(db, req.ctx, req.params.code, req.body)),
  );
  app.get(
    '/node-limits',
    {
      preHandler: requireAuth,
      schema: { tags, querystring: z.strictObject({ caseTypeCode: z.string().max(10).optional() }), response: { 200: nodeLimitList } },
    },
    async (req) => ({ items: (await nodeLimits(db, req.query.caseTypeCode)) as z.infer<typeof nodeLimitList>['items'] }),
  );
  app.put(
    '/node-limits/:caseTypeCode/:node',
    {
      ...manage,
      schema: {
        tags,
        params: z.strictObject({ caseTypeCode: z.string().max(10), node: z.enum(CASE_NODES) }),
        body: setNodeLimitRequest,
        response: { 200: z.object({ caseTypeCode: z.string(), node: z.enum(CASE_NODES), days: z.number().int() }) },
      },
    },
    (req) => setNodeLimit(db, req.ctx, req.params.caseTypeCode, req.params.node, req.body.days),
  );
  app.post('/causes', { ...manage, schema: { tags, body: createCauseRequest, response: { 201: causeView } } }, async (req, reply) =>
    reply.code(201).send(found(await createCause(db, req.ctx, req.body))),
  );
  app.patch(
    '/causes/:code',
    {
      ...manage,
      schema: { tags, params: z.strictObject({ code: z.string().max(40) }), body: editCauseRequest, response: { 200: causeView } },
    },
    async (req) => found(await editCause(db, req.ctx, req.params.code, req.body)),
  );
};
