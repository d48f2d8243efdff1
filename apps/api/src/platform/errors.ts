import { ERRORS, type ErrorCode, FIELD_ERRORS, type FieldProblem, type Problem } from '@courtassist/contracts';

/** What went wrong, in domain terms; the HTTP status comes from the error catalogue. */
export type ErrorKind = 'validation' | 'auth' | 'forbidden' | 'not-found' | 'conflict' | 'limit' | 'internal';

export interface ErrorDetails {
  fields?: FieldProblem[];
  meta?: Record<string, unknown>;
  detail?: string;
}

/** The one error type of the application. Services throw it; the error handler renders it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly kind: ErrorKind,
    readonly details: ErrorDetails = {},
  ) {
    super(details.detail ?? ERRORS[code].en);
    this.name = 'AppError';
  }

  static notFound(detail?: string): AppError {
    return new AppError('NOT_FOUND', 'not-found', { detail });
  }

  static forbidden(): AppError {
    return new AppError('FORBIDDEN', 'forbidden');
  }

  static versionConflict(current?: number): AppError {
    return new AppError('VERSION_CONFLICT', 'conflict', current === undefined ? {} : { meta: { currentVersion: current } });
  }

  /** A validation error on named fields, e.g. `field('body.code', 'court_code')`. */
  static invalid(...fields: FieldProblem[]): AppError {
    return new AppError('VALIDATION_FAILED', 'validation', { fields });
  }
}

export function fieldProblem(field: string, code: keyof typeof FIELD_ERRORS | string, message?: { zh: string; en: string }): FieldProblem {
  const known = (FIELD_ERRORS as Record<string, { zh: string; en: string }>)[code];
  return { field, code, message: message ?? known ?? FIELD_ERRORS.custom };
}

export function problemOf(error: AppError, requestId?: string): Problem {
  const spec = ERRORS[error.code];
  const problem: Problem = {
    type: `https://courtassist.org/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: spec.en,
    status: spec.status,
    code: error.code,
    message: { zh: spec.zh, en: spec.en },
  };
  if (error.details.detail) problem.detail = error.details.detail;
  if (error.details.fields?.length) problem.errors = error.details.fields;
  if (error.details.meta) problem.meta = error.details.meta;
  if (requestId) problem.requestId = requestId;
  return problem;
}
