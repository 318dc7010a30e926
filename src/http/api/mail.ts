import { OpenAPIHono, z } from '@hono/zod-openapi';
import { listMailbox } from '../../mail/mailbox.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';

const list = route({
  method: 'get',
  path: '/mail',
  tag: 'Mail',
  summary:
    'The latest email: to whom, what, whether it was sent (the text needs the personal-data right)',
  query: z.object({
    to: z.string().max(254).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  }),
  response: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      to: z.string(),
      subject: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      error: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      text: z.string().optional(),
    }),
  ),
});

export const mailApi = new OpenAPIHono<HttpEnv>().openapi(list, async (c) =>
  c.json(await listMailbox(c.var.ctx, actorOf(c), c.req.valid('query')), 200),
);
