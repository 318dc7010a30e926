import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { legacySignIn } from '../../flows/legacy.ts';
import type { ClientInfo } from '../../flows/signin.ts';
import { findApp } from '../../services/applications.ts';
import { clientInfo } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { type Answer, problem, problemAnswer, send } from '../problem.ts';

/** HTTP Basic credentials (RFC 7617), or null when absent or malformed. */
export function basicCredentials(
  header: string | undefined,
): { username: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]{1,2048})\s*$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A refused credential: asked again (RFC 7617), or told to wait. */
const challengeAnswer = (retryAfter?: number) =>
  problemAnswer(
    retryAfter
      ? new AppError('too_many_attempts', { retryAfter })
      : new AppError('invalid_credentials'),
    { 'www-authenticate': 'Basic realm="Portcullis", charset="UTF-8"' },
  );
const challenge = (c: Context<HttpEnv>, retryAfter?: number) =>
  send(c, challengeAnswer(retryAfter));

/**
 * The URL the proxy is deciding about: nginx sends X-Original-URL (our example
 * config sets it), Traefik and Caddy send X-Forwarded-Proto/-Host/-Uri. It must
 * be an absolute http(s) URL; anything else is refused, never passed through.
 */
export function originalUrl(c: Context<HttpEnv>): { url: URL; nginx: boolean } | null {
  const direct = c.req.header('x-original-url');
  const proto = c.req.header('x-forwarded-proto');
  const host = c.req.header('x-forwarded-host');
  const uri = c.req.header('x-forwarded-uri');
  const raw =
    direct ?? (proto && host && uri !== undefined ? `${proto}://${host}${uri}` : undefined);
  if (!raw || raw.length > 4096) return null;
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
      return null;
    if (direct === undefined && !uri!.startsWith('/')) return null;
    return { url, nginx: direct !== undefined };
  } catch {
    return null;
  }
}

const userHeaders = (
  c: Context<HttpEnv>,
  u: { upn: string; display_name: string },
  credential: string,
) => {
  c.header('X-Portcullis-User', u.upn);
  c.header('X-Portcullis-Name', encodeURIComponent(u.display_name));
  c.header('X-Portcullis-Credential', credential);
  c.header('Cache-Control', 'no-store');
};

export const legacyRoutes = new Hono<HttpEnv>()
  /**
   * Forward-auth for reverse proxies (nginx auth_request, Traefik ForwardAuth,
   * Caddy forward_auth). Basic credentials are checked like HTTP verify; a
   * browser with a Portcullis session that passed the MFA policy is let
   * through; a browser without one is sent to sign in and back — by 302 for
   * Traefik/Caddy, by 401 with Location for nginx (auth_request allows no 302;
   * see docs/forward-auth.md).
   */
  .get('/legacy/v1/forward-auth', async (c) => {
    const { ctx } = c.var;
    const appId = c.req.query('app');
    if (!appId)
      return problem(
        c,
        new AppError('invalid_request', {
          detail: 'Name the application: /legacy/v1/forward-auth?app=ID.',
        }),
      );
    const original = originalUrl(c);
    if (!original) {
      return problem(
        c,
        new AppError('invalid_request', {
          detail:
            'The proxy sent no valid original URL (X-Original-URL, or X-Forwarded-Proto/-Host/-Uri).',
        }),
      );
    }
    const creds = basicCredentials(c.req.header('authorization'));
    if (creds) {
      const result = await legacySignIn(ctx, {
        username: creds.username,
        secret: creds.password,
        appId,
        front: 'forward-auth',
        client: clientInfo(c),
      });
      if (!result.ok) return challenge(c, result.retryAfter);
      userHeaders(c, result.user, result.credential);
      return c.body(null, 200);
    }
    const app = await findApp(ctx, appId);
    if (!app || !(JSON.parse(app.fronts) as string[]).includes('forward-auth')) {
      return problem(
        c,
        new AppError('forbidden', { detail: 'That application does not use forward-auth.' }),
      );
    }
    const session = c.var.session;
    const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
    if (user && !user.blocked) {
      userHeaders(c, user, 'session');
      c.header('X-Portcullis-Amr', (JSON.parse(session!.amr ?? '[]') as string[]).join(' '));
      return c.body(null, 200);
    }
    const signin = `${ctx.config.publicUrl}/?rd=${encodeURIComponent(original.url.toString())}`;
    c.header('Location', signin);
    c.header('Cache-Control', 'no-store');
    return c.body(null, original.nginx ? 401 : 302);
  })

  /**
   * HTTP verify: for programs that can call a URL (Dovecot via Lua, Nextcloud,
   * custom code). Basic credentials in; 200 with the user's claims, or 401.
   * Under Node, ../verify-listener.ts answers it before the web app.
   */
  .post('/legacy/v1/verify', async (c) =>
    send(
      c,
      await verifyAnswer(c.var.ctx, {
        appId: c.req.query('app'),
        authorization: c.req.header('authorization'),
        client: () => clientInfo(c),
      }),
    ),
  );

/** HTTP verify's answer: the claims of the user the Basic credentials name, or a challenge. */
export async function verifyAnswer(
  ctx: AppContext,
  r: { appId: string | undefined; authorization: string | undefined; client: () => ClientInfo },
): Promise<Answer> {
  if (!r.appId)
    return problemAnswer(
      new AppError('invalid_request', {
        detail: 'Name the application: POST /legacy/v1/verify?app=ID.',
      }),
    );
  const creds = basicCredentials(r.authorization);
  if (!creds) return challengeAnswer();
  const result = await legacySignIn(ctx, {
    username: creds.username,
    secret: creds.password,
    appId: r.appId,
    front: 'verify',
    client: r.client(),
  });
  if (!result.ok) return challengeAnswer(result.retryAfter);
  const u = result.user;
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      userPrincipalName: u.upn,
      displayName: u.display_name,
      mail: u.upn,
      preferredLanguage: u.preferred_language || null,
      credential: result.credential,
      application: result.application,
    }),
  };
}
