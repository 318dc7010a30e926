import type { Context, MiddlewareHandler } from 'hono';
import { safeEqual, sha256 } from '../../crypto/hash.ts';
import { AppError } from '../../errors.ts';
import { parseApiToken } from '../../services/api-tokens.ts';
import type { Actor } from '../../services/audit.ts';
import { clientInfo } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { assertSameOrigin } from '../same-origin.ts';
import { loadSession } from '../session.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An admin API token in `Authorization: Bearer …`: sets the actor, or throws
 * 401 (no such token) or 403 (a SCIM token; a read-only token when the
 * request would change something — `readOnly` false).
 */
export async function requireToken(
  c: Context<HttpEnv>,
  header: string,
  readOnly: boolean,
): Promise<void> {
  const { ctx } = c.var;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const parsed = match ? parseApiToken(match[1]!) : null;
  const row = parsed ? await ctx.stores.apiTokens.find(parsed.id) : undefined;
  if (!parsed || !row || !safeEqual(sha256(parsed.secret), row.secret_hash)) {
    c.header('WWW-Authenticate', 'Bearer realm="portcullis"');
    throw new AppError('unauthorized', {
      detail: 'Send a valid admin API token as "Authorization: Bearer …".',
    });
  }
  if (row.scope === 'scim')
    throw new AppError('forbidden', {
      detail: 'This token is for the SCIM endpoints (/scim/v2) only (scope "scim").',
    });
  if (row.scope === 'read' && !readOnly)
    throw new AppError('forbidden', { detail: 'This token may only read (scope "read").' });
  await ctx.stores.apiTokens.touch(row.id, ctx.clock.now());
  const rights = JSON.parse(row.rights) as string[];
  c.set('actor', {
    name: `token ${row.name}`,
    ip: clientInfo(c).ip,
    personalData: rights.includes('personal-data'),
  });
}

/**
 * Who may use the admin API: an admin API token (`Authorization: Bearer
 * pcl_<id>_<secret>`, only the secret's hash is stored; a read-only token may
 * only look), or the browser session of a signed-in administrator (changes
 * then need the session's CSRF token in `X-CSRF-Token`). Anyone else gets
 * 401, a signed-in non-administrator 403 — and nothing changes.
 */
export const requireAdmin: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const { ctx } = c.var;
  const ip = clientInfo(c).ip;
  const header = c.req.header('authorization');
  if (header !== undefined) {
    await requireToken(c, header, SAFE.has(c.req.method));
    return next();
  }
  await loadSession(c, async () => {});
  const session = c.var.session;
  const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
  if (!session || !user || user.blocked) {
    c.header('WWW-Authenticate', 'Bearer realm="portcullis"');
    throw new AppError('unauthorized', {
      detail: 'Send a valid admin API token as "Authorization: Bearer …", or sign in.',
    });
  }
  if (user.is_admin !== 1)
    throw new AppError('forbidden', { detail: 'Only administrators may use the admin API.' });
  if (!SAFE.has(c.req.method)) {
    // A session is the browser's: the change must come from our own pages.
    assertSameOrigin(c);
    const sent = c.req.header('x-csrf-token');
    if (!sent || !safeEqual(sent, session.csrf_token)) throw new AppError('csrf_failed');
  }
  c.set('actor', { name: user.upn, ip, personalData: false });
  return next();
};

/** The caller, as the audit log names them. */
export const actorOf = (c: Context<HttpEnv>): Actor => c.var.actor!;
