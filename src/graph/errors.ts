// Errors on /graph as Microsoft Graph writes them, so a script's error
// handling (Graph PowerShell's, the SDKs') reads them: `{"error": {"code",
// "message", "innerError": {"date", "request-id", "client-request-id"}}}`.
import type { Context } from 'hono';
import type { AppError } from '../errors.ts';

/** Graph's codes for what our stable codes mean (learn.microsoft.com/graph/errors). */
function codeOf(e: AppError): string {
  if (e.code === 'user_not_found') return 'Request_ResourceNotFound';
  switch (e.status) {
    case 400:
      return 'badRequest';
    case 401:
      return 'InvalidAuthenticationToken';
    case 403:
      return 'accessDenied';
    case 404:
      return 'itemNotFound';
    case 405:
      return 'methodNotAllowed';
    case 409:
      return 'conflict';
    case 413:
      return 'requestTooLarge';
    case 429:
      return 'activityLimitReached';
    case 503:
      return 'serviceNotAvailable';
    default:
      return 'generalException';
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** The body of an error, with the request's ids. */
export function graphErrorBody(
  e: AppError,
  ids: { requestId: string; clientRequestId: string },
  now: number,
): GraphErrorBody {
  return {
    error: {
      code: codeOf(e),
      message: e.publicMessage,
      innerError: {
        date: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** A request's ids: its own, and the one the client sent (or the same). */
export function newRequestIds(sent: string | undefined): {
  requestId: string;
  clientRequestId: string;
} {
  const requestId = crypto.randomUUID();
  return {
    requestId,
    clientRequestId: sent && /^[\w.-]{1,100}$/.test(sent) ? sent : requestId,
  };
}

/** The ids Graph puts on every answer, set as its headers. */
export function requestIds(c: Context): { requestId: string; clientRequestId: string } {
  const { requestId, clientRequestId } = newRequestIds(c.req.header('client-request-id'));
  c.header('request-id', requestId);
  c.header('client-request-id', clientRequestId);
  return { requestId, clientRequestId };
}

/** Any error on /graph, answered as Graph would. */
export function graphError(c: Context, e: AppError, now: number) {
  if (e.status === 401) c.header('WWW-Authenticate', 'Bearer realm="portcullis"');
  if (e.retryAfter) c.header('Retry-After', String(e.retryAfter));
  return c.json(graphErrorBody(e, requestIds(c), now), e.status as 400);
}
