import { CSRF_COOKIE, CSRF_HEADER, ERRORS, type ErrorCode, type Problem } from '@courtassist/contracts';

/** A failed API call, carrying the server's problem+json document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.message?.en ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as an expired session (the login call itself). */
  skipAuthRedirect?: boolean;
}

let csrfFallback: string | null = null;
let unauthorizedHandler: () => void = () => {};

/** Keeps the CSRF token returned by login, for when the cookie cannot be read. */
export function rememberCsrfToken(token: string | null): void {
  csrfFallback = token;
}

/** Called whenever an API call answers 401: the session has ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function buildQuery(query?: QueryParams): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function localProblem(code: ErrorCode, status: number): Problem {
  const spec = ERRORS[code];
  return { type: 'about:blank', title: spec.en, status, code, message: { zh: spec.zh, en: spec.en } };
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (body && typeof body.code === 'string' && body.message) return { ...body, status: response.status } as Problem;
    } catch {
      // fall through to a problem built from the status
    }
  }
  if (response.status === 401) return localProblem('UNAUTHENTICATED', 401);
  if (response.status === 403) return localProblem('FORBIDDEN', 403);
  if (response.status === 404) return localProblem('NOT_FOUND', 404);
  if (response.status === 429) return localProblem('RATE_LIMITED', 429);
  if (response.status >= 502) return localProblem('UNAVAILABLE', response.status);
  return localProblem('INTERNAL', response.status);
}

/** Calls `/api{path}` with the session cookie, the CSRF header on writes, and JSON bodies. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE) ?? csrfFallback;
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(localProblem('UNAVAILABLE', 0));
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.skipAuthRedirect) unauthorizedHandler();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

type Extra = Pick<RequestOptions, 'signal' | 'skipAuthRedirect'>;

export const api = {
  get: <T>(path: string, query?: QueryParams, extra?: Extra) => apiRequest<T>(path, { query, ...extra }),
  post: <T>(path: string, body?: unknown, extra?: Extra) => apiRequest<T>(path, { method: 'POST', body, ...extra }),
  put: <T>(path: string, body: unknown, extra?: Extra) => apiRequest<T>(path, { method: 'PUT', body, ...extra }),
  patch: <T>(path: string, body: unknown, extra?: Extra) => apiRequest<T>(path, { method: 'PATCH', body, ...extra }),
  delete: <T>(path: string, extra?: Extra) => apiRequest<T>(path, { method: 'DELETE', ...extra }),
};
