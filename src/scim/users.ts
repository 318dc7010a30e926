// SCIM Users (RFC 7643 §4.1) over Portcullis users: userName is the UPN,
// active is "not blocked", one email and one mobile number are kept, the
// enterprise extension and the other core attributes are kept as given, and
// Portcullis's extension carries the MFA state. Writes go through the same
// services as the admin API (audited as the token).
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { MfaState } from '../db/schema.ts';
import { openMobile } from '../directory/mobile.ts';
import type { Actor } from '../services/audit.ts';
import { deleteUser, setPassword, updateUser } from '../services/user-admin.ts';
import { createUser } from '../services/users.ts';
import { checkNewPassword, parseMfaState } from '../services/validation.ts';
import { groupsStore } from '../storage/groups.ts';
import type { UserRow } from '../storage/users.ts';
import { ScimError } from './errors.ts';
import { type FilterTarget, jsonText, type Operand } from './filter.ts';
import { applyOperations, readOperations } from './patch.ts';
import type { ResolvedPath } from './paths.ts';
import { canonical, iso, pickOne, type Resource } from './resource.ts';
import { ENTERPRISE, PORTCULLIS_USER, USER } from './schemas.ts';

export const USER_SCHEMAS = [USER, ENTERPRISE, PORTCULLIS_USER] as const;

/** Core attributes kept as given (in `profile`), with the enterprise extension. */
const KEPT = [
  'name',
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'locale',
  'timezone',
  'addresses',
];

export interface ScimCall {
  ctx: AppContext;
  actor: Actor;
  /** The base URL of the SCIM endpoints, for `location` and `$ref`. */
  base: string;
}

export function toScimUser(
  call: ScimCall,
  u: UserRow,
  groups: readonly { id: string; name: string }[],
): Resource {
  const profile = JSON.parse(u.profile) as Resource;
  const kept = Object.fromEntries(
    KEPT.filter((k) => profile[k] !== undefined).map((k) => [k, profile[k]]),
  );
  const mobile = openMobile(call.ctx.box, u);
  const enterprise = profile[ENTERPRISE] as Resource | undefined;
  return {
    schemas: [USER, ...(enterprise ? [ENTERPRISE] : []), PORTCULLIS_USER],
    id: u.id,
    ...(u.external_id ? { externalId: u.external_id } : {}),
    userName: u.upn,
    displayName: u.display_name,
    ...kept,
    ...(u.preferred_language ? { preferredLanguage: u.preferred_language } : {}),
    active: u.blocked === 0,
    ...(u.directory_mail
      ? { emails: [{ value: u.directory_mail, type: 'work', primary: true }] }
      : {}),
    ...(mobile ? { phoneNumbers: [{ value: mobile, type: 'mobile', primary: true }] } : {}),
    groups: groups.map((g) => ({
      value: g.id,
      display: g.name,
      $ref: `${call.base}/Groups/${g.id}`,
      type: 'direct',
    })),
    ...(enterprise ? { [ENTERPRISE]: enterprise } : {}),
    [PORTCULLIS_USER]: { mfaState: u.mfa_state, isAdmin: u.is_admin === 1, source: u.source },
    meta: {
      resourceType: 'User',
      created: iso(u.created_at),
      lastModified: iso(u.updated_at),
      location: `${call.base}/Users/${u.id}`,
    },
  };
}

/** What a SCIM User says about a Portcullis user. */
interface UserIntent {
  upn: string;
  displayName: string;
  preferredLanguage: string;
  active: boolean;
  email: string | null;
  mobile: string | null;
  externalId: string | null;
  profile: Resource;
  /** Absent: left as it is (a client that does not know the extension changes no MFA state). */
  mfaState?: MfaState;
  password?: string;
}

function readUser(body: unknown): UserIntent {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ScimError(400, 'invalidSyntax', 'The body is a JSON object: a SCIM User.');
  const r = canonical(body as Resource, USER_SCHEMAS);
  if (typeof r.userName !== 'string' || !r.userName.trim())
    throw new ScimError(
      400,
      'invalidValue',
      'userName is required: the user name (UPN), e.g. alice@contoso.com.',
    );
  const upn = r.userName.trim();
  const name = r.name as
    | { formatted?: unknown; givenName?: unknown; familyName?: unknown }
    | undefined;
  const fromName =
    typeof name?.formatted === 'string' && name.formatted.trim()
      ? name.formatted
      : [name?.givenName, name?.familyName]
          .filter((x) => typeof x === 'string' && x.trim())
          .join(' ');
  const displayName =
    typeof r.displayName === 'string' && r.displayName.trim()
      ? r.displayName
      : fromName || upn.split('@')[0]!;
  if (r.active !== undefined && typeof r.active !== 'boolean')
    throw new ScimError(400, 'invalidValue', 'active is true or false.');
  const profile: Resource = {};
  for (const k of KEPT) if (r[k] !== undefined && r[k] !== null) profile[k] = r[k];
  const enterprise = r[ENTERPRISE] as Resource | undefined;
  // Microsoft Entra sends the manager as a bare id: RFC 7643 §4.3 makes it complex.
  if (typeof enterprise?.manager === 'string') enterprise.manager = { value: enterprise.manager };
  if (enterprise && Object.keys(enterprise).length > 0) profile[ENTERPRISE] = enterprise;
  const ext = r[PORTCULLIS_USER] as { mfaState?: unknown } | undefined;
  if (ext?.mfaState !== undefined && typeof ext.mfaState !== 'string')
    throw new ScimError(400, 'invalidValue', 'mfaState is Disabled, Enabled or Enforced.');
  if (r.password !== undefined && typeof r.password !== 'string')
    throw new ScimError(400, 'invalidValue', 'password is a string.');
  if (r.externalId !== undefined && r.externalId !== null && typeof r.externalId !== 'string')
    throw new ScimError(400, 'invalidValue', 'externalId is a string.');
  return {
    upn,
    displayName,
    preferredLanguage:
      typeof r.preferredLanguage === 'string' && r.preferredLanguage.trim()
        ? r.preferredLanguage
        : '',
    active: r.active !== false,
    email: pickOne(r.emails, 'work'),
    mobile: pickOne(r.phoneNumbers, 'mobile'),
    externalId: typeof r.externalId === 'string' && r.externalId.trim() ? r.externalId : null,
    profile,
    ...(typeof ext?.mfaState === 'string' ? { mfaState: parseMfaState(ext.mfaState) } : {}),
    ...(typeof r.password === 'string' ? { password: r.password } : {}),
  };
}

async function requireScimUser(call: ScimCall, id: string): Promise<UserRow> {
  const user = await call.ctx.stores.users.findById(id);
  if (!user) throw new ScimError(404, undefined, `No user has the id "${id.slice(0, 80)}".`);
  return user;
}

export async function scimUserResource(call: ScimCall, u: UserRow): Promise<Resource> {
  const groups = (await groupsStore(call.ctx.db).groupsOf([u.id])).get(u.id) ?? [];
  return toScimUser(call, u, groups);
}

export async function getScimUser(call: ScimCall, id: string): Promise<Resource> {
  return scimUserResource(call, await requireScimUser(call, id));
}

export async function createScimUser(call: ScimCall, body: unknown): Promise<Resource> {
  const i = readUser(body);
  const created = await createUser(
    call.ctx,
    {
      upn: i.upn,
      displayName: i.displayName,
      preferredLanguage: i.preferredLanguage,
      ...(i.password !== undefined ? { password: i.password } : {}),
      ...(i.mfaState ? { mfaState: i.mfaState } : {}),
      blocked: !i.active,
      email: i.email,
      mobile: i.mobile,
      externalId: i.externalId,
      profile: i.profile,
    },
    call.actor,
  );
  return getScimUser(call, created.id);
}

/** Makes the user what the SCIM User says (PUT, and PATCH once applied); audited field by field. */
async function applyUser(call: ScimCall, user: UserRow, i: UserIntent): Promise<Resource> {
  // A password that will be refused is refused before anything changes.
  if (i.password !== undefined) checkNewPassword(i.password);
  await updateUser(call.ctx, call.actor, user.upn, {
    userPrincipalName: i.upn,
    displayName: i.displayName,
    preferredLanguage: i.preferredLanguage,
    // A directory user's block is the directory's: "active" as it stands changes nothing.
    ...(user.blocked === 1 && user.blocked_by === 'directory' && i.active
      ? {}
      : { blockCredential: !i.active }),
    email: i.email,
    mobile: i.mobile,
    externalId: i.externalId,
    profile: i.profile,
    ...(i.mfaState ? { mfaState: i.mfaState } : {}),
  });
  const after = await requireScimUser(call, user.id);
  if (i.password !== undefined) await setPassword(call.ctx, call.actor, after, i.password);
  return getScimUser(call, user.id);
}

export async function replaceScimUser(
  call: ScimCall,
  id: string,
  body: unknown,
): Promise<Resource> {
  const user = await requireScimUser(call, id);
  const i = readUser(body);
  // RFC 7644 §3.5.1: a PUT that names another resource's id is not this resource.
  const sentId = (body as Resource).id;
  if (typeof sentId === 'string' && sentId !== id)
    throw new ScimError(400, 'mutability', 'id cannot be changed.');
  return applyUser(call, user, i);
}

export async function patchScimUser(call: ScimCall, id: string, body: unknown): Promise<Resource> {
  const user = await requireScimUser(call, id);
  const ops = readOperations(body);
  for (const op of ops) {
    const head = (
      op.path ??
      Object.keys((op.value as Resource | undefined) ?? {})[0] ??
      ''
    ).toLowerCase();
    if (head === 'id' || head.startsWith('groups') || head.startsWith('meta'))
      throw new ScimError(
        400,
        'mutability',
        `${op.path ?? head} cannot be changed here${head.startsWith('groups') ? ' (change the group’s members)' : ''}.`,
      );
  }
  const current = await scimUserResource(call, user);
  const patched = applyOperations(current, ops);
  return applyUser(call, user, readUser(patched));
}

export async function deleteScimUser(call: ScimCall, id: string): Promise<void> {
  const user = await requireScimUser(call, id);
  await deleteUser(call.ctx, call.actor, user.upn);
}

/** Where each attribute is in SQL, for filters (src/scim/filter.ts). */
export function userFilterTarget(ctx: AppContext): FilterTarget {
  const dialect = ctx.dialect;
  const col = (c: string) => sql.ref(`users.${c}`);
  const hasMail: RawBuilder<SqlBool> = sql<SqlBool>`${col('directory_mail')} is not null`;
  const profile = (keys: string[]): Operand => ({
    kind: 'text',
    sql: jsonText(col('profile'), keys, dialect),
    caseExact: false,
  });
  return {
    schemas: USER_SCHEMAS,
    dialect,
    operand(p: ResolvedPath): Operand | null {
      if (p.schema === ENTERPRISE)
        return p.attr ? profile([ENTERPRISE, p.attr, ...(p.sub ? [p.sub] : [])]) : null;
      if (p.schema === PORTCULLIS_USER) {
        if (p.attr === 'mfaState') return { kind: 'text', sql: col('mfa_state'), caseExact: false };
        if (p.attr === 'isAdmin') return { kind: 'bool', sql: col('is_admin') };
        if (p.attr === 'source') return { kind: 'text', sql: col('source'), caseExact: false };
        return null;
      }
      switch (p.attr) {
        case 'schemas': {
          // Every user has the core and Portcullis schemas; the enterprise one when given.
          const enterprise = sql<SqlBool>`${jsonText(col('profile'), [ENTERPRISE], dialect)} is not null`;
          return {
            kind: 'member',
            eq: (uri) =>
              uri.toLowerCase() === ENTERPRISE.toLowerCase()
                ? enterprise
                : [USER, PORTCULLIS_USER].some((s) => s.toLowerCase() === uri.toLowerCase())
                  ? sql<SqlBool>`1 = 1`
                  : sql<SqlBool>`1 = 0`,
            any: sql<SqlBool>`1 = 1`,
          };
        }
        case 'id':
          return { kind: 'text', sql: col('id'), caseExact: true };
        case 'externalId':
          return { kind: 'text', sql: col('external_id'), caseExact: true };
        case 'userName':
          return { kind: 'text', sql: col('upn_normalized'), caseExact: false, lowered: true };
        case 'displayName':
          return { kind: 'text', sql: col('display_name'), caseExact: false };
        case 'preferredLanguage':
          return { kind: 'text', sql: col('preferred_language'), caseExact: false };
        case 'active':
          return { kind: 'bool', sql: sql`(1 - ${col('blocked')})` };
        case 'emails':
          if (!p.sub || p.sub === 'value')
            return { kind: 'text', sql: col('directory_mail'), caseExact: false };
          if (p.sub === 'type') return { kind: 'const', value: 'work', present: hasMail };
          if (p.sub === 'primary') return { kind: 'const', value: true, present: hasMail };
          return null;
        case 'groups':
          if (p.sub && p.sub !== 'value') return null;
          return {
            kind: 'member',
            eq: (id) =>
              sql<SqlBool>`exists (select 1 from group_members gm where gm.user_id = ${col('id')} and gm.group_id = ${id})`,
            any: sql<SqlBool>`exists (select 1 from group_members gm where gm.user_id = ${col('id')})`,
          };
        case 'meta':
          if (p.sub === 'created') return { kind: 'time', sql: col('created_at') };
          if (p.sub === 'lastModified') return { kind: 'time', sql: col('updated_at') };
          if (p.sub === 'resourceType')
            return { kind: 'const', value: 'User', present: sql<SqlBool>`1 = 1` };
          return null;
        default:
          return KEPT.includes(p.attr) && p.attr !== 'addresses'
            ? profile([p.attr, ...(p.sub ? [p.sub] : [])])
            : null;
      }
    },
  };
}
