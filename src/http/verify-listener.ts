// HTTP verify answered on Node's own request, before the web app. A check is
// the busiest request a server gets (every IMAP login of every mail client,
// every call of a program that asks), and the web app's way to it — a Fetch
// Request and Response built around Node's, then the middleware every page
// needs (language, session, same-origin, brand) — cost more than the check
// itself: about 40 µs of CPU per request (`npm run bench`, legacy). The answer
// is the same function's (verifyAnswer) with the same headers; requests it
// does not expect in full (another method, a body, no application named) go
// to the web app, which answers them as always.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getQueryParam } from 'hono/utils/url';
import type { AppContext } from '../context.ts';
import { clientInfoOfRequest } from './client.ts';
import { recordRequest, toAppError } from './errors.ts';
import { type Answer, problemAnswer, writeAnswer } from './problem.ts';
import { verifyAnswer } from './routes/legacy.ts';
import { fixedSecurityHeaders } from './security-headers.ts';

export const VERIFY_PATH = '/legacy/v1/verify';

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Node's request listener: HTTP verify here, everything else to `app`.
 * Headers are read as the Fetch API reads them (repeated ones joined with
 * ", "), not as Node's `headers` keeps them (the first Authorization or
 * User-Agent only), so both ways judge the same request alike.
 */
export async function withVerifyListener(ctx: AppContext, app: Listener): Promise<Listener> {
  const security = await fixedSecurityHeaders(ctx, true);
  const write = (res: ServerResponse, a: Answer) => {
    for (const [name, value] of security) res.setHeader(name, value);
    writeAnswer(res, a);
  };
  return (req, res) => {
    const url = req.url ?? '';
    const appId = isPlainVerify(req, url) ? getQueryParam(url, 'app') : undefined;
    if (typeof appId !== 'string' || !appId) return app(req, res);
    const started = performance.now();
    const header = (name: string) => req.headersDistinct[name]?.join(', ');
    verifyAnswer(ctx, {
      appId,
      authorization: header('authorization'),
      client: () => clientInfoOfRequest(req, ctx.config.trustedProxies),
    })
      .catch((e: unknown) => problemAnswer(toAppError(ctx, e, VERIFY_PATH, req.destroyed)))
      .then((a) => {
        write(res, a);
        recordRequest(ctx, {
          method: 'POST',
          path: VERIFY_PATH,
          route: VERIFY_PATH,
          status: a.status,
          ms: performance.now() - started,
        });
      })
      .catch((e: unknown) => ctx.log.error({ path: VERIFY_PATH, err: e }, 'unexpected error'));
  };
}

/** A POST to HTTP verify without a body (RFC 9112 §6.3: neither Content-Length nor Transfer-Encoding). */
function isPlainVerify(req: IncomingMessage, url: string): boolean {
  if (req.method !== 'POST' || !url.startsWith(VERIFY_PATH)) return false;
  const rest = url.charCodeAt(VERIFY_PATH.length);
  if (!Number.isNaN(rest) && rest !== 0x3f /* ? */) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}
