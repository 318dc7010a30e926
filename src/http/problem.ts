import type { Context } from 'hono';
import { type AppError, errorCodes } from '../errors.ts';

/** RFC 9457 problem details with our stable `code`. */
export function problem(c: Context, e: AppError) {
  if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
  return c.body(
    JSON.stringify({
      type: `urn:portcullis:error:${e.code}`,
      title: errorCodes[e.code].message,
      status: e.status,
      code: e.code,
      ...(e.detail ? { detail: e.detail } : {}),
    }),
    e.status as 400,
    { 'content-type': 'application/problem+json' },
  );
}
