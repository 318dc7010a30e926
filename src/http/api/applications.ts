import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createLegacyApp, listApps } from '../../services/applications.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { problemResponses } from './schemas.ts';

const FrontSchema = z.enum(['verify', 'forward-auth', 'ldap', 'radius']);
const ApplicationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['legacy', 'oidc']),
    fronts: z.array(FrontSchema),
    hasRadiusSecret: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Application');

const list = createRoute({
  method: 'get',
  path: '/applications',
  tags: ['Applications'],
  summary: 'List applications',
  responses: {
    200: {
      description: 'Applications',
      content: { 'application/json': { schema: z.object({ items: z.array(ApplicationSchema) }) } },
    },
    ...problemResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/applications',
  tags: ['Applications'],
  summary: 'Register a legacy application (IMAP server, VPN, proxied site)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              name: z.string().max(100),
              fronts: z.array(FrontSchema).optional(),
              radiusSecret: z.string().max(128).optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'The new application',
      content: { 'application/json': { schema: ApplicationSchema } },
    },
    ...problemResponses,
  },
});

export const applicationsApi = new OpenAPIHono<HttpEnv>()
  .openapi(list, async (c) => c.json({ items: await listApps(c.var.ctx) }, 200))
  .openapi(create, async (c) => {
    const b = c.req.valid('json');
    const app = await createLegacyApp(
      c.var.ctx,
      {
        name: b.name,
        ...(b.fronts ? { fronts: b.fronts } : {}),
        ...(b.radiusSecret !== undefined ? { radiusSecret: b.radiusSecret } : {}),
      },
      actorOf(c),
    );
    return c.json(app, 201);
  });
