import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { type AppError, errorCodes } from '../errors.ts';

/** An answer as data: written by Hono (`send`) or straight to Node's response. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** RFC 9457 problem details with our stable `code`. */
export function problemAnswer(e: AppError, headers: Record<string, string> = {}): Answer {
  return {
    status: e.status,
    headers: {
      ...headers,
      'content-type': 'application/problem+json',
      ...(e.retryAfter ? { 'retry-after': String(e.retryAfter) } : {}),
    },
    body: JSON.stringify({
      type: `urn:portcullis:error:${e.code}`,
      title: errorCodes[e.code].message,
      status: e.status,
      code: e.code,
      ...(e.detail ? { detail: e.detail } : {}),
    }),
  };
}

/** An Answer straight to Node's response (after any headers already set on it). */
export function writeAnswer(res: ServerResponse, a: Answer): void {
  for (const [name, value] of Object.entries(a.headers)) res.setHeader(name, value);
  res.setHeader('content-length', Buffer.byteLength(a.body));
  res.writeHead(a.status).end(a.body);
}

/** An Answer through Hono. */
export const send = (c: Context, a: Answer) => c.body(a.body, a.status as 200, a.headers);

export const problem = (c: Context, e: AppError) => send(c, problemAnswer(e));
