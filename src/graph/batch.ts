// JSON batching as Graph does it (learn.microsoft.com/graph/json-batching): up
// to 20 requests in one POST /$batch, each answered with its own status,
// headers and body. Here they run one after another, in the order given (Graph
// may run them in any order; `dependsOn` orders them there). A request whose
// dependency failed is answered 424 without running. Each request is sent
// through the whole application with the batch's token, so it is judged —
// authenticated, limited, audited — exactly as if sent alone; its URL must
// stay under this version of /graph.
import type { Context } from 'hono';
import { AppError } from '../errors.ts';
import type { HttpEnv } from '../http/env.ts';
import { graphErrorBody, newRequestIds } from './errors.ts';

/** Graph's limit on requests in a batch. */
export const BATCH_MAX = 20;

const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const bad = (detail: string) => new AppError('invalid_request', { detail });

/** The requests, checked as a whole first: a malformed batch is refused and nothing runs. */
function readRequests(body: Record<string, unknown>): BatchRequest[] {
  const list = body.requests;
  if (!Array.isArray(list) || list.length === 0)
    throw bad('A batch has a "requests" array of 1 to 20 requests.');
  if (list.length > BATCH_MAX)
    throw bad(`A batch holds at most ${BATCH_MAX} requests; this one has ${list.length}.`);
  const seen = new Set<string>();
  return list.map((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) throw bad(`Request ${i + 1} is not an object.`);
    const { id, method, url, body: b, headers, dependsOn } = r as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || id.length > 100)
      throw bad(`Request ${i + 1} needs an "id" (a string).`);
    if (seen.has(id)) throw bad(`Two requests have the id '${id}'.`);
    if (typeof method !== 'string' || !METHODS.has(method.toUpperCase()))
      throw bad(`Request '${id}': the method is GET, POST, PATCH, PUT or DELETE.`);
    if (typeof url !== 'string' || url === '' || url.length > 2000 || /^[a-z]+:/i.test(url))
      throw bad(`Request '${id}': the url is relative (e.g. /users/{id}/authentication/methods).`);
    if (headers !== undefined && (typeof headers !== 'object' || headers === null))
      throw bad(`Request '${id}': headers is an object.`);
    if (
      dependsOn !== undefined &&
      (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string' || !seen.has(d)))
    )
      throw bad(`Request '${id}': dependsOn names requests earlier in the batch.`);
    seen.add(id);
    return {
      id,
      method: method.toUpperCase(),
      url,
      ...(b !== undefined ? { body: b } : {}),
      ...(headers ? { headers: headers as Record<string, string> } : {}),
      ...(dependsOn ? { dependsOn: dependsOn as string[] } : {}),
    };
  });
}

export async function runBatch(
  c: Context<HttpEnv>,
  body: Record<string, unknown>,
  version: string,
  dispatch: (req: Request, env: unknown) => Promise<Response>,
): Promise<{ responses: BatchResponse[] }> {
  const requests = readRequests(body);
  const { ctx } = c.var;
  const base = `/graph/${version}/`;
  const status = new Map<string, number>();
  const responses: BatchResponse[] = [];
  const answer = (r: BatchRequest, code: number, e: AppError) => {
    status.set(r.id, code);
    responses.push({
      id: r.id,
      status: code,
      headers: { 'content-type': 'application/json' },
      // Ids of its own: the batch's answer keeps the batch's.
      body: graphErrorBody(e, newRequestIds(r.headers?.['client-request-id']), ctx.clock.now()),
    });
  };
  for (const r of requests) {
    if (r.dependsOn?.some((d) => (status.get(d) ?? 0) >= 400)) {
      answer(r, 424, bad('A request this one depends on failed.'));
      continue;
    }
    const url = new URL(`${base}${r.url.replace(/^\/+/, '')}`, c.req.url);
    if (!url.pathname.startsWith(base) || url.pathname === `${base}$batch`) {
      answer(r, 400, bad(`The url '${r.url.slice(0, 100)}' is not a request this batch can hold.`));
      continue;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(r.headers ?? {}))
      if (typeof v === 'string') headers.set(k, v);
    headers.set('authorization', c.req.header('authorization') ?? '');
    if (r.body !== undefined) headers.set('content-type', 'application/json');
    const res = await dispatch(
      new Request(url, {
        method: r.method,
        headers,
        ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
      }),
      c.env,
    );
    const text = await res.text();
    status.set(r.id, res.status);
    responses.push({
      id: r.id,
      status: res.status,
      ...(text
        ? {
            headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
            body: JSON.parse(text) as unknown,
          }
        : {}),
    });
  }
  return { responses };
}
