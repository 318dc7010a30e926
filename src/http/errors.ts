import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.ts';
import { isDatabaseUnavailable, isRefusedValue } from '../db/index.ts';
import { AppError, isAppError } from '../errors.ts';

/** Maps anything thrown to an AppError; unexpected errors are logged and become a generic 500. */
export function toAppError(
  ctx: AppContext,
  e: unknown,
  path: string,
  clientGone = false,
): AppError {
  if (isAppError(e)) return e;
  // The client hung up before its request was read (ECONNRESET, which would
  // pass for a lost database connection): no one to answer, nothing wrong here.
  if (clientGone) {
    ctx.log.debug({ path }, 'client went away');
    return new AppError('invalid_request');
  }
  if (isDatabaseUnavailable(e)) {
    ctx.log.warn({ path, err: (e as Error).message }, 'database unavailable');
    return new AppError('service_unavailable', { retryAfter: 5 });
  }
  if (isRefusedValue(e)) {
    ctx.log.info({ path, err: (e as Error).message }, 'database refused a value from the request');
    return new AppError('invalid_request');
  }
  if (e instanceof HTTPException) {
    if (e.status === 413) return new AppError('payload_too_large');
    if (e.status < 500) return new AppError('invalid_request');
  }
  ctx.log.error({ path, err: e }, 'unexpected error');
  return new AppError('internal_error');
}

/** Every answer's duration in the metrics (by route pattern, not path), and a debug line. */
export function recordRequest(
  ctx: AppContext,
  r: { method: string; path: string; route: string; status: number; ms: number },
): void {
  ctx.metrics.requestSeconds.observe(
    { method: r.method, route: r.route, status: String(r.status) },
    r.ms / 1000,
  );
  ctx.log.debug(
    { method: r.method, path: r.path, status: r.status, ms: Math.round(r.ms) },
    'request',
  );
}
