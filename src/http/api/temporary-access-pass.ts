import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.ts';
import { TAP_LENGTH, TAP_LIFETIME } from '../../policy/methods-policy.ts';
import {
  issueTemporaryAccessPass,
  revokeTemporaryAccessPass,
  TAP_START_MAX_DAYS,
  temporaryAccessPassOf,
  withStartTime,
} from '../../services/temporary-access-pass.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route, UpnParam } from './route.ts';

const TAG = 'Temporary Access Pass';
const PATH = '/users/{upn}/temporary-access-pass';

const PassSchema = z
  .object({
    id: z.string(),
    userPrincipalName: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    startsAt: z.string(),
    expiresAt: z.string(),
    lifetimeMinutes: z.number().int(),
    oneTime: z.boolean(),
    usedAt: z.string().nullable(),
    state: z.enum(['active', 'pending', 'used', 'expired']),
  })
  .openapi('TemporaryAccessPass');

const create = route({
  method: 'post',
  path: PATH,
  tag: TAG,
  summary: 'Issue a pass (replacing any earlier one), shown once in `temporaryAccessPass`',
  description:
    'The methods policy must give the user Temporary Access Passes; what is not said is the policy’s default. The pass signs the user in (counting as multi-factor) and lets them register methods; never on LDAP, RADIUS or HTTP verify.',
  params: UpnParam,
  body: z
    .object({
      // Bounds checked by the service, which names them (the policy's longest lifetime).
      lifetimeMinutes: z
        .number()
        .int()
        .optional()
        .openapi({
          description: `${TAP_LIFETIME.min} minutes to the methods policy's longest (at most ${TAP_LIFETIME.max})`,
        }),
      oneTime: z.boolean().optional(),
      startsAt: z.iso
        .datetime({ offset: true })
        .optional()
        .openapi({
          description: `When it starts to work (ISO 8601), up to ${TAP_START_MAX_DAYS} days ahead; now if not given`,
        }),
      length: z
        .number()
        .int()
        .optional()
        .openapi({ description: `${TAP_LENGTH.min} to ${TAP_LENGTH.max} characters` }),
    })
    .strict(),
  response: PassSchema.extend({ temporaryAccessPass: z.string() }),
  status: 201,
});

const get = route({
  method: 'get',
  path: PATH,
  tag: TAG,
  summary: "The user's pass (never the pass itself): when it expires, whether it was used",
  params: UpnParam,
  response: PassSchema,
});

const remove = route({
  method: 'delete',
  path: PATH,
  tag: TAG,
  summary: 'Revoke the pass: it signs in no more',
  params: UpnParam,
  response: z.object({ deleted: z.literal(true) }),
});

export const temporaryAccessPassApi = new OpenAPIHono<HttpEnv>()
  .openapi(create, async (c) =>
    c.json(
      await issueTemporaryAccessPass(
        c.var.ctx,
        actorOf(c),
        c.req.valid('param').upn,
        withStartTime(c.req.valid('json')),
      ),
      201,
    ),
  )
  .openapi(get, async (c) => {
    const { upn } = c.req.valid('param');
    const pass = await temporaryAccessPassOf(c.var.ctx, upn);
    if (!pass) throw new AppError('not_found', { detail: `${upn} has no Temporary Access Pass.` });
    return c.json(pass, 200);
  })
  .openapi(remove, async (c) => {
    await revokeTemporaryAccessPass(c.var.ctx, actorOf(c), c.req.valid('param').upn);
    return c.json({ deleted: true as const }, 200);
  });
