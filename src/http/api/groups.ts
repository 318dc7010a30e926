import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  createGroup,
  deleteGroup,
  editGroupMembers,
  getGroup,
  groupMembers,
  listGroups,
  setGroupMfaState,
  updateGroup,
} from '../../services/groups.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';
import { MfaStateSchema } from './schemas.ts';

const tag = 'Groups';

const GroupSchema = z
  .object({
    id: z.string(),
    displayName: z.string().openapi({ example: 'Finance' }),
    description: z.string(),
    source: z.enum(['local', 'scim', 'directory']).openapi({
      description: 'local: made by hand; scim: by a provisioning system; directory: synced',
    }),
    externalId: z.string().nullable(),
    adminRole: z.boolean().openapi({ description: 'Members are administrators' }),
    memberCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Group');

const GroupParam = z.object({
  group: z
    .string()
    .max(300)
    .openapi({
      param: { name: 'group', in: 'path' },
      description: 'The group id or name',
      example: 'Finance',
    }),
});

const Upns = z.array(z.string().max(256)).max(10_000);

const create = route({
  method: 'post',
  path: '/groups',
  tag,
  summary: 'Create a group, with members (all or nothing)',
  body: z
    .object({
      displayName: z.string().max(300),
      description: z.string().max(2000).optional(),
      adminRole: z.boolean().optional(),
      members: Upns.optional(),
    })
    .strict(),
  response: GroupSchema,
  status: 201,
});

const list = route({
  method: 'get',
  path: '/groups',
  tag,
  summary: 'List groups by name, one page at a time',
  query: z.object({
    search: z.string().max(120).optional().openapi({ description: 'Part of the name' }),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  }),
  response: z.object({ items: z.array(GroupSchema), nextCursor: z.string().nullable() }),
});

const get = route({
  method: 'get',
  path: '/groups/{group}',
  tag,
  summary: 'Get a group by id or name',
  params: GroupParam,
  response: GroupSchema,
});

const patch = route({
  method: 'patch',
  path: '/groups/{group}',
  tag,
  summary: 'Rename a group, change its description, give or take the administrator role',
  params: GroupParam,
  body: z
    .object({
      displayName: z.string().max(300).optional(),
      description: z.string().max(2000).optional(),
      adminRole: z.boolean().optional(),
    })
    .strict(),
  response: GroupSchema,
});

const remove = route({
  method: 'delete',
  path: '/groups/{group}',
  tag,
  summary: 'Delete a group (its members stay)',
  params: GroupParam,
  response: z.object({ deleted: z.literal(true) }),
});

const members = route({
  method: 'get',
  path: '/groups/{group}/members',
  tag,
  summary: 'The members of a group, by UPN, one page at a time',
  params: GroupParam,
  query: z.object({
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  }),
  response: z.object({
    items: z.array(
      z.object({ id: z.string(), userPrincipalName: z.string(), displayName: z.string() }),
    ),
    nextCursor: z.string().nullable(),
  }),
});

const changeMembers = route({
  method: 'post',
  path: '/groups/{group}/members',
  tag,
  summary: 'Add and remove members by UPN (all or nothing: an unknown UPN changes nothing)',
  params: GroupParam,
  body: z.object({ add: Upns.optional(), remove: Upns.optional() }).strict(),
  response: GroupSchema,
});

const mfaState = route({
  method: 'post',
  path: '/groups/{group}/mfa-state',
  tag,
  summary: 'Set the MFA state of every member (one transaction)',
  params: GroupParam,
  body: z.object({ state: MfaStateSchema }).strict(),
  response: z.object({ group: GroupSchema, changed: z.number().int(), members: z.number().int() }),
});

export const groupsApi = new OpenAPIHono<HttpEnv>()
  .openapi(create, async (c) => {
    const b = c.req.valid('json');
    return c.json(await createGroup(c.var.ctx, actorOf(c), b), 201);
  })
  .openapi(list, async (c) => c.json(await listGroups(c.var.ctx, c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getGroup(c.var.ctx, c.req.valid('param').group), 200))
  .openapi(patch, async (c) =>
    c.json(
      await updateGroup(c.var.ctx, actorOf(c), c.req.valid('param').group, c.req.valid('json')),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    await deleteGroup(c.var.ctx, actorOf(c), c.req.valid('param').group);
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(members, async (c) =>
    c.json(await groupMembers(c.var.ctx, c.req.valid('param').group, c.req.valid('query')), 200),
  )
  .openapi(changeMembers, async (c) =>
    c.json(
      await editGroupMembers(
        c.var.ctx,
        actorOf(c),
        c.req.valid('param').group,
        c.req.valid('json'),
      ),
      200,
    ),
  )
  .openapi(mfaState, async (c) =>
    c.json(
      await setGroupMfaState(
        c.var.ctx,
        actorOf(c),
        c.req.valid('param').group,
        c.req.valid('json').state,
      ),
      200,
    ),
  );
