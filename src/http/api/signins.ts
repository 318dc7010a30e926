import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { toSigninView } from '../../flows/signin-log.ts';
import { printable } from '../../services/validation.ts';
import type { HttpEnv } from '../env.ts';
import { problemResponses, SigninPageSchema } from './schemas.ts';

const list = createRoute({
  method: 'get',
  path: '/signins',
  tags: ['Sign-in log'],
  summary: 'List sign-in attempts, newest first',
  request: {
    query: z.object({
      upn: z.string().max(256).optional(),
      cursor: z.string().max(400).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: {
    200: {
      description: 'A page of sign-ins',
      content: { 'application/json': { schema: SigninPageSchema } },
    },
    ...problemResponses,
  },
});

const encode = (at: number, id: string) => Buffer.from(`${at}:${id}`).toString('base64url');
function decode(cursor: string): { at: number; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  return at && id && /^\d+$/.test(at) && /^[0-9a-f-]{36}$/.test(id)
    ? { at: Number(at), id }
    : undefined;
}

export const signinsApi = new OpenAPIHono<HttpEnv>().openapi(list, async (c) => {
  const q = c.req.valid('query');
  const limit = q.limit ?? 100;
  const before = q.cursor ? decode(q.cursor) : undefined;
  const rows = await c.var.ctx.stores.signinLog.list({
    limit: limit + 1,
    ...(q.upn ? { upn: printable(q.upn) } : {}),
    ...(before ? { before } : {}),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return c.json(
    {
      items: page.map(toSigninView),
      nextCursor: rows.length > limit && last ? encode(last.at, last.id) : null,
    },
    200,
  );
});
