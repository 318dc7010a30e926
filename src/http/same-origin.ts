// A second layer against cross-site request forgery, in front of the CSRF token
// that every form and every session-authenticated API change carries (OWASP CSRF
// Prevention Cheat Sheet: "Fetch Metadata headers" and "Verifying origin with
// standard headers").
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { HttpEnv } from './env.ts';

/** Methods that change nothing (RFC 9110 §9.2.1); the rest must come from our own pages. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Fetch Metadata (W3C): `same-origin` is one of our pages; `none` is the user's
 * own doing (typed, bookmarked), which no other site can cause. `same-site` is
 * refused too: a sibling host (an application at wiki.contoso.com) is not
 * Portcullis. Any other value, present or future, is refused.
 */
const ALLOWED_SITES = new Set(['same-origin', 'none']);

/**
 * Refuses (as a CSRF failure, 403) a request a browser sent on behalf of another
 * site: `Sec-Fetch-Site` other than `same-origin` or `none`, or an `Origin`
 * (RFC 6454 §7) other than the public URL's — including `null`, which sandboxed
 * frames and privacy-sensitive redirects send. A request with neither header
 * (curl, an old browser) is left to the CSRF token, as before.
 */
export function assertSameOrigin(c: Context<HttpEnv>): void {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if (site === undefined && origin === undefined) return;
  const { ctx } = c.var;
  const ours = new URL(ctx.config.publicUrl).origin;
  const siteOk = site === undefined || ALLOWED_SITES.has(site);
  const originOk = origin === undefined || origin === ours;
  if (siteOk && originOk) return;
  // The browser says "same origin" but the origin is not the public URL: Portcullis
  // is being reached at another address, and every form would fail. Say so.
  const elsewhere = siteOk && site !== undefined;
  ctx.log[elsewhere ? 'warn' : 'info'](
    { method: c.req.method, path: c.req.path, secFetchSite: site, origin, publicOrigin: ours },
    elsewhere
      ? 'refused a form sent from another address than PORTCULLIS_PUBLIC_URL: users must reach Portcullis at its public URL'
      : 'refused a request sent from another site',
  );
  throw new AppError('csrf_failed');
}

/** {@link assertSameOrigin} for every state-changing request of the browser routes it guards. */
export const sameOriginOnly: MiddlewareHandler<HttpEnv> = async (c, next) => {
  if (!SAFE.has(c.req.method)) assertSameOrigin(c);
  await next();
};
