import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { safeEqual, sha256 } from '../crypto/hash.ts';
import { randomToken } from '../crypto/random.ts';
import { AppError } from '../errors.ts';
import type { SessionRow } from '../storage/sessions.ts';
import type { HttpEnv } from './env.ts';

/** Anonymous sessions (a form shown, a sign-in under way) live this long. */
const ANONYMOUS_TTL_MS = 60 * 60_000;

const isHttps = (c: Context<HttpEnv>) => c.var.ctx.config.publicUrl.startsWith('https:');
/** The __Host- prefix pins the cookie to this origin (needs Secure, so https only). */
export const cookieName = (c: Context<HttpEnv>) =>
  isHttps(c) ? '__Host-portcullis' : 'portcullis';

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
  const token = getCookie(c, cookieName(c));
  const { ctx } = c.var;
  c.set(
    'session',
    token && token.length < 100
      ? ((await ctx.stores.sessions.find(sha256(token), ctx.clock.now())) ?? null)
      : null,
  );
  await next();
};

/** The session, creating an anonymous one (for a form's CSRF token) if there is none. */
export async function ensureSession(c: Context<HttpEnv>): Promise<SessionRow> {
  const existing = c.var.session;
  if (existing) return existing;
  const { ctx } = c.var;
  const token = randomToken(ctx.random);
  const now = ctx.clock.now();
  const row: SessionRow = {
    id_hash: sha256(token),
    csrf_token: randomToken(ctx.random),
    user_id: null,
    flow_id: null,
    amr: null,
    auth_time: null,
    created_at: now,
    expires_at: now + ANONYMOUS_TTL_MS,
  };
  await ctx.stores.sessions.insert(row);
  writeCookie(c, token, row.expires_at);
  c.set('session', row);
  return row;
}

type SessionPatch = Partial<
  Pick<SessionRow, 'user_id' | 'flow_id' | 'amr' | 'auth_time' | 'expires_at'>
>;

/**
 * Moves the session to a new id (and CSRF token) at each sign-in step, so a
 * cookie planted or seen before the step is worthless after it.
 */
export async function rotateSession(c: Context<HttpEnv>, patch: SessionPatch): Promise<SessionRow> {
  const { ctx } = c.var;
  const current = await ensureSession(c);
  const token = randomToken(ctx.random);
  const row = await ctx.stores.sessions.rotate(current.id_hash, sha256(token), {
    ...patch,
    csrf_token: randomToken(ctx.random),
  });
  if (!row) throw new AppError('signin_expired');
  writeCookie(c, token, row.expires_at);
  c.set('session', row);
  return row;
}

export async function endSession(c: Context<HttpEnv>): Promise<void> {
  const s = c.var.session;
  if (s) await c.var.ctx.stores.sessions.delete(s.id_hash);
  deleteCookie(c, cookieName(c), { path: '/', secure: isHttps(c) });
  c.set('session', null);
}

/** Checks a submitted form's CSRF token against the session's (constant time). */
export function checkCsrf(c: Context<HttpEnv>, submitted: string | undefined): SessionRow {
  const s = c.var.session;
  if (!s || !submitted || !safeEqual(submitted, s.csrf_token)) throw new AppError('csrf_failed');
  return s;
}
