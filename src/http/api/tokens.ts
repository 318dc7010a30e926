import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.ts';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  tokenScopes,
} from '../../services/api-tokens.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';

const tag = 'API tokens';
const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(tokenScopes),
    rights: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

const list = route({
  method: 'get',
  path: '/tokens',
  tag,
  summary: 'Admin API tokens (never the secrets)',
  response: z.object({ items: z.array(TokenSchema) }),
});
const create = route({
  method: 'post',
  path: '/tokens',
  tag,
  summary: 'Create an admin API token; the token is in this answer only',
  body: z
    .object({
      name: z.string().max(100),
      scope: z.enum(tokenScopes).optional(),
      personalData: z.boolean().optional().openapi({ description: 'May see full phone numbers' }),
    })
    .strict(),
  response: z.object({ token: z.string(), apiToken: TokenSchema }),
  status: 201,
});
const revoke = route({
  method: 'delete',
  path: '/tokens/{id}',
  tag,
  summary: 'Revoke a token at once',
  params: z.object({
    id: z
      .string()
      .max(40)
      .openapi({ param: { name: 'id', in: 'path' } }),
  }),
  response: z.object({ revoked: z.literal(true) }),
});

export const tokensApi = new OpenAPIHono<HttpEnv>()
  .openapi(list, async (c) => c.json({ items: await listApiTokens(c.var.ctx) }, 200))
  .openapi(create, async (c) => {
    const b = c.req.valid('json');
    const actor = actorOf(c);
    // A token cannot mint a token with a right it does not have itself.
    if (b.personalData && actor.name.startsWith('token ') && !actor.personalData)
      throw new AppError('forbidden', {
        detail: 'This token may not see personal data, so it cannot create a token that may.',
      });
    const created = await createApiToken(c.var.ctx, actor, {
      name: b.name,
      ...(b.scope ? { scope: b.scope } : {}),
      rights: b.personalData ? ['personal-data'] : [],
    });
    return c.json(created, 201);
  })
  .openapi(revoke, async (c) => {
    await revokeApiToken(c.var.ctx, actorOf(c), c.req.valid('param').id);
    return c.json({ revoked: true as const }, 200);
  });
