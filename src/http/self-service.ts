// What the user's own pages (security info, app passwords, password change)
// share: who is signed in, and the rule that a change to how they sign in
// needs a second factor proved within the last few minutes.
import type { Context } from 'hono';
import { methodTypesForUser } from '../services/methods-policy.ts';
import { loadRegistrations } from '../services/registrations.ts';
import type { UserRow } from '../storage/users.ts';
import { clientInfo } from './client.ts';
import type { HttpEnv } from './env.ts';
import { useUserLocale } from './locale.ts';
import { advance } from './routes/signin.tsx';

type C = Context<HttpEnv>;

/** A second factor proved longer ago than this is asked for again before a change. */
export const FRESH_MFA_MS = 10 * 60_000;

/** The signed-in user (and their language), or null: the page then sends them to sign in. */
export async function signedInUser(c: C): Promise<UserRow | null> {
  const s = c.var.session;
  const user = s?.user_id ? await c.var.ctx.stores.users.findById(s.user_id) : undefined;
  if (!user || user.blocked) return null;
  useUserLocale(c, user);
  return user;
}

/**
 * Null when this session proved a second factor within FRESH_MFA_MS (or, for
 * a user with no usable method yet, signed in with the password that
 * recently); otherwise the response that asks again — a step-up through the
 * sign-in flow with the user's methods (a remembered device does not count),
 * coming back to `returnTo`.
 */
export async function askFreshSecondFactor(
  c: C,
  user: UserRow,
  returnTo: string,
): Promise<Response | null> {
  const { ctx, flows } = c.var;
  const session = c.var.session!;
  const now = ctx.clock.now();
  if (session.mfa_at !== null && now - session.mfa_at < FRESH_MFA_MS) return null;
  const allowedMethods = await methodTypesForUser(ctx, user.id, 'signin');
  const usable = (await loadRegistrations(ctx, user.id)).some((r) =>
    allowedMethods.includes(r.methodType),
  );
  if (!usable) {
    if (session.auth_time !== null && now - session.auth_time < FRESH_MFA_MS) return null;
    return c.redirect(`/?prompt=login&rd=${encodeURIComponent(returnTo)}`, 303);
  }
  const s = await flows.stepUp(
    { userId: user.id, authTime: session.auth_time ?? now },
    clientInfo(c),
    returnTo,
  );
  return advance(c, s);
}
