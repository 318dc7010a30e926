import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ClientInfo } from '../flows/signin.ts';

/** The client's address and user agent. (Trusted-proxy handling comes with trusted IPs.) */
export function clientInfo(c: Context): ClientInfo {
  let ip: string | null = null;
  try {
    ip = getConnInfo(c).remote.address ?? null;
  } catch {
    // In-process requests (tests) have no socket.
  }
  return { ip, userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null };
}
