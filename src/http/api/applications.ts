import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.ts';
import { createLegacyApp, createOidcApp, listApps } from '../../services/applications.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';

const FrontSchema = z.enum(['verify', 'forward-auth', 'ldap', 'radius']);
const ApplicationSchema = z
  .object({
    id: z.string().openapi({ description: 'Also the OpenID Connect client_id' }),
    name: z.string(),
    kind: z.enum(['legacy', 'oidc']),
    fronts: z.array(FrontSchema),
    hasRadiusSecret: z.boolean(),
    createdAt: z.string(),
    redirectUris: z.array(z.string()),
    grantTypes: z.array(z.string()),
    requireMfa: z.boolean(),
    firstParty: z.boolean(),
  })
  .openapi('Application');

const list = route({
  method: 'get',
  path: '/applications',
  tag: 'Applications',
  summary: 'List applications (legacy ones and OpenID Connect clients)',
  response: z.object({ items: z.array(ApplicationSchema) }),
});

const create = route({
  method: 'post',
  path: '/applications',
  tag: 'Applications',
  summary:
    'Register a legacy application (IMAP server, VPN, proxied site) or an OpenID Connect client',
  description:
    'kind "legacy" (the default) takes fronts and radiusSecret; kind "oidc" takes redirectUris, requireMfa, firstParty and machine (client credentials), and answers with the client secret, once.',
  body: z
    .object({
      name: z.string().max(100),
      kind: z.enum(['legacy', 'oidc']).optional(),
      fronts: z.array(FrontSchema).optional(),
      radiusSecret: z.string().max(128).optional(),
      redirectUris: z.array(z.string().max(2000)).max(20).optional(),
      requireMfa: z.boolean().optional(),
      firstParty: z.boolean().optional(),
      machine: z.boolean().optional(),
    })
    .strict(),
  response: ApplicationSchema.extend({ clientSecret: z.string().optional() }),
  status: 201,
});

export const applicationsApi = new OpenAPIHono<HttpEnv>()
  .openapi(list, async (c) => c.json({ items: await listApps(c.var.ctx) }, 200))
  .openapi(create, async (c) => {
    const b = c.req.valid('json');
    if ((b.kind ?? 'legacy') === 'legacy') {
      if (b.redirectUris || b.requireMfa || b.firstParty || b.machine)
        throw new AppError('invalid_request', {
          detail: 'redirectUris, requireMfa, firstParty and machine are for kind "oidc".',
        });
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
    }
    if (b.fronts || b.radiusSecret)
      throw new AppError('invalid_request', {
        detail: 'fronts and radiusSecret are for kind "legacy".',
      });
    const { application, clientSecret } = await createOidcApp(
      c.var.ctx,
      {
        name: b.name,
        redirectUris: b.redirectUris ?? [],
        requireMfa: !!b.requireMfa,
        firstParty: !!b.firstParty,
        machine: !!b.machine,
      },
      actorOf(c),
    );
    return c.json({ ...application, clientSecret }, 201);
  });
