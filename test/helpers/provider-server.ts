import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import type { AppContext } from '../../src/context.ts';
import { DeliveryError } from '../../src/delivery/types.ts';
import type { HttpEnv } from '../../src/http/env.ts';
import { telephonyRoutes } from '../../src/http/routes/telephony.ts';
import type { TestApp } from './app.ts';

/** One request as the fake provider received it. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
/** The status to answer with, or 'never' to leave the request hanging. */
export type Reply = number | 'never';

/**
 * A provider on 127.0.0.1 answering each request with the next reply (the last one repeats).
 * With no replies it answers `success.status`; every answer carries `success.body` as JSON.
 */
export async function fakeProvider(success: { status: number; body: string }, ...replies: Reply[]) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const reply = replies[Math.min(seen.length, replies.length) - 1] ?? success.status;
      if (reply !== 'never') {
        res.writeHead(reply, { 'content-type': 'application/json' }).end(success.body);
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<string> {
  const p = await fakeProvider({ status: 200, body: '{}' });
  await p.close();
  return p.url;
}

/** Asserts that a delivery fails with a DeliveryError, and within `maxMs`. */
export async function rejectsInTime(p: Promise<void>, maxMs: number) {
  const started = performance.now();
  await assert.rejects(p, DeliveryError);
  assert.ok(performance.now() - started < maxMs, `settled within ${maxMs} ms`);
}

/** A bare app serving only the telephony callback routes, with `ctx` as its context. */
export function telephonyApp(ctx: AppContext) {
  const a = new Hono<HttpEnv>();
  a.use((c, next) => {
    c.set('ctx', ctx);
    return next();
  });
  a.route('/', telephonyRoutes);
  return a;
}

/** Inserts a pending voice-call challenge for `userId` and returns its id. */
export async function insertPendingCall(t: TestApp, userId: string): Promise<string> {
  const id = crypto.randomUUID();
  const now = t.clock.now();
  await t.ctx.stores.challenges.insert({
    id,
    flow_id: 'flow-1',
    user_id: userId,
    method_type: 'TwoWayVoiceMobile',
    registration_id: null,
    code_hash: null,
    status: 'pending',
    attempts: 0,
    created_at: now,
    expires_at: now + 300_000,
    resolved_at: null,
  });
  return id;
}

/** The status of a challenge, as stored. */
export const challengeStatus = async (t: TestApp, id: string) =>
  (await t.ctx.stores.challenges.find(id))?.status;
