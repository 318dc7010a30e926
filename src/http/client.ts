import type { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ClientInfo } from '../flows/signin.ts';
import { acceptLanguage, negotiate } from '../i18n/index.ts';
import { canonicalIp, ipRanges, parseCidrList } from '../net/cidr.ts';
import type { HttpEnv } from './env.ts';

/**
 * The client's address and user agent. The address decides trusted IPs (the
 * second factor skipped), and is what the sign-in log, audit records and
 * per-address limits see.
 */
export function clientInfo(c: Context): ClientInfo {
  let socket: string | null = null;
  try {
    socket = getConnInfo(c).remote.address ?? null;
  } catch {
    // In-process requests (tests) have no socket.
  }
  const proxies = (c as unknown as Context<HttpEnv>).var.ctx?.config.trustedProxies ?? '';
  return clientInfoOf(socket, (name) => c.req.header(name), proxies);
}

/** `clientInfo` from the connection's address and the request's headers (by lower-case name). */
export function clientInfoOf(
  socket: string | null,
  header: (name: string) => string | undefined,
  proxies: string,
): ClientInfo {
  const languages = acceptLanguage(header('accept-language'));
  return {
    ip: clientAddress(socket, header('x-forwarded-for'), trustedProxies(proxies)),
    userAgent: header('user-agent')?.slice(0, 512) ?? null,
    ...(languages.length ? { language: negotiate(languages) } : {}),
  };
}

/** `clientInfo` of a request Node hands over before the web app sees it (the listeners, oidc-provider's pages). */
export const clientInfoOfRequest = (req: IncomingMessage, proxies: string): ClientInfo =>
  clientInfoOf(
    req.socket.remoteAddress ?? null,
    (name) => req.headersDistinct[name]?.join(', '),
    proxies,
  );

/**
 * Who the client is, given the connection's address and X-Forwarded-For (the
 * Fetch API joins repeated headers with ", ", in order).
 *
 * X-Forwarded-For is only read when the connection comes from a trusted
 * proxy; anyone else can write anything in it. Each proxy appends the address
 * it was connected from, so the header is walked from the right, past
 * addresses that are themselves trusted proxies, and the first other address is
 * the client. What lies left of it was written by the client and is not read.
 * An element on that walk that is not an address (garbage, empty, "unknown",
 * an obfuscated RFC 7239 name, too long) stops the walk: the client is then
 * the proxy itself, never an address taken from a header we could not read.
 * Ports are accepted and dropped (`192.0.2.1:5678`, `[2001:db8::1]:443`), as
 * some load balancers send them. When every element is a trusted proxy, the
 * left-most (furthest) one is the client.
 *
 * RFC 7239 `Forwarded` is not read: trusting two headers invites a client to
 * write the one the proxy does not overwrite.
 */
export function clientAddress(
  socket: string | null,
  forwardedFor: string | undefined,
  isTrustedProxy: (ip: string) => boolean,
): string | null {
  if (socket === null) return null;
  // An unreadable socket address is kept for the record but trusted for nothing.
  const peer = canonicalIp(socket) ?? socket;
  if (forwardedFor === undefined || !isTrustedProxy(peer)) return peer;
  const hops = forwardedFor.split(',');
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hopAddress(hops[i]!);
    if (hop === null) return peer;
    client = hop;
    if (!isTrustedProxy(hop)) break;
  }
  return client;
}

const loopback = ipRanges(['127.0.0.0/8', '::1/128']);

/**
 * Whether the request comes from this machine: the connection is from
 * loopback, and either no proxy speaks for it or a trusted proxy says its
 * client is on loopback too. A proxy on this machine that is not listed in
 * PORTCULLIS_TRUSTED_PROXIES connects from loopback whoever its client is; the
 * forwarding headers it adds give it away, and then the request is not local.
 * A header sent from elsewhere never makes a request local: the connection's
 * address is read first.
 */
export function fromLoopback(c: Context): boolean {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  if (!socket || !loopback(socket)) return false;
  const forwardedFor = c.req.header('x-forwarded-for');
  const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some(
    (h) => c.req.header(h) !== undefined,
  );
  if (!proxied) return true;
  const proxies = trustedProxies(
    (c as unknown as Context<HttpEnv>).var.ctx?.config.trustedProxies ?? '',
  );
  if (forwardedFor === undefined || !proxies(canonicalIp(socket) ?? socket)) return false;
  return loopback(clientAddress(socket, forwardedFor, proxies));
}

/** Longest element read: `[` + the longest IPv6 text (45) + `]:65535`. */
const MAX_ELEMENT = 53;

/** One X-Forwarded-For element as a canonical address, or null when it is not one. */
function hopAddress(element: string): string | null {
  const s = element.trim();
  if (s.length > MAX_ELEMENT) return null;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(s);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(s);
  const address = bracketed?.[1] ?? withPort?.[1] ?? s;
  const port = bracketed?.[2] ?? withPort?.[2];
  if (port !== undefined && Number(port) > 65535) return null;
  if (!/^[0-9A-Fa-f:.]+$/.test(address)) return null;
  // Brackets are for IPv6 (RFC 3986 IP-literal), whose text always has a colon.
  if (bracketed && !address.includes(':')) return null;
  return canonicalIp(address);
}

let proxiesMemo: { list: string; match: (ip: string) => boolean } | undefined;

/** The matcher for PORTCULLIS_TRUSTED_PROXIES, built once (configuration does not change). */
function trustedProxies(list: string): (ip: string) => boolean {
  if (proxiesMemo?.list !== list)
    proxiesMemo = { list, match: ipRanges(parseCidrList(list).ranges) };
  return proxiesMemo.match;
}
