// Post/redirect/get for what is shown once. A POST that creates something
// answers with a redirect, so reloading the page it leads to creates nothing
// more; what the new page must show once (a new secret) travels in a cookie,
// sealed with the server's key and bound to the session, read once by the GET
// and deleted there. A reload, Back or a second tab finds no cookie.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { HttpEnv } from './env.ts';

type C = Context<HttpEnv>;

const cookieName = (c: C, name: string) =>
  `${c.var.ctx.config.publicUrl.startsWith('https:') ? '__Host-' : ''}portcullis-once-${name}`;
const aad = (c: C, name: string) => `flash:${name}:${c.var.session?.id_hash ?? ''}`;

/** Keeps `value` for the next page of this session (for a minute), sealed. */
export function setFlash(c: C, name: string, value: unknown): void {
  setCookie(c, cookieName(c, name), c.var.ctx.box.seal(JSON.stringify(value), aad(c, name)), {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.var.ctx.config.publicUrl.startsWith('https:'),
    maxAge: 60,
  });
}

/** What setFlash kept for this session, once: the cookie is deleted as it is read. */
export function takeFlash<T>(c: C, name: string): T | undefined {
  const value = peekFlash<T>(c, name);
  if (value !== undefined) dropFlash(c, name);
  return value;
}

/** Deletes what setFlash kept (once the page that shows it is answered). */
export function dropFlash(c: C, name: string): void {
  deleteCookie(c, cookieName(c, name), {
    path: '/',
    secure: c.var.ctx.config.publicUrl.startsWith('https:'),
  });
}

/** What setFlash kept for this session, left in place (a redirect passes it on). */
export function peekFlash<T>(c: C, name: string): T | undefined {
  const sealed = getCookie(c, cookieName(c, name));
  if (!sealed) return undefined;
  try {
    return JSON.parse(c.var.ctx.box.open(sealed, aad(c, name))) as T;
  } catch {
    return undefined; // another session's, or tampered with: nothing to show
  }
}
