import type { AppContext } from '../context.ts';
import type { MfaState, RiskDetail, RiskLevel, RiskState, UserSource } from '../db/schema.ts';
import { openMobile } from '../directory/mobile.ts';
import { AppError } from '../errors.ts';
import { maskNumber } from '../mask.ts';
import type { MethodRow } from '../storage/methods.ts';
import { newUserRow, type UserRow, usersStore } from '../storage/users.ts';
import { type Actor, audit } from './audit.ts';
import { toRegistration } from './registrations.ts';
import { type ProfileFields, profileColumns } from './user-fields.ts';
import {
  checkNewPassword,
  parseDisplayName,
  parseLanguage,
  parseUpn,
  printable,
} from './validation.ts';

/**
 * Users as the admin API, the CLI and (later) the portal see them. Field names
 * follow Get-MsolUser, in camelCase.
 */
export interface UserView {
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** The language the user chose; null: their browser's. */
  preferredLanguage: string | null;
  isAdmin: boolean;
  blockCredential: boolean;
  mfaState: MfaState;
  /** As in MSOnline: empty when Disabled, one entry for relying party "*" otherwise. */
  strongAuthenticationRequirements: { relyingParty: string; state: MfaState }[];
  /** Phone methods carry their number masked but for its last two digits. */
  strongAuthenticationMethods: MethodView[];
  createdAt: string;
  lastSignInAt: string | null;
  /** When the user last reported a call or text they did not ask for (fraud alert). */
  fraudReportedAt: string | null;
  /** As Microsoft Graph's riskyUser: high after the user reported suspicious activity. */
  riskLevel: RiskLevel;
  riskState: RiskState;
  riskDetail: RiskDetail | null;
  riskLastUpdatedDateTime: string | null;
  /** After an admin reset the password: the user chooses a new one at next sign-in. */
  mustChangePassword: boolean;
  /** Where the user and their password come from: `local`, or `directory` (LDAP). */
  source: UserSource;
  /** The directory entry's DN, for a directory user. */
  directoryDn: string | null;
  /** Sign-in is blocked because the directory disabled or lost the account. */
  blockedByDirectory: boolean;
  email: string | null;
  /** Masked but for its last two digits, unless the viewer may see personal data. */
  mobilePhone: string | null;
  /** A provisioning system's id for the user (SCIM externalId). */
  externalId: string | null;
  /** False until an invited user sets their password. */
  hasPassword: boolean;
}

/** A registered method as admins see it (MSOnline's StrongAuthenticationMethod, and more). */
export interface MethodView {
  id: string;
  methodType: string;
  isDefault: boolean;
  phoneNumber?: string;
  /** The name the user gave it (passkeys). */
  name?: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** Who is looking: phone numbers are personal data, shown in full only with that right. */
export interface Viewer {
  personalData: boolean;
}
export const MASKED: Viewer = { personalData: false };

export function methodView(ctx: AppContext | null, m: MethodRow): MethodView {
  const details = JSON.parse(m.details) as {
    masked?: unknown;
    extension?: unknown;
    name?: unknown;
  };
  const number =
    typeof details.masked !== 'string'
      ? undefined
      : ctx && m.secret_sealed
        ? toRegistration(ctx, m).secret
        : details.masked;
  const phone = number
    ? `${number}${typeof details.extension === 'string' ? ` x${details.extension}` : ''}`
    : undefined;
  return {
    id: m.id,
    methodType: m.method_type,
    isDefault: m.is_default === 1,
    ...(phone ? { phoneNumber: phone } : {}),
    ...(typeof details.name === 'string' ? { name: details.name } : {}),
    createdAt: new Date(m.created_at).toISOString(),
    lastUsedAt: iso(m.last_used_at),
  };
}

/** The user as admins see it; a viewer with the personal-data right sees phone numbers in full. */
export function toUserView(
  ctx: AppContext,
  u: UserRow,
  methods: MethodRow[],
  viewer: Viewer = MASKED,
): UserView {
  const reveal = viewer.personalData ? ctx : null;
  const mobile = openMobile(ctx.box, u);
  return {
    id: u.id,
    userPrincipalName: u.upn,
    displayName: u.display_name,
    preferredLanguage: u.preferred_language || null,
    isAdmin: u.is_admin === 1,
    blockCredential: u.blocked === 1,
    mfaState: u.mfa_state,
    strongAuthenticationRequirements:
      u.mfa_state === 'Disabled' ? [] : [{ relyingParty: '*', state: u.mfa_state }],
    strongAuthenticationMethods: methods.map((m) => methodView(reveal, m)),
    createdAt: new Date(u.created_at).toISOString(),
    lastSignInAt: iso(u.last_signin_at),
    fraudReportedAt: iso(u.fraud_reported_at),
    riskLevel: u.risk_level,
    riskState: u.risk_state,
    riskDetail: u.risk_detail,
    riskLastUpdatedDateTime: iso(u.risk_at),
    mustChangePassword: u.must_change_password === 1,
    source: u.source,
    directoryDn: u.directory_dn,
    blockedByDirectory: u.blocked === 1 && u.blocked_by === 'directory',
    email: u.directory_mail,
    mobilePhone: mobile === null ? null : reveal ? mobile : maskNumber(mobile),
    externalId: u.external_id,
    hasPassword: u.source === 'directory' || u.password_hash !== '',
  };
}

export interface NewUser {
  upn: string;
  /** None: the user cannot sign in until invited (or the password is reset). */
  password?: string;
  displayName?: string;
  isAdmin?: boolean;
  preferredLanguage?: string;
  mfaState?: MfaState;
  /** The password is one-time: the user chooses their own at first sign-in. */
  mustChangePassword?: boolean;
  /** Created with sign-in blocked (a provisioning system's `active: false`). */
  blocked?: boolean;
  /** Send an invitation by email (the user then has no password until they accept it). */
  invite?: boolean;
}

/** Creates a user; audited with who did it (the first administrator by "system"). */
export async function createUser(
  ctx: AppContext,
  input: NewUser & ProfileFields,
  actor: Pick<Actor, 'name' | 'ip'> & Partial<Viewer> = { name: 'system', ip: null },
): Promise<UserView> {
  const upn = parseUpn(input.upn);
  const password = input.password === undefined ? null : checkNewPassword(input.password);
  const language = parseLanguage(input.preferredLanguage ?? '');
  const displayName = input.displayName?.trim()
    ? parseDisplayName(input.displayName)
    : upn.split('@')[0]!;
  if (await ctx.stores.users.findByUpn(upn)) throw new AppError('upn_taken');
  const id = crypto.randomUUID();
  const row = newUserRow(
    {
      id,
      upn,
      display_name: displayName,
      preferred_language: language,
      is_admin: input.isAdmin ? 1 : 0,
      mfa_state: input.mfaState ?? 'Disabled',
      password_hash: password === null ? '' : await ctx.hasher.hash(password),
      must_change_password: input.mustChangePassword && password !== null ? 1 : 0,
      ...(input.blocked ? { blocked: 1, blocked_by: 'admin' as const } : {}),
      ...profileColumns(ctx.box, id, input),
    },
    ctx.clock.now(),
  );
  // (Invitations bring the mail texts and their formatter: loaded only to invite.)
  const invitations = input.invite ? await import('./invitations.ts') : null;
  if (invitations) {
    const why = invitations.cannotInvite(row);
    if (why) throw new AppError('invalid_request', { detail: why });
    if (password !== null)
      throw new AppError('invalid_request', {
        detail:
          'Give a password or send an invitation, not both: the invited user chooses their own.',
      });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await usersStore(trx).insert(row);
    await audit(ctx, trx, actor, {
      action: 'user_created',
      target: { id: row.id, upn: row.upn },
      detail: {
        mfaState: row.mfa_state,
        isAdmin: row.is_admin === 1,
        ...(password === null ? { password: input.invite ? 'invited' : 'none' } : {}),
      },
    });
    if (invitations) await invitations.writeInvitations(ctx, trx, actor, [row]);
  });
  return toUserView(ctx, row, [], { personalData: !!actor.personalData });
}

export async function requireUser(ctx: AppContext, upn: string): Promise<UserRow> {
  const user = await ctx.stores.users.findByUpn(upn.trim());
  if (!user)
    throw new AppError('user_not_found', {
      detail: `No user has the user name "${upn.trim().slice(0, 120)}".`,
    });
  return user;
}

export async function getUser(
  ctx: AppContext,
  upn: string,
  viewer: Viewer = MASKED,
): Promise<UserView> {
  const user = await requireUser(ctx, upn);
  return toUserView(ctx, user, await ctx.stores.methods.listForUser(user.id), viewer);
}

export interface UserPage {
  items: UserView[];
  nextCursor: string | null;
}

export const encodeCursor = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
export const decodeCursor = (s: string) => printable(Buffer.from(s, 'base64url').toString('utf8'));

export interface UserQuery {
  mfaState?: MfaState;
  /** Only users at this risk (`high`: those who reported suspicious activity). */
  riskLevel?: RiskLevel;
  /** Part of the UPN or display name, any case. */
  search?: string;
  cursor?: string;
  limit?: number;
}

/** A page of users ordered by UPN (keyset paging: as fast on page 1,000 as on page 1). */
export async function listUsers(
  ctx: AppContext,
  q: UserQuery,
  viewer: Viewer = MASKED,
): Promise<UserPage> {
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  const search = printable(q.search ?? '')
    .trim()
    .slice(0, 120);
  const rows = await ctx.stores.users.list({
    limit: limit + 1,
    ...(q.mfaState ? { mfaState: q.mfaState } : {}),
    ...(q.riskLevel ? { riskLevel: q.riskLevel } : {}),
    ...(search ? { search } : {}),
    ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
  });
  const page = rows.slice(0, limit);
  const methods = await ctx.stores.methods.listForUsers(page.map((u) => u.id));
  const items = page.map((u) =>
    toUserView(
      ctx,
      u,
      methods.filter((m) => m.user_id === u.id),
      viewer,
    ),
  );
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last.upn_normalized) : null,
  };
}
