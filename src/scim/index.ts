// SCIM 2.0 service provider (RFC 7643, RFC 7644) at /scim/v2: users and groups
// for a provisioning system, with an API token of scope "scim".
import { type Context, Hono } from 'hono';
import { sql } from 'kysely';
import { safeEqual, sha256 } from '../crypto/hash.ts';
import { AppError, isAppError } from '../errors.ts';
import { clientInfo } from '../http/client.ts';
import type { HttpEnv } from '../http/env.ts';
import { parseApiToken } from '../services/api-tokens.ts';
import { groupsStore } from '../storage/groups.ts';
import { type Projection, project } from './attributes.ts';
import { ScimError, scimErrorOf } from './errors.ts';
import { compileFilter, parseFilter } from './filter.ts';
import {
  createScimGroup,
  deleteScimGroup,
  GROUP_SCHEMAS,
  getScimGroup,
  groupFilterTarget,
  patchScimGroup,
  replaceScimGroup,
  toScimGroup,
} from './groups.ts';
import { listResponse, type Resource } from './resource.ts';
import { MAX_RESULTS, resourceTypes, schemaDocuments, serviceProviderConfig } from './schemas.ts';
import {
  createScimUser,
  deleteScimUser,
  getScimUser,
  patchScimUser,
  replaceScimUser,
  type ScimCall,
  toScimUser,
  USER_SCHEMAS,
  userFilterTarget,
} from './users.ts';

const CONTENT_TYPE = 'application/scim+json';

export const SCIM_PREFIX = '/scim/v2';

type ScimEnv = { Variables: HttpEnv['Variables'] & { call: ScimCall } };

/** A SCIM answer: the resource (or list) as application/scim+json. */
function send(c: Context, body: unknown, status: 200 | 201 = 200) {
  return c.body(JSON.stringify(body), status, { 'content-type': CONTENT_TYPE });
}

/** Any error on /scim as RFC 7644 §3.12 JSON. */
export function scimError(c: Context, e: ScimError | AppError) {
  const { status, body } = scimErrorOf(e);
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="portcullis-scim"');
  if (isAppError(e) && e.retryAfter) c.header('Retry-After', String(e.retryAfter));
  return c.body(JSON.stringify(body), status as 400, { 'content-type': CONTENT_TYPE });
}

async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScimError(400, 'invalidSyntax', 'The body is not JSON.');
  }
}

interface ListQuery extends Projection {
  filter?: string | undefined;
  startIndex?: number;
  count?: number;
}

function readListQuery(q: Record<string, unknown>): ListQuery {
  const num = (name: string): number | undefined => {
    const v = q[name];
    if (v === undefined || v === null || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n))
      throw new ScimError(400, 'invalidValue', `${name} is a whole number.`);
    return n;
  };
  const str = (name: string) => {
    const v = q[name];
    if (v !== undefined && typeof v !== 'string')
      throw new ScimError(400, 'invalidValue', `${name} is a string.`);
    return v as string | undefined;
  };
  const startIndex = num('startIndex');
  const count = num('count');
  return {
    filter: str('filter'),
    attributes: Array.isArray(q.attributes) ? q.attributes.join(',') : str('attributes'),
    excludedAttributes: Array.isArray(q.excludedAttributes)
      ? q.excludedAttributes.join(',')
      : str('excludedAttributes'),
    ...(startIndex !== undefined ? { startIndex } : {}),
    ...(count !== undefined ? { count } : {}),
  };
}

/** RFC 7644 §3.4.2.4: startIndex below 1 is 1; count below 0 is 0; above the maximum, the maximum. */
const paging = (q: ListQuery) => ({
  start: Math.max(1, q.startIndex ?? 1),
  count: Math.min(Math.max(0, q.count ?? 100), MAX_RESULTS),
});

async function listUsers(call: ScimCall, q: ListQuery) {
  const { ctx } = call;
  const where = q.filter
    ? compileFilter(parseFilter(q.filter), userFilterTarget(ctx))
    : sql<boolean>`1 = 1`;
  const { start, count } = paging(q);
  const total = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows =
    count === 0
      ? []
      : await ctx.db
          .selectFrom('users')
          .selectAll()
          .where(where)
          .orderBy('upn_normalized')
          .limit(count)
          .offset(start - 1)
          .execute();
  const groups = await groupsStore(ctx.db).groupsOf(rows.map((r) => r.id));
  return listResponse(
    Number(total.n),
    start,
    rows.map((u) => project(toScimUser(call, u, groups.get(u.id) ?? []), q, USER_SCHEMAS)),
  );
}

/** Whether an answer shows members (a list of large groups without them is cheap). */
const wantsMembers = (q: Projection) => {
  const names = (s?: string) => (s ?? '').split(',').map((x) => x.trim().toLowerCase());
  if (names(q.excludedAttributes).some((n) => n === 'members' || n.startsWith('members.')))
    return false;
  return (
    !q.attributes || names(q.attributes).some((n) => n === 'members' || n.startsWith('members.'))
  );
};

async function listGroups(call: ScimCall, q: ListQuery) {
  const { ctx } = call;
  const where = q.filter
    ? compileFilter(parseFilter(q.filter), groupFilterTarget(ctx.dialect))
    : sql<boolean>`1 = 1`;
  const { start, count } = paging(q);
  const total = await ctx.db
    .selectFrom('groups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows =
    count === 0
      ? []
      : await ctx.db
          .selectFrom('groups')
          .selectAll()
          .where(where)
          .orderBy('name_normalized')
          .limit(count)
          .offset(start - 1)
          .execute();
  const members = wantsMembers(q);
  const resources: Resource[] = [];
  for (const g of rows)
    resources.push(
      members
        ? project(await getScimGroup(call, g.id), q, GROUP_SCHEMAS)
        : project(toScimGroup(call, g, null), q, GROUP_SCHEMAS),
    );
  return listResponse(Number(total.n), start, resources);
}

/** Only tokens of scope "scim"; anything else is 401 or 403, in SCIM's form. */
async function authenticate(c: Context<ScimEnv>): Promise<ScimCall> {
  const { ctx } = c.var;
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const parsed = match ? parseApiToken(match[1]!) : null;
  const row = parsed ? await ctx.stores.apiTokens.find(parsed.id) : undefined;
  if (!parsed || !row || !safeEqual(sha256(parsed.secret), row.secret_hash))
    throw new AppError('unauthorized', {
      detail: 'Send an API token of scope "scim" as "Authorization: Bearer …".',
    });
  if (row.scope !== 'scim')
    throw new AppError('forbidden', {
      detail: `This token's scope is "${row.scope}": SCIM needs a token of scope "scim".`,
    });
  await ctx.stores.apiTokens.touch(row.id, ctx.clock.now());
  return {
    ctx,
    actor: { name: `token ${row.name}`, ip: clientInfo(c).ip, personalData: false },
    base: `${ctx.config.publicUrl.replace(/\/+$/, '')}${SCIM_PREFIX}`,
  };
}

const notFound = (what: string, id: string) =>
  new ScimError(404, undefined, `No ${what} has the id "${id.slice(0, 80)}".`);

export function createScim() {
  const scim = new Hono<ScimEnv>();
  scim.use('*', async (c, next) => {
    c.set('call', await authenticate(c));
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const base = (c: Context<ScimEnv>) => c.var.call.base;

  scim.get('/ServiceProviderConfig', (c) =>
    send(c, serviceProviderConfig(base(c), `${c.var.ctx.config.publicUrl}/docs/scim`)),
  );
  scim.get('/ResourceTypes', (c) => {
    const all = resourceTypes(base(c));
    return send(c, listResponse(all.length, 1, all));
  });
  scim.get('/ResourceTypes/:id', (c) => {
    const found = resourceTypes(base(c)).find((r) => r.id === c.req.param('id'));
    if (!found) throw notFound('resource type', c.req.param('id'));
    return send(c, found);
  });
  scim.get('/Schemas', (c) => {
    const all = schemaDocuments(base(c));
    return send(c, listResponse(all.length, 1, all));
  });
  scim.get('/Schemas/:id', (c) => {
    const found = schemaDocuments(base(c)).find((s) => s.id === c.req.param('id'));
    if (!found) throw notFound('schema', c.req.param('id'));
    return send(c, found);
  });

  /** The query's parameters; one given twice is a list (attributes may be). */
  const query = (c: Context) =>
    readListQuery(
      Object.fromEntries(
        Object.entries(c.req.queries()).map(([k, v]) => [k, v.length > 1 ? v : v[0]]),
      ),
    );

  scim.get('/Users', async (c) => send(c, await listUsers(c.var.call, query(c))));
  scim.post('/Users/.search', async (c) =>
    send(
      c,
      await listUsers(c.var.call, readListQuery((await readBody(c)) as Record<string, unknown>)),
    ),
  );
  scim.post('/Users', async (c) => {
    const created = await createScimUser(c.var.call, await readBody(c));
    c.header('Location', String((created.meta as { location: string }).location));
    return send(c, created, 201);
  });
  scim.get('/Users/:id', async (c) =>
    send(c, project(await getScimUser(c.var.call, c.req.param('id')), query(c), USER_SCHEMAS)),
  );
  scim.put('/Users/:id', async (c) =>
    send(c, await replaceScimUser(c.var.call, c.req.param('id'), await readBody(c))),
  );
  scim.patch('/Users/:id', async (c) =>
    send(c, await patchScimUser(c.var.call, c.req.param('id'), await readBody(c))),
  );
  scim.delete('/Users/:id', async (c) => {
    await deleteScimUser(c.var.call, c.req.param('id'));
    return c.body(null, 204);
  });

  scim.get('/Groups', async (c) => send(c, await listGroups(c.var.call, query(c))));
  scim.post('/Groups/.search', async (c) =>
    send(
      c,
      await listGroups(c.var.call, readListQuery((await readBody(c)) as Record<string, unknown>)),
    ),
  );
  scim.post('/Groups', async (c) => {
    const created = await createScimGroup(c.var.call, await readBody(c));
    c.header('Location', String((created.meta as { location: string }).location));
    return send(c, created, 201);
  });
  scim.get('/Groups/:id', async (c) => {
    const q = query(c);
    return send(
      c,
      project(await getScimGroup(c.var.call, c.req.param('id'), wantsMembers(q)), q, GROUP_SCHEMAS),
    );
  });
  scim.put('/Groups/:id', async (c) =>
    send(c, await replaceScimGroup(c.var.call, c.req.param('id'), await readBody(c))),
  );
  scim.patch('/Groups/:id', async (c) => {
    const q = query(c);
    const after = await patchScimGroup(c.var.call, c.req.param('id'), await readBody(c));
    return send(c, project(after!, q, GROUP_SCHEMAS));
  });
  scim.delete('/Groups/:id', async (c) => {
    await deleteScimGroup(c.var.call, c.req.param('id'));
    return c.body(null, 204);
  });

  scim.all('/Bulk', () => {
    throw new ScimError(
      501,
      undefined,
      'Bulk operations are not supported (ServiceProviderConfig bulk.supported is false).',
    );
  });
  scim.all('/Me', () => {
    throw new ScimError(501, undefined, '/Me is not supported: the SCIM token is not a user.');
  });
  scim.notFound(() => {
    throw new ScimError(404, undefined, 'No such SCIM endpoint.');
  });
  return scim;
}
