import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';
import type { UserRow } from '../../storage/users.ts';
import { clientInfo } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { useUserLocale } from '../locale.ts';

/**
 * The portal is for signed-in administrators (who signed in with MFA like
 * anyone else). Someone signed out is sent to sign in and back; a signed-in
 * non-administrator gets 403 — never a glimpse of data.
 */
export const requireAdminPage: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const user = await signedInUser(c);
  if (!user) {
    const back = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/admin';
    return c.redirect(`/?rd=${encodeURIComponent(back)}`, 303);
  }
  if (user.is_admin !== 1)
    throw new AppError('forbidden', {
      detail: 'The admin portal is for administrators.',
      local: { key: 'admin.forbidden' },
    });
  // The administrator's own language when they chose one, else the browser's.
  useUserLocale(c, user);
  c.set('actor', { name: user.upn, ip: clientInfo(c).ip, personalData: false });
  c.set('adminUser', user);
  return next();
};

/** The user this browser session is signed in as (sign-in finished), unless blocked. */
export async function signedInUser(c: Context<HttpEnv>): Promise<UserRow | undefined> {
  const { ctx, session } = c.var;
  const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
  return user && !user.blocked ? user : undefined;
}

export const adminOf = (c: Context<HttpEnv>): UserRow => c.var.adminUser!;
