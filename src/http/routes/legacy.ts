import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import { legacySignIn } from '../../flows/legacy.ts';
import { clientInfo } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { problem } from '../problem.ts';

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

const challenge = (c: Context<HttpEnv>, retryAfter?: number) => {
  c.header('WWW-Authenticate', 'Basic realm="Portcullis", charset="UTF-8"');
  if (retryAfter) {
    c.header('Retry-After', String(retryAfter));
    return problem(c, new AppError('too_many_attempts', { retryAfter }));
  }
  return problem(c, new AppError('invalid_credentials'));
};

/**
 * HTTP verify: for programs that can call a URL (Dovecot via Lua, Nextcloud,
 * custom code). Basic credentials in; 200 with the user's claims, or 401.
 */
export const legacyRoutes = new Hono<HttpEnv>().post('/legacy/v1/verify', async (c) => {
  const appId = c.req.query('app');
  if (!appId)
    return problem(
      c,
      new AppError('invalid_request', {
        detail: 'Name the application: POST /legacy/v1/verify?app=ID.',
      }),
    );
  const creds = basicCredentials(c.req.header('authorization'));
  if (!creds) return challenge(c);
  const result = await legacySignIn(c.var.ctx, {
    username: creds.username,
    secret: creds.password,
    appId,
    front: 'verify',
    client: clientInfo(c),
  });
  if (!result.ok) return challenge(c, result.retryAfter);
  const u = result.user;
  return c.json({
    userPrincipalName: u.upn,
    displayName: u.display_name,
    mail: u.upn,
    preferredLanguage: u.preferred_language,
    credential: result.credential,
    application: result.application,
  });
});
