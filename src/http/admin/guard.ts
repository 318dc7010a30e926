import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.ts';
import { meets } from '../../policy/strength.ts';
import { getServiceSettings } from '../../services/settings.ts';
import type { UserRow } from '../../storage/users.ts';
import { clientInfo } from '../client.ts';
import { deviceCookie } from '../device.ts';
import type { HttpEnv } from '../env.ts';
import { useUserLocale } from '../locale.ts';
import { advance } from '../routes/signin.tsx';

/**
 * The portal is for signed-in administrators (who signed in with MFA like
 * anyone else, or with a passkey where the service asks for phishing-resistant
 * sign-ins). Someone signed out is sent to sign in and back; a signed-in
 * non-administrator gets 403 — never a glimpse of data.
 */
export const requireAdminPage: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const user = await signedInUser(c);
  const back = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/admin';
  if (!user) return c.redirect(`/?rd=${encodeURIComponent(back)}`, 303);
  if (user.is_admin !== 1)
    throw new AppError('forbidden', {
      detail: 'The admin portal is for administrators.',
      local: { key: 'admin.forbidden' },
    });
  // The administrator's own language when they chose one, else the browser's.
  useUserLocale(c, user);
  if ((await getServiceSettings(c.var.ctx)).adminPhishingResistant && !phishingResistant(c))
    return stepUp(c, user, back);
  c.set('actor', { name: user.upn, ip: clientInfo(c).ip, personalData: false });
  c.set('adminUser', user);
  return next();
};

/** Whether this browser's sign-in was phishing-resistant (a passkey). */
export function phishingResistant(c: Context<HttpEnv>): boolean {
  return meets(JSON.parse(c.var.session?.amr ?? '[]') as string[], 'phishing-resistant');
}

/**
 * A weaker session steps up to a passkey (registering one if the administrator
 * has none), then comes back; a form sent meanwhile is not acted on. An
 * administrator who can use no passkey is told so: the way back is the command
 * line on the server (README).
 */
async function stepUp(c: Context<HttpEnv>, user: UserRow, back: string) {
  const { flows, session } = c.var;
  if (c.req.method !== 'GET' || session?.auth_time == null)
    throw new AppError('forbidden', {
      detail: 'The admin portal needs a sign-in with a passkey: open it again to sign in with one.',
      local: { key: 'admin.needsPasskey' },
    });
  const client = { ...clientInfo(c), deviceToken: deviceCookie(c) };
  const s = await flows.stepUp(
    { userId: user.id, authTime: session.auth_time },
    client,
    back,
    'phishing-resistant',
  );
  if (s.next.kind === 'no_method') {
    await flows.cancel(s.flow.id);
    throw new AppError('forbidden', {
      detail:
        'The admin portal needs a sign-in with a passkey, and you cannot use or register one.',
      local: { key: 'admin.noPasskey' },
    });
  }
  return advance(c, s);
}

/** The user this browser session is signed in as (sign-in finished), unless blocked. */
export async function signedInUser(c: Context<HttpEnv>): Promise<UserRow | undefined> {
  const { ctx, session } = c.var;
  const user = session?.user_id ? await ctx.stores.users.findById(session.user_id) : undefined;
  return user && !user.blocked ? user : undefined;
}

export const adminOf = (c: Context<HttpEnv>): UserRow => c.var.adminUser!;
