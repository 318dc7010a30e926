import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../context.ts';
import { hmacSha256, safeEqual, sha256 } from '../crypto/hash.ts';
import { randomToken } from '../crypto/random.ts';
import { AppError } from '../errors.ts';
import { OIDC_SESSION_COOKIE } from '../oidc/paths.ts';
import { endProviderSessions } from '../services/sessions-end.ts';
import type { SessionRow } from '../storage/sessions.ts';
import type { HttpEnv } from './env.ts';

/** Sessions of a sign-in under way live this long. */
const ANONYMOUS_TTL_MS = 60 * 60_000;

const isHttps = (c: Context<HttpEnv>) => c.var.ctx.config.publicUrl.startsWith('https:');
/** The __Host- prefix pins the cookie to this origin (needs Secure, so https only). */
export const sessionCookieName = (publicUrl: string) =>
  publicUrl.startsWith('https:') ? '__Host-portcullis' : 'portcullis';
const cookieName = (c: Context<HttpEnv>) => sessionCookieName(c.var.ctx.config.publicUrl);

/** The live session a cookie names, if any (only the token's hash is stored). */
export const sessionOfToken = async (ctx: AppContext, token: string | undefined) =>
  token && token.length < 100
    ? ((await ctx.stores.sessions.find(sha256(token), ctx.clock.now())) ?? null)
    : null;

function writeCookie(c: Context<HttpEnv>, token: string, expiresAt: number): void {
  setCookie(c, cookieName(c), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    expires: new Date(expiresAt),
  });
}

/** Loads the browser session named by the cookie (only its hash is stored). */
export const loadSession: MiddlewareHandler<HttpEnv> = async (c, next) => {
  c.set('session', await sessionOfToken(c.var.ctx, getCookie(c, cookieName(c))));
  await next();
};

/** Double-submit nonces set during a request (the cookie is not readable until the next one). */
const nonceSet = new WeakMap<Request, string>();

const csrfCookieName = (c: Context<HttpEnv>) =>
  isHttps(c) ? '__Host-portcullis-csrf' : 'portcullis-csrf';

/**
 * The CSRF token for the page being rendered. With a session it is the
 * session's; a visitor without one (the sign-in form) gets a signed
 * double-submit token — a random cookie and its HMAC in the form — so showing
 * a form writes nothing to the database.
 */
export function formToken(c: Context<HttpEnv>): string {
  const session = c.var.session;
  if (session) return session.csrf_token;
  const { ctx } = c.var;
  // A page with several forms: the nonce set for the first one serves them all.
  let nonce = nonceSet.get(c.req.raw) ?? getCookie(c, csrfCookieName(c));
  if (!nonce || nonce.length > 100) {
    nonce = randomToken(ctx.random);
    setCookie(c, csrfCookieName(c), nonce, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
    });
    nonceSet.set(c.req.raw, nonce);
  }
  return hmacSha256(ctx.keys.csrf, nonce);
}

type SessionPatch = Partial<
  Pick<SessionRow, 'user_id' | 'flow_id' | 'amr' | 'auth_time' | 'expires_at' | 'mfa_at'>
>;

/**
 * Moves the session to a new id (and CSRF token) at each sign-in step, so a
 * cookie planted or seen before the step is worthless after it.
 */
export async function rotateSession(c: Context<HttpEnv>, patch: SessionPatch): Promise<SessionRow> {
  const { ctx } = c.var;
  const current = c.var.session;
  const token = randomToken(ctx.random);
  const now = ctx.clock.now();
  const fresh = { ...patch, id_hash: sha256(token), csrf_token: randomToken(ctx.random) };
  const row = current
    ? await ctx.stores.sessions.rotate(current.id_hash, fresh.id_hash, fresh)
    : await ctx.stores.sessions.insert({
        user_id: null,
        flow_id: null,
        amr: null,
        auth_time: null,
        mfa_at: null,
        created_at: now,
        expires_at: now + ANONYMOUS_TTL_MS,
        ...fresh,
      });
  if (!row) throw new AppError('signin_expired');
  writeCookie(c, token, row.expires_at);
  c.set('session', row);
  return row;
}

/**
 * Drops an ended or expired sign-in flow from the session. Only if the session
 * still points at it: a racing request may already have finished the flow and
 * moved the session on, and that must not be undone.
 */
export async function forgetFlow(c: Context<HttpEnv>): Promise<void> {
  const s = c.var.session;
  if (s?.flow_id) await c.var.ctx.stores.sessions.clearFlow(s.id_hash, s.flow_id);
}

export async function endSession(c: Context<HttpEnv>): Promise<void> {
  const s = c.var.session;
  if (s) await c.var.ctx.stores.sessions.delete(s.id_hash);
  deleteCookie(c, cookieName(c), { path: '/', secure: isHttps(c) });
  c.set('session', null);
}

/**
 * Signs this browser out: its sign-in under way is cancelled, the provider
 * session it holds ends with it (oidc-provider's cookie names it; only if it
 * is this user's) and its applications hear of it (Back-Channel Logout);
 * without the cookie, those of this sign-in. Then the session itself.
 */
export async function signOut(c: Context<HttpEnv>): Promise<void> {
  const session = c.var.session;
  if (session?.flow_id) await c.var.flows.cancel(session.flow_id);
  if (session?.user_id && session.auth_time !== null) {
    const sessionId = getCookie(c, OIDC_SESSION_COOKIE);
    await endProviderSessions(
      c.var.ctx.db,
      c.var.ctx,
      session.user_id,
      sessionId && sessionId.length <= 100
        ? { sessionId }
        : { loginTs: [Math.floor(session.auth_time / 1000)] },
    );
  }
  await endSession(c);
}

/** The cause of a csrf_failed for a token that was sent but is not (or no longer) the session's. */
export const OUT_OF_DATE = Symbol('out-of-date form');

/** Checks a submitted form's CSRF token (constant time); returns the session, if any. */
export function checkCsrf(c: Context<HttpEnv>, submitted: string | undefined): SessionRow | null {
  const s = c.var.session;
  const expected = s ? s.csrf_token : anonymousToken(c);
  if (!submitted) throw new AppError('csrf_failed');
  // A token that is not this session's: most likely an out-of-date page (stale-form.ts).
  if (!expected || !safeEqual(submitted, expected))
    throw new AppError('csrf_failed', { cause: OUT_OF_DATE });
  return s;
}

function anonymousToken(c: Context<HttpEnv>): string | null {
  const nonce = getCookie(c, csrfCookieName(c));
  return nonce && nonce.length <= 100 ? hmacSha256(c.var.ctx.keys.csrf, nonce) : null;
}
