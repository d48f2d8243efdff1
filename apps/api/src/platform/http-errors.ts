import { ALL_FIELD_ERRORS, type FieldProblem } from '@courtassist/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fieldProblem, problemOf } from './errors.js';

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

interface ValidationItem {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns one zod issue (as fastify-type-provider-zod reports it) into field problems. */
function fieldProblems(context: string, item: ValidationItem): FieldProblem[] {
  const base = [CONTEXT_NAMES[context] ?? context, ...item.instancePath.split('/').filter(Boolean)].join('.');
  if (item.keyword === 'unrecognized_keys') {
    const keys = (item.params?.keys as string[] | undefined) ?? [];
    return keys.map((key) => fieldProblem(`${base}.${key}`, 'unrecognized_keys'));
  }
  if (item.keyword === 'invalid_type' && /received undefined/.test(item.message ?? '')) {
    return [fieldProblem(base, 'required')];
  }
  // A zod custom issue keeps its own `params` (where validators put the specific code).
  const specific = (item.params?.params as { code?: unknown } | undefined)?.code ?? item.params?.code;
  if (item.keyword === 'custom' && typeof specific === 'string' && ALL_FIELD_ERRORS[specific]) {
    return [fieldProblem(base, specific, ALL_FIELD_ERRORS[specific])];
  }
  const known = ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value'];
  return [fieldProblem(base, known.includes(item.keyword) ? item.keyword : 'custom')];
}

/** Maps every error fastify or a service can raise onto one AppError. */
export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const context = fe.validationContext ?? 'body';
    const fields = (fe.validation as unknown as ValidationItem[]).flatMap((item) => fieldProblems(context, item));
    return new AppError('VALIDATION_FAILED', 'validation', { fields });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'validation');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', 'validation');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('MALFORMED_JSON', 'validation');
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', 'limit');
  if (error instanceof SyntaxError && fe.statusCode === 400) return new AppError('MALFORMED_JSON', 'validation');
  if (fe.statusCode === 400 && fe.validation) return new AppError('VALIDATION_FAILED', 'validation');
  if (fe.statusCode === 404) return new AppError('ROUTE_NOT_FOUND', 'not-found');
  return new AppError('INTERNAL', 'internal');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem = problemOf(error, request.id);
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** The first string holding a NUL character, as a field path: PostgreSQL text cannot store one. */
export function nulField(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = nulField(child, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = nulField(request.body, 'body') ?? nulField(request.query, 'query') ?? nulField(request.params, 'params');
    if (field) throw AppError.invalid(fieldProblem(field, 'nul_character'));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.kind === 'internal') request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: appError.code }, 'request refused');
    return sendProblem(request, reply, appError);
  });
}
