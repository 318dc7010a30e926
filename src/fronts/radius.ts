// The RADIUS front (RFC 2865, PAP) for VPNs and other NAS: each RADIUS client
// is a legacy application, named by the request's NAS-Identifier and holding
// its own shared secret.

import dgram from 'node:dgram';
import radius from 'radius';
import type { AppContext } from '../context.ts';
import { isAppError } from '../errors.ts';
import { legacySignIn } from '../flows/legacy.ts';
import { findApp, radiusSecretOf } from '../services/applications.ts';
import { parseListen } from './listen.ts';

export interface RadiusFront {
  port: number;
  close(): Promise<void>;
}

/**
 * Answers Access-Requests: Access-Accept when the user and app password (or
 * the account password where the MFA state allows) are good for the
 * application, Access-Reject otherwise. Requests must carry a valid
 * Message-Authenticator (RFC 3579 §3.2; Blast-RADIUS, CVE-2024-3596); packets
 * from unknown clients, with a wrong secret or malformed, are dropped silently
 * as RFC 2865 §3 asks — the server never crashes on them.
 */
export async function startRadiusFront(ctx: AppContext, listen: string): Promise<RadiusFront> {
  const { host, port } = parseListen(listen);
  const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');

  async function handle(msg: Buffer, rinfo: dgram.RemoteInfo): Promise<Buffer | null> {
    let bare: radius.RadiusPacket;
    try {
      bare = radius.decode_without_secret({ packet: msg });
    } catch {
      return null;
    }
    if (bare.code !== 'Access-Request') return null;
    const appId = String(bare.attributes['NAS-Identifier'] ?? '');
    const app = appId ? await findApp(ctx, appId) : undefined;
    const secret =
      app && (JSON.parse(app.fronts) as string[]).includes('radius')
        ? radiusSecretOf(ctx, app)
        : null;
    if (!app || !secret) {
      ctx.log.warn(
        { client: rinfo.address, nas: appId.slice(0, 64) },
        'RADIUS request from an unknown client dropped',
      );
      return null;
    }
    let packet: radius.RadiusPacket;
    try {
      packet = radius.decode({ packet: msg, secret });
    } catch {
      ctx.log.warn(
        { client: rinfo.address, nas: appId },
        'RADIUS request with a bad Message-Authenticator or secret dropped',
      );
      return null;
    }
    if (packet.attributes['Message-Authenticator'] === undefined) {
      ctx.log.warn(
        { client: rinfo.address, nas: appId },
        'RADIUS request without Message-Authenticator dropped',
      );
      return null;
    }
    const result = await legacySignIn(ctx, {
      username: String(packet.attributes['User-Name'] ?? ''),
      secret: String(packet.attributes['User-Password'] ?? ''),
      appId,
      front: 'radius',
      client: { ip: rinfo.address, userAgent: null },
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
