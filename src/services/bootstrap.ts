import type { AppContext } from '../context.ts';
import { generatePassword } from '../crypto/random.ts';
import { isAppError } from '../errors.ts';
import { createUser } from './users.ts';

/**
 * On the very first start, when no administrator exists, creates one. Returns
 * the generated password (to be shown once) or null when none was generated.
 */
export async function ensureFirstAdmin(
  ctx: AppContext,
): Promise<{ upn: string; password: string | null } | null> {
  if ((await ctx.stores.users.countAdmins()) > 0) return null;
  const upn = ctx.config.adminUpn ?? 'admin@portcullis.local';
  const generated = ctx.config.adminPassword ? null : generatePassword(ctx.random);
  const created = await createUser(ctx, {
    upn,
    password: ctx.config.adminPassword ?? generated!,
    displayName: 'Administrator',
    isAdmin: true,
    // MFA is on for the first administrator: the first sign-in registers a method.
    mfaState: 'Enabled',
  }).catch((e: unknown) => {
    // Several nodes starting at once on one database: one of them wins.
    if (isAppError(e) && e.code === 'upn_taken') return null;
    throw e;
  });
  return created ? { upn, password: generated } : null;
}
