// A form sent from a page that went out of date — Back after signing in, an
// old code page, a second tab that signed in meanwhile — carries a CSRF token
// the session no longer has. For someone signed in (or part-way through
// signing in) that is no attack to report but a page to bring up to date: the
// form is not acted on, and they land on the current page (their sign-in step,
// or the page they sent it from) with a word that nothing was sent. Someone
// with no session, or a form with no token at all, still gets the plain error.
import type { Context } from 'hono';
import type { AppError } from '../errors.ts';
import type { HttpEnv } from './env.ts';
import { setFlash } from './flash.ts';
import { OUT_OF_DATE } from './session.ts';

type C = Context<HttpEnv>;

/** The redirect for a stale form (`e` a csrf_failed), or null when the plain error applies. */
export function afterStaleForm(c: C, e: AppError): Response | null {
  const s = c.var.session;
  if (c.req.method !== 'POST' || e.cause !== OUT_OF_DATE || (!s?.user_id && !s?.flow_id))
    return null;
  setFlash(c, 'stale', true);
  if (s.flow_id) return c.redirect('/signin/step', 303);
  return c.redirect(refererPath(c) ?? '/', 303);
}

/** The page the form was sent from, when it is one of ours (Referrer-Policy: same-origin). */
function refererPath(c: C): string | null {
  const referer = c.req.header('referer');
  if (!referer) return null;
  try {
    const from = new URL(referer);
    if (
      from.origin !== new URL(c.req.url).origin &&
      from.origin !== new URL(c.var.ctx.config.publicUrl).origin
    )
      return null;
    if (from.pathname.startsWith('/api/') || from.pathname === '/signin') return null;
    return `${from.pathname}${from.search}`;
  } catch {
    return null;
  }
}
