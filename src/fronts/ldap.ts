// The LDAP simple-bind front for legacy programs (mail servers, wikis, NAS):
// bind with an app password (or the account password where the MFA state
// allows), then read your own entry, compare against it, or ask "who am I?"
// (RFC 4532). An application's service account (`cn=service,o=<application
// id>,<base DN>`) binds to search for its users first (search-then-bind; what
// it reads is ./ldap-directory.ts). This file judges — who may bind, what a
// bound user may read — and the protocol (BER, connections, StartTLS) is in ./ldap/.

import { readFileSync } from 'node:fs';
import type { AppContext } from '../context.ts';
import { isAppError } from '../errors.ts';
import { legacySignIn } from '../flows/legacy.ts';
import { limiter, limitKeys } from '../flows/limits.ts';
import { refusalReason } from '../flows/proofs.ts';
import { findApp } from '../services/applications.ts';
import { isLdapServiceSecret } from '../services/ldap-service-accounts.ts';
import { printable } from '../services/validation.ts';
import { type LdapResult, ResultCode } from './ldap/ber.ts';
import {
  type Dn,
  DnSyntaxError,
  escapeDnValue,
  formatDn,
  isWithin,
  parseDn,
  rdnEquals,
} from './ldap/dn.ts';
import type { LdapEntry } from './ldap/filter.ts';
import {
  type DEFAULT_LIMITS,
  type LdapHandlers,
  type LdapListener,
  type LdapSession,
  STARTTLS_OID,
  startLdapServer,
} from './ldap/server.ts';
import { serviceDirectory } from './ldap-directory.ts';
import { parseListen } from './listen.ts';

export interface LdapFront {
  /** The first listener's port (0 in the configuration picks a free one). */
  port: number;
  listeners: { port: number; scheme: 'ldap' | 'ldaps'; startTls: boolean }[];
  close(): Promise<void>;
}

/** Who bound on a connection: a user, or an application's service account. */
type Bound =
  | {
      kind: 'user';
      upn: string;
      /** The DN they bound as, written out again (or the DN a bare UPN stands for). */
      dn: string;
    }
  | {
      kind: 'service';
      appId: string;
      dn: string;
      /** The secret's hash at bind time: a new secret (or none) ends what this bind allowed. */
      hash: string;
    };

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
  let parts: Dn;
  let base: Dn;
  try {
    parts = parseDn(dn);
    base = parseDn(baseDn);
  } catch {
    return null;
  }
  return namesUser(parts, base);
}

function namesUser(parts: Dn, base: Dn): { upn: string; appId: string | null } | null {
  if (parts.length < base.length + 2 || !isWithin(parts, base)) return null;
  const head = parts.slice(0, parts.length - base.length);
  const [uid, people, org, ...rest] = head.map((rdn) => (rdn.length === 1 ? rdn[0]! : null));
  if (head.length > 3 || rest.length || !uid || !people) return null;
  if (uid.type.toLowerCase() !== 'uid') return null;
  if (!rdnEquals(head[1]!, [{ type: 'ou', value: 'people' }])) return null;
  if (head.length === 3 && org?.type.toLowerCase() !== 'o') return null;
  return { upn: uid.value, appId: org?.value ?? null };
}

/** The application a service account's DN (`cn=service,o=<application id>,<base DN>`) names. */
function namesService(parts: Dn, base: Dn): string | null {
  if (parts.length !== base.length + 2 || !isWithin(parts, base)) return null;
  const [cn, org] = parts;
  if (!rdnEquals(cn!, [{ type: 'cn', value: 'service' }])) return null;
  if (org!.length !== 1 || org![0]!.type.toLowerCase() !== 'o') return null;
  return org![0]!.value;
}

export interface LdapFrontOptions {
  /**
   * Where to listen: one or more of `ldap://host:port` (plain; StartTLS when a
   * certificate is given), `ldaps://host:port` (TLS from the first byte), or
   * `host:port` (LDAPS when a certificate is given, else plain: the meaning
   * it has always had), separated by spaces or commas.
   */
  listen: string;
  baseDn: string;
  /** PEM files. */
  tls?: { certFile: string; keyFile: string };
  /** Refuse binds on a connection without TLS (confidentialityRequired, RFC 4513 §3). */
  requireTls?: boolean;
  limits?: Partial<typeof DEFAULT_LIMITS>;
}

/** The listeners a PORTCULLIS_LDAP_LISTEN value names. */
export function parseLdapListen(value: string, hasCertificate: boolean): LdapListener[] {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const m = /^(ldaps?):\/\/(.*?)\/?$/i.exec(item);
      const scheme = m
        ? (m[1]!.toLowerCase() as 'ldap' | 'ldaps')
        : hasCertificate
          ? 'ldaps'
          : 'ldap';
      return { ...parseListen(m ? m[2]! : item), scheme };
    });
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
  return { cert: read(tls.certFile, 'certificate'), key: read(tls.keyFile, 'key') };
}

type BindName =
  | 'syntax'
  | { service: string; dn: string }
  | { who: { upn: string; appId: string | null } | null; dn: string };
/** At most this many names are kept, none longer than this (a client chooses them). */
const BIND_NAMES_KEPT = 10_000;
const BIND_NAME_KEPT_CHARS = 512;

/** A bind name read: a bare UPN is the DN without an application. */
function readBindName(name: string, base: Dn, baseDn: string): BindName {
  if (!name.includes('=') && name.includes('@'))
    return {
      who: { upn: name, appId: null },
      dn: `uid=${escapeDnValue(name)},ou=people,${baseDn}`,
    };
  let parsed: Dn;
  try {
    parsed = parseDn(name);
  } catch (e) {
    if (e instanceof DnSyntaxError) return 'syntax';
    throw e;
  }
  const service = namesService(parsed, base);
  if (service !== null) return { service, dn: formatDn(parsed) };
  return { who: namesUser(parsed, base), dn: formatDn(parsed) };
}

const refuse = (code: number, message?: string): LdapResult => ({
  code,
  ...(message ? { message } : {}),
});

/**
 * The judging of the LDAP front. Portcullis serves no one anonymously: RFC
 * 4513 lets a server allow anonymous binds (§5.1.1) and unauthenticated ones,
 * a name without a password (§5.1.2); here both, and any operation but bind,
 * unbind, abandon and StartTLS before a successful bind, get
 * inappropriateAuthentication (48), as OpenLDAP's `disallow bind_anon` and
 * `require authc` answer. A bind first forgets the connection's identity
 * (RFC 4511 §4.2.1: a failed bind leaves the connection anonymous).
 */
export function ldapHandlers(
  ctx: AppContext,
  o: { baseDn: string; requireTls: boolean },
): LdapHandlers<Bound> {
  const base = parseDn(o.baseDn);
  /**
   * What a bind name says (./dn.ts, namesService, namesUser): the same few
   * names bind over and over (every mail client of a user, every service
   * account), so each is read once — a pure function of the name.
   */
  const bindNames = new Map<string, BindName>();
  const bindName = (name: string): BindName => {
    let named = bindNames.get(name);
    if (named) return named;
    named = readBindName(name, base, o.baseDn);
    if (name.length > BIND_NAME_KEPT_CHARS) return named;
    if (bindNames.size >= BIND_NAMES_KEPT) bindNames.delete(bindNames.keys().next().value!);
    bindNames.set(name, named);
    return named;
  };

  /** The user's entry, as far as a bound user may read it (null: blocked or gone). */
  async function ownEntry(upn: string, dn: string): Promise<LdapEntry | null> {
    const user = await ctx.stores.users.findByUpn(upn);
    if (!user || user.blocked) return null;
    return {
      dn,
      attributes: {
        objectClass: ['inetOrgPerson'],
        uid: [user.upn],
        mail: [user.upn],
        cn: [user.display_name],
        displayName: [user.display_name],
      },
    };
  }

  /** The DN names the bound user (in any of its forms: with or without an application). */
  const isSelf = (me: { upn: string }, dn: Dn) =>
    namesUser(dn, base)?.upn.toLowerCase() === me.upn.toLowerCase();

  const unavailable = (e: unknown): LdapResult => {
    // Busy (the password hasher's queue is full), the database or the directory
    // down: the client is told "busy" or "unavailable" and may retry; only the
    // unexpected is an error. (A directory outage is logged once, where it is seen.)
    const later = isAppError(e) && e.status === 503;
    const away = later && e.code === 'signin_unavailable';
    if (later && !away) ctx.log.warn({ reason: e.code }, 'LDAP bind refused: busy');
    else if (!later) ctx.log.error({ err: (e as Error).message }, 'LDAP bind failed');
    return refuse(later && !away ? ResultCode.busy : ResultCode.unavailable);
  };

  /**
   * A bind as an application's service account: no user signs in (nothing in
   * the sign-in log), but a wrong secret is a guess like any other: reserved
   * under the limits before it is judged, and logged.
   */
  async function serviceBind(
    session: LdapSession<Bound>,
    appId: string,
    secret: string,
    dn: string,
  ): Promise<LdapResult> {
    const ip = session.remoteAddress;
    const id = printable(appId).slice(0, 64);
    const r = await limiter(ctx).reserve([
      limitKeys.ldapService(id, ip),
      limitKeys.legacyAddress(ip),
    ]);
    if (!r.ok) {
      ctx.log.warn(
        { application: id, client: ip, reason: refusalReason(r, 'passwords') },
        'LDAP service-account bind refused',
      );
      return refuse(ResultCode.invalidCredentials);
    }
    try {
      const app = await findApp(ctx, id);
      const reason = !app
        ? 'unknown application'
        : !(JSON.parse(app.fronts) as string[]).includes('ldap')
          ? 'the application may not use the ldap front'
          : !app.ldap_service_hash
            ? 'the application has no LDAP service account'
            : null;
      // The secret is compared even when the answer is known, so a refusal takes as long.
      const right = isLdapServiceSecret(ctx, app ?? { id, ldap_service_hash: null }, secret);
      if (reason || !right || !app?.ldap_service_hash) {
        await r.wrong();
        ctx.log.warn(
          { application: id, client: ip, reason: reason ?? 'wrong service-account secret' },
          'LDAP service-account bind refused',
        );
        return refuse(ResultCode.invalidCredentials);
      }
      await r.right();
      session.bound = { kind: 'service', appId: app.id, dn, hash: app.ldap_service_hash };
      return refuse(ResultCode.success);
    } catch (e) {
      await r.void();
      return unavailable(e);
    }
  }

  /** The directory a bound service account reads, or a refusal once its secret changed. */
  async function directoryOf(me: Extract<Bound, { kind: 'service' }>) {
    const app = await findApp(ctx, me.appId);
    if (!app || app.ldap_service_hash !== me.hash || !JSON.parse(app.fronts).includes('ldap'))
      return refuse(
        ResultCode.insufficientAccessRights,
        'The service account has changed or is gone: bind again.',
      );
    return serviceDirectory(ctx, app, o.baseDn);
  }

  return {
    admit(session, request) {
      if (request.op === 'bind') return null;
      if (request.op === 'extended' && request.oid === STARTTLS_OID) return null;
      if (!session.bound)
        return refuse(
          ResultCode.inappropriateAuthentication,
          'Bind with a name and a password first.',
        );
      return null;
    },

    async bind(session, request) {
      session.bound = null;
      if (request.auth.kind !== 'simple')
        return refuse(ResultCode.authMethodNotSupported, 'Only simple binds are supported.');
      if (o.requireTls && !session.tls)
        return refuse(
          ResultCode.confidentialityRequired,
          'Use StartTLS (or LDAPS) before binding.',
        );
      const name = request.name.trim();
      const password = request.auth.password.toString('utf8');
      if (!name || !password)
        return refuse(
          ResultCode.inappropriateAuthentication,
          'Anonymous and unauthenticated binds are not allowed: bind with a name and a password.',
        );
      const named = bindName(name);
      if (named === 'syntax') return refuse(ResultCode.invalidDNSyntax);
      if ('service' in named) return serviceBind(session, named.service, password, named.dn);
      const { who, dn } = named;
      if (!who) return refuse(ResultCode.invalidCredentials);
      try {
        const result = await legacySignIn(ctx, {
          username: who.upn,
          secret: password,
          appId: who.appId,
          front: 'ldap',
          client: { ip: session.remoteAddress, userAgent: null },
        });
        if (!result.ok) return refuse(ResultCode.invalidCredentials);
        session.bound = { kind: 'user', upn: result.user.upn, dn };
        return refuse(ResultCode.success);
      } catch (e) {
        return unavailable(e);
      }
    },

    whoAmI(session) {
      // Only a bound connection gets here (admit): never the anonymous answer ''.
      const me = session.bound;
      return me ? { authzId: `dn:${me.dn}` } : refuse(ResultCode.inappropriateAuthentication);
    },

    // A bound user may read their own entry, nothing else: under any of its DNs
    // with base scope (as the entry named so), and at the DN they bound as
    // within a one-level or subtree search.
    async search(session, request) {
      const me = session.bound!;
      if (me.kind === 'service') {
        try {
          const directory = await directoryOf(me);
          return 'search' in directory ? await directory.search(request) : directory;
        } catch (e) {
          ctx.log.error({ err: (e as Error).message }, 'LDAP search failed');
          return refuse(ResultCode.unavailable);
        }
      }
      let target: Dn;
      try {
        target = parseDn(request.base);
      } catch {
        return refuse(ResultCode.invalidDNSyntax);
      }
      if (!isWithin(target, base)) return refuse(ResultCode.noSuchObject);
      let dn: string;
      if (request.scope === 0) {
        if (!isSelf(me, target)) return { entries: [] };
        dn = request.base;
      } else {
        // RFC 4511 §4.5.1.2 singleLevel; wholeSubtree; subordinateSubtree (RFC 4512 draft, 3).
        const mine = parseDn(me.dn);
        const below = mine.length - target.length;
        const inScope =
          isWithin(mine, target) &&
          (request.scope === 1 ? below === 1 : request.scope === 3 ? below > 0 : true);
        if (!inScope) return { entries: [] };
        dn = me.dn;
      }
      try {
        const entry = await ownEntry(me.upn, dn);
        return { entries: entry ? [entry] : [] };
      } catch (e) {
        ctx.log.error({ err: (e as Error).message }, 'LDAP search failed');
        return refuse(ResultCode.unavailable);
      }
    },

    async read(session, dn) {
      const me = session.bound!;
      if (me.kind === 'service') {
        try {
          const directory = await directoryOf(me);
          return 'read' in directory ? await directory.read(dn) : directory;
        } catch (e) {
          ctx.log.error({ err: (e as Error).message }, 'LDAP compare failed');
          return refuse(ResultCode.unavailable);
        }
      }
      let target: Dn;
      try {
        target = parseDn(dn);
      } catch {
        return refuse(ResultCode.invalidDNSyntax);
      }
      if (!isWithin(target, base)) return refuse(ResultCode.noSuchObject);
      if (!isSelf(me, target)) return refuse(ResultCode.insufficientAccessRights);
      try {
        const entry = await ownEntry(me.upn, dn);
        return entry ? { entry } : refuse(ResultCode.noSuchObject);
      } catch (e) {
        ctx.log.error({ err: (e as Error).message }, 'LDAP compare failed');
        return refuse(ResultCode.unavailable);
      }
    },

    write: () => refuse(ResultCode.unwillingToPerform, 'The LDAP front is read-only.'),
  } satisfies LdapHandlers<Bound>;
}

export async function startLdapFront(ctx: AppContext, o: LdapFrontOptions): Promise<LdapFront> {
  const server = await startLdapServer({
    listeners: parseLdapListen(o.listen, !!o.tls),
    handlers: ldapHandlers(ctx, { baseDn: o.baseDn, requireTls: !!o.requireTls }),
    ...(o.tls ? { tls: readTls(o.tls) } : {}),
    log: ctx.log,
    ...(o.limits ? { limits: o.limits } : {}),
  });
  return { port: server.listeners[0]!.port, listeners: server.listeners, close: server.close };
}
