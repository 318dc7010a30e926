import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createUser,
  getUser,
  listUsers,
  setBlocked,
  setMfaState,
  type UserView,
} from '../../services/users.ts';
import type { HttpEnv } from '../env.ts';
import { viewerOf } from './auth.ts';
import {
  MfaStateSchema,
  NewUserSchema,
  problemResponses,
  UserPageSchema,
  UserPatchSchema,
  UserSchema,
} from './schemas.ts';

const UpnParam = z.object({
  upn: z
    .string()
    .max(256)
    .openapi({ param: { name: 'upn', in: 'path' }, example: 'alice@contoso.com' }),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const create = createRoute({
  method: 'post',
  path: '/users',
  tags: ['Users'],
  summary: 'Create a user',
  request: { body: { required: true, content: { 'application/json': { schema: NewUserSchema } } } },
  responses: {
    201: json(UserSchema, 'The new user'),
    409: problemResponses[400],
    ...problemResponses,
  },
});

const get = createRoute({
  method: 'get',
  path: '/users/{upn}',
  tags: ['Users'],
  summary: 'Get a user by UPN (as Get-MsolUser -UserPrincipalName)',
  request: { params: UpnParam },
  responses: { 200: json(UserSchema, 'The user'), ...problemResponses },
});

const list = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Users'],
  summary: 'List users, ordered by UPN, one page at a time',
  request: {
    query: z.object({
      mfaState: MfaStateSchema.optional(),
      cursor: z.string().max(400).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: { 200: json(UserPageSchema, 'A page of users'), ...problemResponses },
});

const patch = createRoute({
  method: 'patch',
  path: '/users/{upn}',
  tags: ['Users'],
  summary: 'Set the MFA state (as Set-MsolUser -StrongAuthenticationRequirements)',
  request: {
    params: UpnParam,
    body: { required: true, content: { 'application/json': { schema: UserPatchSchema } } },
  },
  responses: { 200: json(UserSchema, 'The updated user'), ...problemResponses },
});

export const usersApi = new OpenAPIHono<HttpEnv>()
  .openapi(create, async (c) => {
    const b = c.req.valid('json');
    const user = await createUser(c.var.ctx, {
      upn: b.userPrincipalName,
      password: b.password,
      ...(b.displayName !== undefined ? { displayName: b.displayName } : {}),
      ...(b.isAdmin !== undefined ? { isAdmin: b.isAdmin } : {}),
      ...(b.preferredLanguage !== undefined ? { preferredLanguage: b.preferredLanguage } : {}),
      ...(b.mfaState !== undefined ? { mfaState: b.mfaState } : {}),
    });
    return c.json(user, 201);
  })
  .openapi(get, async (c) =>
    c.json(await getUser(c.var.ctx, c.req.valid('param').upn, viewerOf(c)), 200),
  )
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    const page = await listUsers(
      c.var.ctx,
      {
        ...(q.mfaState ? { mfaState: q.mfaState } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
      },
      viewerOf(c),
    );
    return c.json(page, 200);
  })
  .openapi(patch, async (c) => {
    const { upn } = c.req.valid('param');
    const body = c.req.valid('json');
    const { ctx } = c.var;
    let user = await getUser(ctx, upn, viewerOf(c));
    if (body.strongAuthenticationRequirements) {
      const state = body.strongAuthenticationRequirements[0]?.state ?? 'Disabled';
      [user] = (await setMfaState(ctx, [upn], state, viewerOf(c))) as [UserView];
    }
    if (body.blockCredential !== undefined) {
      user = await setBlocked(
        ctx,
        upn,
        body.blockCredential,
        `api-token:${c.var.apiTokenId}`,
        viewerOf(c),
      );
    }
    return c.json(user, 200);
  });
