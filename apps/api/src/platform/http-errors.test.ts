import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { toAppError } from './http-errors.js';

function fastifyError(code: string, statusCode: number) {
  return Object.assign(new Error(code), { code, statusCode });
}

describe('toAppError', () => {
  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'MALFORMED_JSON'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'MALFORMED_JSON'],
    ['SOMETHING_ELSE', 500, 'INTERNAL'],
  ])('%s → %s', (code, status, expected) => {
    expect(toAppError(fastifyError(code, status)).code).toBe(expected);
  });

  it('keeps an AppError as it is', () => {
    const error = AppError.versionConflict(3);
    expect(toAppError(error)).toBe(error);
  });

  it('never turns an unknown error into anything but INTERNAL', () => {
    expect(toAppError(new TypeError('x is undefined')).code).toBe('INTERNAL');
  });
});
