// The directory through the admin API: status, a test of the settings, a sync now.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { getDirectoryStatus, runDirectorySync, runDirectoryTest } from '../../directory/admin.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';

const tag = 'Directory';
const Problem = z.object({ entry: z.string(), message: z.string() });
const Run = z
  .object({
    id: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    trigger: z.string(),
    actor: z.string(),
    status: z.enum(['running', 'succeeded', 'partial', 'failed']),
    entries: z.number(),
    created: z.number(),
    updated: z.number(),
    blocked: z.number(),
    unblocked: z.number(),
    deleted: z.number(),
    errors: z.array(Problem),
    error: z.string().nullable(),
  })
  .openapi('DirectorySyncRun');
const Status = z
  .object({
    configured: z.boolean(),
    flavour: z.string().nullable(),
    urls: z.array(z.string()),
    baseDn: z.string().nullable(),
    bindDn: z.string().nullable(),
    syncMinutes: z.number(),
    connection: z.object({
      up: z.boolean().nullable(),
      since: z.string().nullable(),
      lastError: z.string().nullable(),
    }),
    lastRun: Run.nullable(),
    nextSyncAt: z.string().nullable(),
    runs: z.array(Run),
    users: z.object({ local: z.number(), directory: z.number(), blockedByDirectory: z.number() }),
  })
  .openapi('DirectoryStatus');
const Change = z.object({
  action: z.enum(['create', 'adopt', 'update', 'block', 'unblock', 'delete']),
  upn: z.string(),
  entry: z.string().nullable(),
  fields: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
const Report = z
  .object({
    dryRun: z.boolean(),
    startedAt: z.string(),
    finishedAt: z.string(),
    entries: z.number(),
    created: z.number(),
    updated: z.number(),
    blocked: z.number(),
    unblocked: z.number(),
    deleted: z.number(),
    unchanged: z.number(),
    changes: z.array(Change),
    errors: z.array(Problem),
  })
  .openapi('DirectorySyncReport');
const Tested = z
  .object({
    ok: z.boolean(),
    baseDn: z.string(),
    filter: z.string(),
    entries: z.array(
      z.object({
        dn: z.string(),
        userPrincipalName: z.string().nullable(),
        displayName: z.string().nullable(),
        mail: z.string().nullable(),
        mobile: z
          .string()
          .nullable()
          .openapi({ description: 'Masked but for the last two digits' }),
        preferredLanguage: z.string().nullable(),
        disabled: z.boolean(),
        id: z.string().nullable(),
        problem: z.string().nullable(),
      }),
    ),
  })
  .openapi('DirectoryTest');

const status = route({
  method: 'get',
  path: '/directory',
  tag,
  summary: 'The directory connection, the last syncs and the next one',
  response: Status,
});
const test = route({
  method: 'post',
  path: '/directory/test',
  tag,
  summary:
    'Bind as the service account and read a few users (or the one named) as Portcullis would',
  body: z.object({ upn: z.string().max(256).optional() }).strict(),
  response: Tested,
});
const sync = route({
  method: 'post',
  path: '/directory/sync',
  tag,
  summary: 'Sync users from the directory now (409 while another sync runs)',
  body: z.object({ dryRun: z.boolean().optional() }).strict(),
  response: Report,
});

export const directoryApi = new OpenAPIHono<HttpEnv>()
  .openapi(status, async (c) => c.json(await getDirectoryStatus(c.var.ctx), 200))
  .openapi(test, async (c) => {
    const { upn } = c.req.valid('json');
    return c.json(await runDirectoryTest(c.var.ctx, upn ? { upn } : {}), 200);
  })
  .openapi(sync, async (c) =>
    c.json(
      await runDirectorySync(c.var.ctx, actorOf(c), {
        dryRun: c.req.valid('json').dryRun ?? false,
        trigger: 'api',
      }),
      200,
    ),
  );
