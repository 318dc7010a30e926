// Invitations: a single-use link, sent by email, with which a new user sets
// their password and goes on to register their methods. Only the link's hash
// is kept; it expires (PORTCULLIS_INVITATION_DAYS); a new invitation replaces
// the user's earlier ones. Accepting is one conditional UPDATE: a link works once.
import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import { randomToken } from '../crypto/random.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { composeMail } from '../mail/messages.ts';
import { enqueueMails } from '../mail/queue.ts';
import type { UserRow } from '../storage/users.ts';
import { type Actor, audit } from './audit.ts';
import { brandOf } from './branding.ts';
import { serviceSettingsIn } from './settings.ts';
import { checkNewPassword } from './validation.ts';

const DAY = 86_400_000;

export const invitationPath = (token: string) => `/invite/${token}`;

/** Why a user cannot be invited, or null. */
export function cannotInvite(
  user: Pick<UserRow, 'source' | 'directory_mail' | 'upn'>,
): string | null {
  if (user.source === 'directory')
    return `${user.upn} signs in with the directory's password: there is nothing to set up by invitation.`;
  if (!user.directory_mail) return `${user.upn} has no email address to send an invitation to.`;
  return null;
}

/**
 * Invites users in the caller's transaction (several at once for an import):
 * a link each, by email, audited. Returns when each link expires.
 */
export async function writeInvitations(
  ctx: AppContext,
  trx: Db,
  actor: Pick<Actor, 'name' | 'ip'>,
  users: readonly UserRow[],
): Promise<number> {
  const now = ctx.clock.now();
  const days = ctx.config.invitationDays;
  const expiresAt = now + days * DAY;
  for (let i = 0; i < users.length; i += 500)
    await trx
      .deleteFrom('invitations')
      .where(
        'user_id',
        'in',
        users.slice(i, i + 500).map((u) => u.id),
      )
      .where('used_at', 'is', null)
      .execute();
  const rows = users.map((u) => {
    const token = randomToken(ctx.random, 32);
    return {
      user: u,
      token,
      row: {
        id: crypto.randomUUID(),
        user_id: u.id,
        token_hash: sha256(token),
        created_at: now,
        created_by: actor.name.slice(0, 300),
        expires_at: expiresAt,
        used_at: null,
      },
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('invitations')
      .values(rows.slice(i, i + 500).map((r) => r.row))
      .execute();
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const brand = brandOf(await serviceSettingsIn(ctx, trx));
  await enqueueMails(
    ctx,
    trx,
    rows.map((r) =>
      composeMail(brand, 'invitation', r.user, { link: `${base}${invitationPath(r.token)}`, days }),
    ),
  );
  await audit(
    ctx,
    trx,
    actor,
    users.map((u) => ({
      action: 'user_invited',
      target: { id: u.id, upn: u.upn },
      detail: { expiresAt: new Date(expiresAt).toISOString() },
    })),
  );
  return expiresAt;
}

/** Invites one user (portal, API, CLI). */
export async function inviteUser(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  upn: string,
): Promise<{ userPrincipalName: string; email: string; expiresAt: string }> {
  const user = await ctx.stores.users.findByUpn(upn.trim());
  if (!user)
    throw new AppError('user_not_found', {
      detail: `No user has the user name "${upn.trim().slice(0, 120)}".`,
    });
  const why = cannotInvite(user);
  if (why)
    throw new AppError(user.source === 'directory' ? 'managed_by_directory' : 'invalid_request', {
      detail: why,
    });
  const expiresAt = await ctx.db
    .transaction()
    .execute((trx) => writeInvitations(ctx, trx, actor, [user]));
  return {
    userPrincipalName: user.upn,
    email: user.directory_mail!,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

/** The user an invitation link is for, while it works (unused, unexpired); else null. */
export async function openInvitation(ctx: AppContext, token: string): Promise<UserRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await ctx.db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .selectAll('users')
    .where('invitations.token_hash', '=', sha256(token))
    .where('invitations.used_at', 'is', null)
    .where('invitations.expires_at', '>', ctx.clock.now())
    .executeTakeFirst();
  return row && row.source === 'local' ? row : null;
}

/**
 * Sets the password with an invitation link, which then works no more. The
 * password is checked before the link is used (a weak one does not waste it).
 */
export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  password: string,
  confirm: string,
  ip: string | null,
): Promise<UserRow> {
  const expired = () =>
    new AppError('signin_expired', {
      detail:
        'This invitation link has expired or was already used. Ask your administrator for a new one.',
      local: { key: 'invite.expired' },
    });
  const user = await openInvitation(ctx, token);
  if (!user) throw expired();
  if (password !== confirm)
    throw new AppError('invalid_request', {
      detail: 'The two passwords are not the same.',
      local: { key: 'password.mismatch' },
    });
  const hash = await ctx.hasher.hash(checkNewPassword(password));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('invitations')
      .set({ used_at: now })
      .where('token_hash', '=', sha256(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!used) throw expired();
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0, updated_at: now })
      .where('id', '=', used.user_id)
      .execute();
    await audit(
      ctx,
      trx,
      { name: user.upn, ip },
      {
        action: 'invitation_accepted',
        target: { id: user.id, upn: user.upn },
      },
    );
  });
  return user;
}
