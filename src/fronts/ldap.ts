// The LDAP simple-bind front for legacy programs (mail servers, wikis, NAS):
// bind with an app password (or the account password where the MFA state
// allows), then read your own entry or ask "who am I?" (RFC 4532).
import ldap from 'ldapjs';
import type { AppContext } from '../context.ts';
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

export async function startLdapFront(
  ctx: AppContext,
  listen: string,
  baseDn: string,
): Promise<LdapFront> {
  const { host, port } = parseListen(listen);
  const server = ldap.createServer();
  const bound = new WeakMap<object, { upn: string; dn: string }>();

  // Every bind, whatever its DN (ldapjs routes by suffix; '' catches all).
  server.bind(
    '',
    handler((req, res, next) => {
      const dn = req.dn.toString();
      const password = String(req.credentials ?? '');
      const who = parseBindDn(dn, baseDn);
      // Anonymous and unauthenticated binds (RFC 4513 §5.1.2) are refused.
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
          ctx.log.error({ err: (e as Error).message }, 'LDAP bind failed');
          next(new ldap.UnavailableError());
        });
    }),
  );

  server.exop(
    WHOAMI_OID,
    handler((req, res, next) => {
      const me = bound.get(req.connection);
      res.responseValue = me ? `dn:${me.dn}` : '';
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

  await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
  // ldapjs wraps a net.Server; its port is the bound one (0 picks a free port).
  const address = (
    server as unknown as { server: { address(): { port: number } } }
  ).server.address();
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
