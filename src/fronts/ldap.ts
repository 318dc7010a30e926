// The LDAP simple-bind front for legacy programs (mail servers, wikis, NAS):
// bind with an app password (or the account password where the MFA state
// allows), then read your own entry or ask "who am I?" (RFC 4532).

import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import ldap from 'ldapjs';
import type { AppContext } from '../context.ts';
import { isAppError } from '../errors.ts';
import { legacySignIn } from '../flows/legacy.ts';
import { parseListen } from './radius.ts';

// ldapjs's own types lag behind its v3 objects; what the handlers use, declared here.
interface LdapRequest {
  dn: { toString(): string };
  credentials?: unknown;
  scopeName?: string;
  connection: { remoteAddress?: string };
}
interface LdapResponse {
  end(): void;
  send(entry: unknown): void;
  responseValue?: string;
}
type Next = (e?: unknown) => void;
type Handler = (req: LdapRequest, res: LdapResponse, next: Next) => void;
const handler = (h: Handler) => h as never;

export interface LdapFront {
  port: number;
  close(): Promise<void>;
}

/** RFC 4532 "Who am I?" extended operation. */
const WHOAMI_OID = '1.3.6.1.4.1.4203.1.11.3';

/** Splits a DN into lowercase-keyed RDN pairs (values keep their case; escapes undone). */
function rdns(dn: string): { key: string; value: string }[] {
  return dn
    .split(/(?<!\\),/)
    .map((part) => {
      const eq = part.indexOf('=');
      return {
        key: part.slice(0, eq).trim().toLowerCase(),
        value: part
          .slice(eq + 1)
          .trim()
          .replace(/\\(.)/g, '$1'),
      };
    })
    .filter((r) => r.key);
}

/**
 * Who and for which application a bind DN speaks:
 * `uid=<upn>,ou=people,o=<application id>,<base DN>` names the application (so
 * a scoped app password works only through its own application's DN);
 * `uid=<upn>,ou=people,<base DN>` names none (unscoped app passwords only, and
 * the account password where the state allows).
 */
export function parseBindDn(
  dn: string,
  baseDn: string,
): { upn: string; appId: string | null } | null {
  const parts = rdns(dn);
  const base = rdns(baseDn);
  if (parts.length < base.length + 2) return null;
  const tail = parts.slice(parts.length - base.length);
  if (
    !tail.every(
      (r, i) => r.key === base[i]!.key && r.value.toLowerCase() === base[i]!.value.toLowerCase(),
    )
  )
    return null;
  const head = parts.slice(0, parts.length - base.length);
  const [uid, people, org, ...rest] = head;
  if (
    uid?.key !== 'uid' ||
    people?.key !== 'ou' ||
    people.value.toLowerCase() !== 'people' ||
    rest.length
  )
    return null;
  if (org && org.key !== 'o') return null;
  return { upn: uid.value, appId: org?.value ?? null };
}

/** Escapes an attribute value for a DN string (RFC 4514 §2.4). */
const escapeDnValue = (v: string) =>
  v
    .replace(/[,+"\\<>;=]/g, '\\$&')
    .replace(/^[ #]/, '\\$&')
    .replace(/ $/, '\\ ');

// What ldapjs's parser hands on; a bind's name is read-only, so a bare UPN
// (which ldapjs would refuse as invalidDNSyntax before any handler runs) is
// replaced by an equivalent bind request naming the user's DN.
interface ParsedMessage {
  protocolOp: number;
  messageId: number;
  name?: unknown;
  credentials?: unknown;
  version?: number;
  controls?: unknown[];
  /** Set by ldapjs's parser on each message; its responses log through it. */
  log?: unknown;
  constructor: new (options: Record<string, unknown>) => ParsedMessage;
}
const LDAP_REQ_BIND = 0x60;
const LDAP_REQ_UNBIND = 0x42;
const LDAP_REQ_ABANDON = 0x50;

function bareUpnAsDn(req: ParsedMessage, baseDn: string): ParsedMessage {
  if (req.protocolOp !== LDAP_REQ_BIND || typeof req.name !== 'string') return req;
  const name = req.name.trim();
  if (!name || name.includes('=') || !name.includes('@')) return req;
  const named = new req.constructor({
    messageId: req.messageId,
    name: `uid=${escapeDnValue(name)},ou=people,${baseDn}`,
    credentials: req.credentials,
    version: req.version,
    controls: req.controls,
  });
  named.log = req.log;
  return named;
}

interface LdapParser {
  emit(event: string, ...args: unknown[]): boolean;
  write(data: Buffer): unknown;
  buffer?: Buffer | null;
}

/** No bind, search or who-am-I request comes near this; more is someone filling our memory. */
const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * ldapjs (archived upstream) asserts on some malformed BER and would buffer a
 * claimed 4 GiB message: each connection's parser is wrapped so bad input
 * closes that connection, never the server. Bare-UPN binds are rewritten here.
 */
function guardParser(conn: Socket & { parser: LdapParser }, baseDn: string, ctx: AppContext) {
  const parser = conn.parser;
  const write = parser.write.bind(parser);
  const emit = parser.emit.bind(parser);
  parser.write = (data: Buffer) => {
    try {
      write(data);
      if ((parser.buffer?.length ?? 0) > MAX_MESSAGE_BYTES) throw new Error('message too large');
    } catch (e) {
      ctx.log.warn(
        { client: conn.remoteAddress, err: (e as Error).message },
        'LDAP: malformed request, connection closed',
      );
      conn.destroy();
    }
  };
  parser.emit = (event, ...args) =>
    event === 'message'
      ? emit(event, bareUpnAsDn(args[0] as ParsedMessage, baseDn))
      : emit(event, ...args);
}

/** What ldapjs routes a request by (its parsed message, with the connection added). */
interface RoutedRequest {
  protocolOp: number;
  dn: { toString(): string };
  credentials?: unknown;
  connection: object;
}
interface HandlerChain {
  backend: unknown;
  handlers: Handler[];
}
const refuseWith = (e: () => unknown): HandlerChain => ({
  backend: null,
  handlers: [handler((_req, _res, next) => next(e()))],
});

/**
 * Portcullis serves no one anonymously. RFC 4513 lets a server allow
 * anonymous binds (§5.1.1) and unauthenticated ones, a name without a password
 * (§5.1.2); ldapjs answers an empty-name, empty-password bind with success
 * itself, before any handler, and hands any operation on a connection that
 * never bound to its handler. So every request's handler chain is chosen here
 * first: a bind without a name or without a password, and any operation but
 * bind, unbind and abandon before a successful bind, get
 * inappropriateAuthentication (48), as OpenLDAP's `disallow bind_anon` and
 * `require authc` answer. A bind first forgets the connection's identity
 * (RFC 4511 §4.2.1: a failed bind leaves the connection anonymous).
 */
function requireBind(server: ldap.Server, bound: WeakMap<object, unknown>) {
  const internals = server as unknown as { _getHandlerChain(req: RoutedRequest): HandlerChain };
  const route = internals._getHandlerChain.bind(server);
  internals._getHandlerChain = (req) => {
    if (req.protocolOp === LDAP_REQ_BIND) {
      bound.delete(req.connection);
      if (!req.dn.toString() || !String(req.credentials ?? ''))
        return refuseWith(
          () =>
            new ldap.InappropriateAuthenticationError(
              'Anonymous and unauthenticated binds are not allowed: bind with a name and a password.',
            ),
        );
    } else if (
      req.protocolOp !== LDAP_REQ_UNBIND &&
      req.protocolOp !== LDAP_REQ_ABANDON &&
      !bound.has(req.connection)
    ) {
      return refuseWith(
        () => new ldap.InappropriateAuthenticationError('Bind with a name and a password first.'),
      );
    }
    return route(req);
  };
}

export interface LdapFrontOptions {
  listen: string;
  baseDn: string;
  /** PEM files; when given, the front speaks LDAPS. */
  tls?: { certFile: string; keyFile: string };
}

function readTls(tls: NonNullable<LdapFrontOptions['tls']>) {
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (e) {
      throw new Error(
        `Cannot read the LDAP TLS ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  };
  return { certificate: read(tls.certFile, 'certificate'), key: read(tls.keyFile, 'key') };
}

export async function startLdapFront(ctx: AppContext, o: LdapFrontOptions): Promise<LdapFront> {
  const { host, port } = parseListen(o.listen);
  const baseDn = o.baseDn;
  const server = ldap.createServer({
    ...(o.tls ? readTls(o.tls) : {}),
    connectionRouter: (conn: Socket) => {
      (server as unknown as { newConnection(c: Socket): void }).newConnection(conn);
      guardParser(conn as Socket & { parser: LdapParser }, baseDn, ctx);
    },
  } as never);
  const bound = new WeakMap<object, { upn: string; dn: string }>();
  requireBind(server, bound);

  // Every bind, whatever its DN (ldapjs routes by suffix; '' catches all).
  server.bind(
    '',
    handler((req, res, next) => {
      const dn = req.dn.toString();
      const password = String(req.credentials ?? '');
      const who = parseBindDn(dn, baseDn);
      // Binds without a name or a password never get here (requireBind).
      if (!who || !password) return next(new ldap.InvalidCredentialsError());
      const conn = req.connection;
      legacySignIn(ctx, {
        username: who.upn,
        secret: password,
        appId: who.appId,
        front: 'ldap',
        client: { ip: conn.remoteAddress ?? null, userAgent: null },
      })
        .then((result) => {
          if (!result.ok) return next(new ldap.InvalidCredentialsError());
          bound.set(conn, { upn: result.user.upn, dn });
          res.end();
          return next();
        })
        .catch((e: unknown) => {
          // Busy (the password hasher's queue is full), the database or the directory
          // down: the client is told "busy" or "unavailable" and may retry; only the
          // unexpected is an error. (A directory outage is logged once, where it is seen.)
          const later = isAppError(e) && e.status === 503;
          const away = later && e.code === 'signin_unavailable';
          if (later && !away) ctx.log.warn({ code: e.code }, 'LDAP bind refused: busy');
          else if (!later) ctx.log.error({ err: (e as Error).message }, 'LDAP bind failed');
          try {
            next(later && !away ? new ldap.BusyError() : new ldap.UnavailableError());
          } catch {
            (conn as { destroy?: () => void }).destroy?.();
          }
        });
    }),
  );

  server.exop(
    WHOAMI_OID,
    handler((req, res, next) => {
      // Only a bound connection gets here (requireBind): never the anonymous answer ''.
      const me = bound.get(req.connection);
      if (!me) return next(new ldap.InappropriateAuthenticationError());
      res.responseValue = `dn:${me.dn}`;
      res.end();
      return next();
    }),
  );

  // A bound user may read their own entry (base scope), nothing else.
  server.search(
    baseDn,
    handler((req, res, next) => {
      const me = bound.get(req.connection);
      if (!me) return next(new ldap.InsufficientAccessRightsError());
      const target = parseBindDn(req.dn.toString(), baseDn);
      if (
        req.scopeName !== 'base' ||
        !target ||
        target.upn.toLowerCase() !== me.upn.toLowerCase()
      ) {
        res.end();
        return next();
      }
      ctx.stores.users
        .findByUpn(me.upn)
        .then((user) => {
          if (user && !user.blocked) {
            res.send({
              dn: req.dn.toString(),
              attributes: {
                objectClass: ['inetOrgPerson'],
                uid: user.upn,
                mail: user.upn,
                cn: user.display_name,
                displayName: user.display_name,
              },
            });
          }
          res.end();
          next();
        })
        .catch(() => next(new ldap.UnavailableError()));
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // From here on, parser and connection errors are per connection; ldapjs re-emits them here.
  server.on('error', (e: Error) => ctx.log.warn({ err: e.message }, 'LDAP: client error'));
  server.on('clientError', (e: Error) =>
    ctx.log.debug({ err: e.message }, 'LDAP: connection error'),
  );
  // ldapjs wraps a net.Server; its port is the bound one (0 picks a free port).
  const address = (
    server as unknown as { server: { address(): { port: number } } }
  ).server.address();
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
