import { OpenAPIHono, z } from '@hono/zod-openapi';
import { exportCsv } from '../../services/logs.ts';
import {
  ACTIVITY_MAX_DAYS,
  activityCsvColumns,
  REGISTRATION_FILTERS,
  registrationCsvColumns,
  registrationDetails,
  registrationSummary,
  signinActivity,
  summaryCsvColumns,
  summaryRows,
} from '../../services/usage-report.ts';
import type { HttpEnv } from '../env.ts';
import { csv, route } from './route.ts';

const tag = 'Reports';
const format = z
  .enum(['json', 'csv'])
  .optional()
  .openapi({ description: 'csv: the whole report as one CSV file' });

const summary = route({
  method: 'get',
  path: '/reports/registration',
  tag,
  summary:
    'Registration figures for users who may sign in: MFA capable, without any method, texts and calls only, users per method type and per MFA state',
  query: z.object({ format }),
  response: z
    .object({
      users: z.number().int(),
      mfaCapable: z.number().int(),
      withoutMethod: z.number().int(),
      phoneOnly: z.number().int(),
      methods: z.array(z.object({ methodType: z.string(), users: z.number().int() })),
      mfaStates: z.object({
        Disabled: z.number().int(),
        Enabled: z.number().int(),
        Enforced: z.number().int(),
      }),
    })
    .openapi('RegistrationSummary'),
});

const details = route({
  method: 'get',
  path: '/reports/registration/users',
  tag,
  summary:
    'Users who may sign in, by user name, with what they registered (as Graph’s userRegistrationDetails); filter by capability',
  query: z.object({
    filter: z.enum(REGISTRATION_FILTERS).optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    format,
  }),
  response: z
    .object({
      items: z.array(
        z.object({
          userPrincipalName: z.string(),
          displayName: z.string(),
          mfaState: z.string(),
          isMfaCapable: z.boolean(),
          isPhoneOnly: z.boolean(),
          methodsRegistered: z.array(z.string()),
          defaultMethod: z.string().nullable(),
          lastSignInAt: z.string().nullable(),
        }),
      ),
      nextCursor: z.string().nullable(),
    })
    .openapi('RegistrationPage'),
});

const activity = route({
  method: 'get',
  path: '/reports/signins',
  tag,
  summary: 'Sign-ins per UTC day by method and result, over the last days (today included)',
  query: z.object({
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(ACTIVITY_MAX_DAYS)
      .optional()
      .openapi({ description: `1 to ${ACTIVITY_MAX_DAYS}; 30 if not given` }),
    format,
  }),
  response: z
    .object({
      dates: z.array(z.string()),
      rows: z.array(
        z.object({
          date: z.string(),
          method: z.string().openapi({ description: '"" for a password alone, or none' }),
          result: z.enum(['success', 'failure', 'interrupted']),
          count: z.number().int(),
        }),
      ),
    })
    .openapi('SigninActivity'),
});

export const reportsApi = new OpenAPIHono<HttpEnv>()
  .openapi(summary, async (c) => {
    const figures = await registrationSummary(c.var.ctx);
    if (c.req.valid('query').format === 'csv')
      return csv(
        await exportCsv(
          async () => ({ items: summaryRows(figures), nextCursor: null }),
          summaryCsvColumns,
        ),
        'registration-summary',
      ) as never;
    return c.json(figures, 200);
  })
  .openapi(details, async (c) => {
    const { format: f, ...q } = c.req.valid('query');
    if (f === 'csv')
      return csv(
        await exportCsv(
          (cursor) => registrationDetails(c.var.ctx, { ...q, cursor, limit: 1000 }),
          registrationCsvColumns,
        ),
        `registration-${q.filter ?? 'all'}`,
      ) as never;
    return c.json(await registrationDetails(c.var.ctx, q), 200);
  })
  .openapi(activity, async (c) => {
    const { format: f, days } = c.req.valid('query');
    const report = await signinActivity(c.var.ctx, days ?? 30);
    if (f === 'csv')
      return csv(
        await exportCsv(async () => ({ items: report.rows, nextCursor: null }), activityCsvColumns),
        `signins-${days ?? 30}-days`,
      ) as never;
    return c.json(report, 200);
  });
