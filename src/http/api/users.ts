import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.ts';
import { applyBulk, type BulkItem, parseBulkCsv, previewBulk } from '../../services/bulk-mfa.ts';
import { inviteUser } from '../../services/invitations.ts';
import { dismissRisk } from '../../services/risk.ts';
import { deleteUser, resetPassword, updateUser } from '../../services/user-admin.ts';
import { createUser, getUser, listUsers } from '../../services/users.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route, UpnParam } from './route.ts';
import {
  BulkResultSchema,
  MfaStateSchema,
  NewUserSchema,
  UserPageSchema,
  UserPatchSchema,
  UserSchema,
} from './schemas.ts';

const tag = 'Users';

const create = route({
  method: 'post',
  path: '/users',
  tag,
  summary: 'Create a user',
  body: NewUserSchema,
  response: UserSchema,
  status: 201,
});

const get = route({
  method: 'get',
  path: '/users/{upn}',
  tag,
  summary: 'Get a user by UPN (as Get-MsolUser -UserPrincipalName)',
  params: UpnParam,
  response: UserSchema,
});

const list = route({
  method: 'get',
  path: '/users',
  tag,
  summary:
    'List users, ordered by UPN, one page at a time; filter by state or risk, search by name or UPN',
  query: z.object({
    mfaState: MfaStateSchema.optional(),
    riskLevel: z
      .enum(['none', 'high'])
      .optional()
      .openapi({ description: 'high: the users who reported suspicious activity (risky users)' }),
    search: z
      .string()
      .max(120)
      .optional()
      .openapi({ description: 'Part of the UPN or display name' }),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  }),
  response: UserPageSchema,
});

const patch = route({
  method: 'patch',
  path: '/users/{upn}',
  tag,
  summary:
    'Change a user: name, language, admin role, block, MFA state (as Set-MsolUser -StrongAuthenticationRequirements)',
  params: UpnParam,
  body: UserPatchSchema,
  response: UserSchema,
});

const remove = route({
  method: 'delete',
  path: '/users/{upn}',
  tag,
  summary: 'Delete a user with their methods, app passwords and sessions',
  params: UpnParam,
  response: z.object({ deleted: z.literal(true) }),
});

const reset = route({
  method: 'post',
  path: '/users/{upn}/reset-password',
  tag,
  summary: 'Reset the password: a one-time password, shown once, to be changed at next sign-in',
  params: UpnParam,
  response: z.object({ user: UserSchema, oneTimePassword: z.string() }),
});

const invite = route({
  method: 'post',
  path: '/users/{upn}/invite',
  tag,
  summary: 'Send an invitation by email: a single-use link to set a password and register methods',
  params: UpnParam,
  response: z.object({
    userPrincipalName: z.string(),
    email: z.string(),
    expiresAt: z.string(),
  }),
});

const dismiss = route({
  method: 'post',
  path: '/users/{upn}/dismiss-risk',
  tag,
  summary:
    "Dismiss the user's risk (as Graph's riskyUsers/dismiss): none again, and a block the high-risk action set is lifted",
  params: UpnParam,
  response: z.object({ dismissed: z.boolean(), user: UserSchema }),
});

const bulk = route({
  method: 'post',
  path: '/users/mfa-state',
  tag,
  summary: 'Set the MFA state of many users, with a result per row',
  description:
    'Give `items` or `csv` (the text of a file in the template `Username,MFA Status`). Every row is checked first; with `dryRun` nothing changes (a preview). Otherwise the good rows are applied in one transaction and rows with errors are never applied.',
  body: z
    .object({
      items: z
        .array(z.object({ userPrincipalName: z.string().max(256), state: z.string().max(40) }))
        .max(50_000)
        .optional(),
      csv: z.string().max(5_000_000).optional(),
      dryRun: z.boolean().optional(),
      allOrNothing: z.boolean().optional().openapi({
        description: 'Refuse the whole request (404/400, nothing changed) if any row has an error',
      }),
    })
    .strict()
    .refine((b) => (b.items === undefined) !== (b.csv === undefined), {
      message: 'Give either items or csv.',
    }),
  response: BulkResultSchema,
});

export const usersApi = new OpenAPIHono<HttpEnv>()
  .openapi(create, async (c) => {
    const b = c.req.valid('json');
    const user = await createUser(
      c.var.ctx,
      {
        upn: b.userPrincipalName,
        password: b.password,
        ...(b.displayName !== undefined ? { displayName: b.displayName } : {}),
        ...(b.isAdmin !== undefined ? { isAdmin: b.isAdmin } : {}),
        ...(b.preferredLanguage !== undefined ? { preferredLanguage: b.preferredLanguage } : {}),
        ...(b.mfaState !== undefined ? { mfaState: b.mfaState } : {}),
        ...(b.email !== undefined ? { email: b.email } : {}),
        ...(b.mobilePhone !== undefined ? { mobile: b.mobilePhone } : {}),
        ...(b.invite !== undefined ? { invite: b.invite } : {}),
      },
      actorOf(c),
    );
    return c.json(user, 201);
  })
  .openapi(get, async (c) =>
    c.json(await getUser(c.var.ctx, c.req.valid('param').upn, actorOf(c)), 200),
  )
  .openapi(list, async (c) =>
    c.json(await listUsers(c.var.ctx, c.req.valid('query'), actorOf(c)), 200),
  )
  .openapi(patch, async (c) => {
    const { upn } = c.req.valid('param');
    const b = c.req.valid('json');
    const fromRequirements = b.strongAuthenticationRequirements
      ? (b.strongAuthenticationRequirements[0]?.state ?? 'Disabled')
      : undefined;
    if (b.mfaState && fromRequirements && b.mfaState !== fromRequirements)
      throw new AppError('invalid_request', {
        detail: 'mfaState and strongAuthenticationRequirements disagree; give one.',
      });
    const user = await updateUser(c.var.ctx, actorOf(c), upn, {
      ...(b.userPrincipalName !== undefined ? { userPrincipalName: b.userPrincipalName } : {}),
      ...(b.email !== undefined ? { email: b.email } : {}),
      ...(b.mobilePhone !== undefined ? { mobile: b.mobilePhone } : {}),
      ...(b.displayName !== undefined ? { displayName: b.displayName } : {}),
      ...(b.preferredLanguage !== undefined ? { preferredLanguage: b.preferredLanguage } : {}),
      ...(b.isAdmin !== undefined ? { isAdmin: b.isAdmin } : {}),
      ...(b.blockCredential !== undefined ? { blockCredential: b.blockCredential } : {}),
      ...((b.mfaState ?? fromRequirements) ? { mfaState: b.mfaState ?? fromRequirements } : {}),
    });
    return c.json(user, 200);
  })
  .openapi(remove, async (c) => {
    await deleteUser(c.var.ctx, actorOf(c), c.req.valid('param').upn);
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(reset, async (c) =>
    c.json(await resetPassword(c.var.ctx, actorOf(c), c.req.valid('param').upn), 200),
  )
  .openapi(invite, async (c) =>
    c.json(await inviteUser(c.var.ctx, actorOf(c), c.req.valid('param').upn), 200),
  )
  .openapi(dismiss, async (c) => {
    const { upn } = c.req.valid('param');
    const dismissed = await dismissRisk(c.var.ctx, actorOf(c), upn);
    return c.json({ dismissed, user: await getUser(c.var.ctx, upn, actorOf(c)) }, 200);
  })
  .openapi(bulk, async (c) => {
    const b = c.req.valid('json');
    const items: BulkItem[] =
      b.csv !== undefined
        ? parseBulkCsv(b.csv)
        : (b.items ?? []).map((i, n) => ({ ...i, line: n + 1 }));
    const result = b.dryRun
      ? await previewBulk(c.var.ctx, items)
      : await applyBulk(c.var.ctx, actorOf(c), items, {}, { allOrNothing: !!b.allOrNothing });
    return c.json(result, 200);
  });
