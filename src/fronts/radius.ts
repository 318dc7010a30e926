// The RADIUS front (RFC 2865, PAP) for VPNs and other NAS: each RADIUS client
// is a legacy application, named by the request's NAS-Identifier and holding
// its own shared secret.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import dgram from 'node:dgram';
import radius from 'radius';
import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import type { ApplicationsTable } from '../db/schema.ts';
import { isAppError } from '../errors.ts';
import { legacySignIn } from '../flows/legacy.ts';
import { type RadiusAnswer, radiusMfa } from '../flows/radius-mfa.ts';
import { findApp, radiusSecretOf } from '../services/applications.ts';
import { type EpochView, StaleView } from '../services/cache.ts';
import { radiusStore } from '../storage/radius.ts';
import { parseListen } from './listen.ts';

export interface RadiusFront {
  port: number;
  close(): Promise<void>;
}

/** How long an answered Access-Request is remembered for its retransmissions (RFC 5080 §2.2.2). */
const ANSWERED_MS = 5 * 60_000;

/**
 * Answers Access-Requests. An application in `app-password` mode gets
 * Access-Accept when the user and app password (or the account password where
 * the MFA state allows) are good for it, Access-Reject otherwise; one in `mfa`
 * mode gets the password checked, then the second factor (flows/radius-mfa.ts):
 * Access-Challenge with a State, or an answer that waits for an approval.
 * Requests must carry a valid Message-Authenticator (RFC 3579 §3.2;
 * Blast-RADIUS, CVE-2024-3596) unless the application accepts old clients;
 * packets from unknown clients, with a wrong secret or malformed, are dropped
 * silently as RFC 2865 §3 asks — the server never crashes on them.
 */
export async function startRadiusFront(ctx: AppContext, listen: string): Promise<RadiusFront> {
  const { host, port } = parseListen(listen);
  const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  const mfa = radiusMfa(ctx);
  const store = radiusStore(ctx.db);

  /**
   * An `mfa` application's request, worked on once: a retransmission (same
   * client address and port, identifier and authenticator) that comes while
   * the work is under way — on this worker or another sharing the port — is
   * not answered (the work under way answers), one that comes after is sent
   * the same answer. No second text, notification or call is started.
   */
  async function once(
    msg: Buffer,
    rinfo: dgram.RemoteInfo,
    app: ApplicationsTable,
    work: () => Promise<Buffer>,
  ): Promise<Buffer | null> {
    const key = sha256(
      `${app.id}\n${rinfo.address}\n${rinfo.port}\n${msg[1]}\n${msg.subarray(4, 20).toString('hex')}`,
    );
    const now = ctx.clock.now();
    if (!(await store.claimRequest(key, now, now + ANSWERED_MS))) {
      const reply = await store.reply(key);
      return reply === null ? null : Buffer.from(reply, 'base64');
    }
    let reply: Buffer;
    try {
      reply = await work();
    } catch (e) {
      await store.release(key);
      throw e;
    }
    await store.answer(key, reply.toString('base64'));
    return reply;
  }

  /** Each application's shared secret, opened once per cached row. */
  const secrets = new WeakMap<ApplicationsTable, string | null>();
  const secretOf = (app: ApplicationsTable) => {
    const kept = secrets.get(app);
    if (kept !== undefined) return kept;
    const secret = radiusSecretOf(ctx, app);
    secrets.set(app, secret);
    return secret;
  };

  /**
   * A request, judged first under the cache as this process last saw it
   * (`assumed`: no read of the epoch). The answer rests on that view only once
   * it is confirmed: under the write lock for a right app password, by
   * reading the epoch again otherwise (and before a request is dropped). A
   * view that no longer holds starts the request over with a fresh one.
   */
  async function handle(msg: Buffer, rinfo: dgram.RemoteInfo): Promise<Buffer | null> {
    const frame = readFrame(msg);
    if (frame === null || frame.code !== ACCESS_REQUEST) return null;
    for (let tries = 1; ; tries++) {
      const cache = tries === 1 ? ctx.dataCache.assumed() : await ctx.dataCache.view();
      try {
        return await judge(msg, rinfo, frame, cache, tries === 1);
      } catch (e) {
        if (!(e instanceof StaleView) || tries === 3) throw e;
      }
    }
  }

  async function judge(
    msg: Buffer,
    rinfo: dgram.RemoteInfo,
    { authenticatorAt, nasIdentifier: appId }: Frame,
    cache: EpochView,
    assumed: boolean,
  ): Promise<Buffer | null> {
    /** Drops the request, once what it rests on is confirmed. */
    const drop = async (log: Record<string, unknown>, message: string) => {
      if (assumed) await ctx.dataCache.confirm(cache);
      ctx.log.warn({ client: rinfo.address, ...log }, message);
      return null;
    };
    const app = appId ? await findApp(ctx, appId, cache) : undefined;
    const secret =
      app && (JSON.parse(app.fronts) as string[]).includes('radius') ? secretOf(app) : null;
    if (!app || !secret)
      return drop({ nas: appId.slice(0, 64) }, 'RADIUS request from an unknown client dropped');
    let packet: radius.RadiusPacket;
    try {
      if (authenticatorAt >= 0 && !authentic(msg, authenticatorAt, secret)) throw new Error();
      packet = withUserPassword(radius.decode_without_secret({ packet: msg }), msg, secret);
    } catch {
      return drop(
        { nas: appId },
        'RADIUS request with a bad Message-Authenticator or secret dropped',
      );
    }
    if (authenticatorAt < 0 && app.radius_message_authenticator === 1)
      return drop({ nas: appId }, 'RADIUS request without Message-Authenticator dropped');
    if (app.radius_mode === 'mfa') {
      if (assumed) await ctx.dataCache.confirm(cache);
      const state = packet.attributes.State;
      return once(msg, rinfo, app, async () =>
        encode(
          packet,
          secret,
          await mfa.answer({
            username: String(packet.attributes['User-Name'] ?? ''),
            password: String(packet.attributes['User-Password'] ?? ''),
            state: Buffer.isBuffer(state) ? state : null,
            app,
            clientIp: rinfo.address,
          }),
        ),
      );
    }
    const result = await legacySignIn(ctx, {
      username: String(packet.attributes['User-Name'] ?? ''),
      secret: String(packet.attributes['User-Password'] ?? ''),
      appId,
      front: 'radius',
      client: { ip: rinfo.address, userAgent: null },
      cache,
    });
    return radius.encode_response({
      packet,
      code: result.ok ? 'Access-Accept' : 'Access-Reject',
      secret,
      attributes: result.ok ? [['Reply-Message', 'Welcome']] : [],
    });
  }

  socket.on('message', (msg, rinfo) => {
    handle(msg, rinfo)
      .then((reply) => {
        if (reply) socket.send(reply, rinfo.port, rinfo.address);
      })
      // No answer when busy (the hasher's queue is full) or the directory is away:
      // RADIUS clients retry, or fail over to another server. (A directory outage
      // is logged once, where it is seen.)
      .catch((e: unknown) => {
        if (!isAppError(e) || e.status !== 503)
          ctx.log.error({ err: (e as Error).message }, 'RADIUS request failed');
        else if (e.code !== 'signin_unavailable')
          ctx.log.warn({ code: e.code }, 'RADIUS request dropped: busy');
      });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.on('error', (e) => ctx.log.error({ err: e.message }, 'RADIUS socket error'));
  return {
    port: socket.address().port,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** RFC 2865 §4.1, §5.32; RFC 3579 §3.2: the codes and attribute types read before the secret is known. */
const ACCESS_REQUEST = 1;
const NAS_IDENTIFIER = 32;
const MESSAGE_AUTHENTICATOR = 80;

/**
 * What a packet says before its secret is known: its code, the first
 * NAS-Identifier ('' if none: which application's secret to use) and where
 * its Message-Authenticator value starts (-1 when it has none). Null when the
 * packet is malformed — a Length outside 20…4096 or beyond what arrived (RFC
 * 2865 §3), an attribute shorter than its own header or running past the
 * Length (§5), a Message-Authenticator not 16 octets long or not the only one
 * (RFC 3579 §3.2). The radius package reads all of these leniently.
 */
interface Frame {
  code: number;
  nasIdentifier: string;
  authenticatorAt: number;
}

function readFrame(msg: Buffer): Frame | null {
  if (msg.length < 20) return null;
  const length = msg.readUInt16BE(2);
  if (length < 20 || length > 4096 || length > msg.length) return null;
  let authenticatorAt = -1;
  let nasIdentifier: string | null = null;
  let at = 20;
  while (at < length) {
    const size = msg[at + 1];
    if (size === undefined || size < 2 || at + size > length) return null;
    if (msg[at] === MESSAGE_AUTHENTICATOR) {
      if (size !== 18 || authenticatorAt >= 0) return null;
      authenticatorAt = at + 2;
    } else if (msg[at] === NAS_IDENTIFIER && nasIdentifier === null)
      nasIdentifier = msg.toString('utf8', at + 2, at + size);
    at += size;
  }
  return { code: msg[0]!, nasIdentifier: nasIdentifier ?? '', authenticatorAt };
}

/**
 * RFC 3579 §3.2: the Message-Authenticator is HMAC-MD5, keyed by the shared
 * secret, of the packet as received (up to its Length) with the value zeroed.
 * Checked here on the bytes: the radius package compares it after encoding
 * the attributes again (so a changed attribute length passes) and as UTF-8
 * strings, in which octets that are not UTF-8 all read alike (so changed
 * authenticators pass, and sixteen 0xff octets are taken for the right one
 * about once in a few million packets, not once in 2^128).
 */
function authentic(msg: Buffer, valueAt: number, secret: string): boolean {
  const packet = Buffer.from(msg.subarray(0, msg.readUInt16BE(2)));
  packet.fill(0, valueAt, valueAt + 16);
  const expected = createHmac('md5', secret).update(packet).digest();
  return timingSafeEqual(expected, msg.subarray(valueAt, valueAt + 16));
}

/** RFC 2865 §5.2: the User-Password attribute's type. */
const USER_PASSWORD = 2;

/**
 * The packet with its User-Password read with the shared secret (RFC 2865
 * §5.2: each 16 octets XOR MD5(secret + the previous 16, the Request
 * Authenticator first), padded with NULs). The radius package would read it
 * too, but with a secret it also checks the Message-Authenticator by encoding
 * the whole packet again, which `authentic` has checked on the bytes already:
 * that cost more than the rest of a RADIUS request's decoding. A field of the
 * wrong size throws: the packet is dropped.
 */
function withUserPassword(
  packet: radius.RadiusPacket,
  msg: Buffer,
  secret: string,
): radius.RadiusPacket {
  const raw = packet.raw_attributes?.find(([type]) => type === USER_PASSWORD)?.[1] as
    | Buffer
    | undefined;
  if (!raw) return packet;
  if (raw.length < 16 || raw.length > 128 || raw.length % 16 !== 0)
    throw new Error('User-Password of a wrong size');
  const plain = Buffer.alloc(raw.length);
  let previous = msg.subarray(4, 20); // the Request Authenticator
  for (let i = 0; i < raw.length; i += 16) {
    const pad = createHash('md5').update(secret).update(previous).digest();
    for (let j = 0; j < 16; j++) plain[i + j] = raw[i + j]! ^ pad[j]!;
    previous = raw.subarray(i, i + 16);
  }
  const end = plain.indexOf(0);
  packet.attributes['User-Password'] = plain.toString('utf8', 0, end < 0 ? plain.length : end);
  return packet;
}

/** The reply to a request in `mfa` mode (RFC 2865 §4.4: a challenge carries State and Reply-Message). */
function encode(packet: radius.RadiusPacket, secret: string, a: RadiusAnswer): Buffer {
  const attributes: [string, string | number | Buffer][] =
    a.code === 'Access-Challenge'
      ? [
          ['State', a.state],
          ['Reply-Message', a.message],
          // RFC 2869 §5.10: the code may be shown as typed. RFC 2865 §5.27: how long the client waits for it.
          ['Prompt', 'Echo'],
          ['Session-Timeout', a.timeoutSeconds],
        ]
      : a.code === 'Access-Accept'
        ? [['Reply-Message', 'Welcome']]
        : [];
  return radius.encode_response({ packet, code: a.code, secret, attributes });
}
