// "Remember multi-factor authentication on this device": a long-lived cookie
// bound to a server-side record (only the token's hash is stored). Admins'
// "Restore MFA on all remembered devices", the user's "Forget all" and a
// password change end every one at once, on every node: each use checks the
// database.
import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import { randomToken } from '../crypto/random.ts';
import type { UserRow } from '../storage/users.ts';

/** The factor a remembered device stands for in a sign-in (and its sign-in log method). */
export const REMEMBERED_DEVICE = 'RememberedDevice';
const DAY_MS = 86_400_000;

/** Records a device for `days`; returns the cookie token (shown to no one else, never stored). */
export async function rememberDevice(
  ctx: AppContext,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
  days: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = randomToken(ctx.random);
  const now = ctx.clock.now();
  const expiresAt = now + days * DAY_MS;
  await ctx.db
    .insertInto('remembered_devices')
    .values({
      id: crypto.randomUUID(),
      user_id: userId,
      token_hash: sha256(token),
      user_agent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip,
      created_at: now,
      expires_at: expiresAt,
      last_used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** Whether this cookie token is a live remembered device of this user. */
export async function isRememberedDevice(
  ctx: AppContext,
  user: Pick<UserRow, 'id' | 'remembered_devices_not_before'>,
  token: string,
): Promise<boolean> {
  if (token.length > 100) return false;
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('remembered_devices')
    .select(['id', 'created_at'])
    .where('token_hash', '=', sha256(token))
    .where('user_id', '=', user.id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return false;
  const notBefore = user.remembered_devices_not_before;
  if (notBefore !== null && row.created_at <= notBefore) return false;
  await ctx.db
    .updateTable('remembered_devices')
    .set({ last_used_at: now })
    .where('id', '=', row.id)
    .execute();
  return true;
}
