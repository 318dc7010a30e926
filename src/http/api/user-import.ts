import { OpenAPIHono, z } from '@hono/zod-openapi';
import { IMPORT_TEMPLATE } from '../../services/import-template.ts';
import {
  applyImport,
  exportUsersCsv,
  parseImportCsv,
  previewImport,
} from '../../services/user-import.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { csv, route } from './route.ts';
import { MfaStateSchema } from './schemas.ts';

const tag = 'Users';

const ImportResultSchema = z
  .object({
    rows: z.array(
      z.object({
        line: z.number().int(),
        userPrincipalName: z.string(),
        action: z.enum(['create', 'update', 'unchanged', 'error']),
        changes: z.array(z.string()).optional(),
        error: z.string().optional(),
      }),
    ),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    invited: z.number().int(),
    applied: z.boolean(),
  })
  .openapi('ImportResult');

const importUsers = route({
  method: 'post',
  path: '/users/import',
  tag,
  summary: 'Create and update users from a CSV file, with a result per row',
  description:
    'The file has a header naming its columns: UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email (all but the first may be left out; an empty field changes nothing; Email defaults to the user name for new users). Every row is checked first; with `dryRun` nothing changes (a preview). Otherwise the good rows are applied in one transaction, and new users are invited by email unless `invite` is false.',
  body: z
    .object({
      csv: z.string().max(10_000_000),
      dryRun: z.boolean().optional(),
      invite: z.boolean().optional(),
    })
    .strict(),
  response: ImportResultSchema,
});

const template = route({
  method: 'get',
  path: '/users/import/template',
  tag,
  summary: 'The CSV template for importing users',
  response: z.string(),
});

const exportUsers = route({
  method: 'get',
  path: '/users/export',
  tag,
  summary:
    'The users (filtered as the list is) as a CSV file; mobile numbers need the personal-data right',
  query: z.object({
    mfaState: MfaStateSchema.optional(),
    search: z.string().max(120).optional(),
  }),
  response: z.string(),
});

export const userImportApi = new OpenAPIHono<HttpEnv>()
  .openapi(importUsers, async (c) => {
    const b = c.req.valid('json');
    const items = parseImportCsv(b.csv);
    const result = b.dryRun
      ? await previewImport(c.var.ctx, items)
      : await applyImport(c.var.ctx, actorOf(c), items, { invite: b.invite ?? true });
    return c.json(result, 200);
  })
  .openapi(template, () => csv(IMPORT_TEMPLATE, 'users-template') as never)
  .openapi(
    exportUsers,
    async (c) =>
      csv(await exportUsersCsv(c.var.ctx, actorOf(c), c.req.valid('query')), 'users') as never,
  );
