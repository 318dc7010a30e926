import { OpenAPIHono, z } from '@hono/zod-openapi';
import { MethodsPolicySchema, policyMethods } from '../../policy/methods-policy.ts';
import {
  changeMethodPolicy,
  getMethodsPolicy,
  setMethodsPolicy,
} from '../../services/methods-policy.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';

// A schema made before @hono/zod-openapi loads has no .openapi (zod 4): a copy made now has.
const PolicySchema = MethodsPolicySchema.strict().openapi('AuthenticationMethodsPolicy');
const TAG = 'Authentication methods policy';

const get = route({
  method: 'get',
  path: '/methods-policy',
  tag: TAG,
  summary: 'Which methods are for whom, with their options',
  description:
    'Each method is enabled or not, for all users or for members of the included groups (by id), never for members of an excluded group. Until a policy is saved, it is the one the `allowedMethods` setting makes.',
  response: PolicySchema,
});

const put = route({
  method: 'put',
  path: '/methods-policy',
  tag: TAG,
  summary: 'Replace the policy (validated; all or nothing; audited)',
  description: 'Groups may be named by id or by name; the answer names them by id.',
  body: PolicySchema,
  response: PolicySchema,
});

const patch = route({
  method: 'patch',
  path: '/methods-policy/{method}',
  tag: TAG,
  summary: "Change one method's entry (what is not named stays)",
  description: `\`method\` is one of ${policyMethods.join(', ')}. The body has any of \`enabled\`, \`include\` ("all" or groups), \`exclude\` and the method's options.`,
  params: z.object({ method: z.string().max(40) }),
  body: z.record(z.string(), z.unknown()),
  response: PolicySchema,
});

export const methodsPolicyApi = new OpenAPIHono<HttpEnv>()
  .openapi(get, async (c) => c.json(await getMethodsPolicy(c.var.ctx), 200))
  .openapi(put, async (c) =>
    c.json(await setMethodsPolicy(c.var.ctx, c.req.valid('json'), actorOf(c)), 200),
  )
  .openapi(patch, async (c) =>
    c.json(
      await changeMethodPolicy(
        c.var.ctx,
        c.req.valid('param').method,
        c.req.valid('json'),
        actorOf(c),
      ),
      200,
    ),
  );
