import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  auditCsvColumns,
  exportCsv,
  listAudit,
  listSignins,
  signinCsvColumns,
} from '../../services/logs.ts';
import type { HttpEnv } from '../env.ts';
import { csv, route } from './route.ts';
import { AuditPageSchema, SigninPageSchema } from './schemas.ts';

const paging = {
  since: z.string().max(40).optional().openapi({ description: 'ISO 8601 time or date, inclusive' }),
  until: z.string().max(40).optional().openapi({ description: 'ISO 8601 time or date, inclusive' }),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'csv: every matching entry as one CSV file (up to 100,000)' }),
};

const signins = route({
  method: 'get',
  path: '/signins',
  tag: 'Logs',
  summary: 'Sign-in attempts, newest first, filtered',
  query: z.object({
    user: z.string().max(256).optional(),
    result: z.enum(['success', 'failure', 'interrupted']).optional(),
    method: z.string().max(60).optional(),
    application: z.string().max(64).optional(),
    front: z.enum(['browser', 'verify', 'forward-auth', 'ldap', 'radius']).optional(),
    ...paging,
  }),
  response: SigninPageSchema,
});

const audit = route({
  method: 'get',
  path: '/audit',
  tag: 'Logs',
  summary: 'Audit events (who did what, when, from where), newest first, filtered',
  query: z.object({
    user: z.string().max(256).optional().openapi({ description: 'The user acted on' }),
    actor: z.string().max(300).optional(),
    action: z.string().max(60).optional(),
    ...paging,
  }),
  response: AuditPageSchema,
});

export const logsApi = new OpenAPIHono<HttpEnv>()
  .openapi(signins, async (c) => {
    const { format, ...q } = c.req.valid('query');
    if (format === 'csv')
      return csv(
        await exportCsv(
          (cursor) => listSignins(c.var.ctx, { ...q, cursor, limit: 1000 }),
          signinCsvColumns,
        ),
        'signins',
      ) as never;
    return c.json(await listSignins(c.var.ctx, q), 200);
  })
  .openapi(audit, async (c) => {
    const { format, ...q } = c.req.valid('query');
    if (format === 'csv')
      return csv(
        await exportCsv(
          (cursor) => listAudit(c.var.ctx, { ...q, cursor, limit: 1000 }),
          auditCsvColumns,
        ),
        'audit',
      ) as never;
    return c.json(await listAudit(c.var.ctx, q), 200);
  });
