// A Microsoft Graph-shaped API for the scripts organisations already have
// (issue 21): /graph/v1.0 and /graph/beta answer the per-user MFA state
// (`authentication/requirements`), list and delete authentication methods,
// issue Temporary Access Passes, and take JSON batches of up to 20 — with
// Graph's JSON shapes and error format, authenticated by an admin API token.

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { MfaState } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireToken } from '../http/api/auth.ts';
import type { HttpEnv } from '../http/env.ts';
import { worksAlone } from '../methods/catalogue.ts';
import {
  issueTemporaryAccessPass,
  revokeTemporaryAccessPass,
} from '../services/temporary-access-pass.ts';
import { setMfaState } from '../services/user-admin.ts';
import { removeMethods } from '../services/user-settings.ts';
import type { UserRow } from '../storage/users.ts';
import { runBatch } from './batch.ts';
import { requestIds } from './errors.ts';
import { type GraphMethod, graphMethodsOf, isCollection, passResource, wire } from './methods.ts';

export const GRAPH_PREFIX = '/graph';
export const GRAPH_VERSIONS = ['v1.0', 'beta'] as const;

type C = Context<HttpEnv>;

const STATES: Record<string, MfaState> = {
  disabled: 'Disabled',
  enabled: 'Enabled',
  enforced: 'Enforced',
};

/** The version in the path (/graph/v1.0/…). */
const versionOf = (c: C) => c.req.path.split('/')[2] ?? 'v1.0';

/** The user a path names, by id or user principal name, as Graph looks them up. */
async function graphUser(c: C): Promise<UserRow> {
  const ref = c.req.param('user') ?? '';
  const { users } = c.var.ctx.stores;
  const user =
    (await users.findById(ref.slice(0, 64))) ?? (await users.findByUpn(ref.slice(0, 256)));
  if (!user)
    throw new AppError('user_not_found', {
      detail: `Resource '${ref.slice(0, 120)}' does not exist or one of its queried reference-property objects are not present.`,
    });
  return user;
}

async function readJson(c: C): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError('invalid_request', { detail: 'The request body is not JSON.' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AppError('invalid_request', { detail: 'The request body is a JSON object.' });
  return body as Record<string, unknown>;
}

/** Refuses properties Graph would not take here ("@odata.type" is always allowed). */
function onlyProperties(body: Record<string, unknown>, allowed: readonly string[]) {
  const other = Object.keys(body).find((k) => k !== '@odata.type' && !allowed.includes(k));
  if (other)
    throw new AppError('invalid_request', {
      detail: `Invalid property '${other.slice(0, 60)}': this request takes ${allowed.join(', ')}.`,
    });
}

const context = (c: C, user: UserRow, what: string) =>
  `${c.var.ctx.config.publicUrl}${GRAPH_PREFIX}/${versionOf(c)}/$metadata#users('${user.id}')/authentication/${what}`;

/** The method a path names in a collection, or 404. */
async function graphMethod(c: C, user: UserRow): Promise<GraphMethod> {
  const collection = c.req.param('collection') ?? 'methods';
  const id = c.req.param('id') ?? '';
  const found = (await graphMethodsOf(c.var.ctx, user, c.var.actor!)).find(
    (m) => m.id === id && (collection === 'methods' || m.collection === collection),
  );
  if (!found)
    throw new AppError('not_found', {
      detail: `The user has no ${collection === 'methods' ? 'authentication method' : collection.replace(/Methods$/, ' method')} with id '${id.slice(0, 80)}'.`,
    });
  return found;
}

function requireCollection(c: C): string {
  const name = c.req.param('collection') ?? '';
  if (!isCollection(name))
    throw new AppError('invalid_request', {
      detail: `Resource not found for the segment '${name.slice(0, 60)}'.`,
    });
  return name;
}

export function createGraph(dispatch: (req: Request, env: unknown) => Promise<Response>) {
  const g = new Hono<HttpEnv>();
  g.use('*', async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined)
      throw new AppError('unauthorized', {
        detail: 'Send an admin API token as "Authorization: Bearer …".',
      });
    // A batch is read for what it holds: each request in it is judged on its own.
    const batch = c.req.path.endsWith('/$batch');
    await requireToken(c, header, c.req.method === 'GET' || batch);
    await next();
    if (!c.res.headers.has('request-id')) requestIds(c);
    c.header('Cache-Control', 'no-store');
  });

  g.get('/users/:user/authentication/requirements', async (c) => {
    const user = await graphUser(c);
    return c.json({
      '@odata.context': context(c, user, 'requirements'),
      perUserMfaState: user.mfa_state.toLowerCase(),
    });
  });

  // As Graph: a user set to enabled who has registered a method is enforced.
  g.patch('/users/:user/authentication/requirements', async (c) => {
    const user = await graphUser(c);
    const body = await readJson(c);
    onlyProperties(body, ['perUserMfaState']);
    const wanted = STATES[String(body.perUserMfaState)];
    if (!wanted)
      throw new AppError('invalid_request', {
        detail: 'perUserMfaState is disabled, enabled or enforced.',
      });
    const registered = (await c.var.ctx.stores.methods.listForUser(user.id)).some((m) =>
      worksAlone(m.method_type),
    );
    const state = wanted === 'Enabled' && registered ? 'Enforced' : wanted;
    if (state !== user.mfa_state) await setMfaState(c.var.ctx, c.var.actor!, [user.upn], state);
    return c.body(null, 204);
  });

  g.get('/users/:user/authentication/methods', async (c) => {
    const user = await graphUser(c);
    const methods = await graphMethodsOf(c.var.ctx, user, c.var.actor!);
    return c.json({ '@odata.context': context(c, user, 'methods'), value: methods.map(wire) });
  });
  g.get('/users/:user/authentication/methods/:id', async (c) =>
    c.json(wire(await graphMethod(c, await graphUser(c)))),
  );

  g.post('/users/:user/authentication/temporaryAccessPassMethods', async (c) => {
    const user = await graphUser(c);
    const body = await readJson(c);
    onlyProperties(body, ['startDateTime', 'lifetimeInMinutes', 'isUsableOnce']);
    const { startDateTime: start, lifetimeInMinutes: lifetime, isUsableOnce: once } = body;
    const startsAt = typeof start === 'string' ? Date.parse(start) : Number.NaN;
    if (start !== undefined && Number.isNaN(startsAt))
      throw new AppError('invalid_request', {
        detail: 'startDateTime is a date and time (ISO 8601).',
      });
    if (lifetime !== undefined && typeof lifetime !== 'number')
      throw new AppError('invalid_request', { detail: 'lifetimeInMinutes is a number.' });
    if (once !== undefined && typeof once !== 'boolean')
      throw new AppError('invalid_request', { detail: 'isUsableOnce is true or false.' });
    const pass = await issueTemporaryAccessPass(c.var.ctx, c.var.actor!, user.upn, {
      lifetimeMinutes: lifetime,
      oneTime: once,
      ...(start !== undefined ? { startsAt } : {}),
    });
    return c.json(
      {
        '@odata.context': context(c, user, 'temporaryAccessPassMethods/$entity'),
        ...wire(passResource(pass, true)),
        temporaryAccessPass: pass.temporaryAccessPass,
      },
      201,
    );
  });

  g.get('/users/:user/authentication/:collection', async (c) => {
    const collection = requireCollection(c);
    const user = await graphUser(c);
    const methods = await graphMethodsOf(c.var.ctx, user, c.var.actor!);
    return c.json({
      '@odata.context': context(c, user, collection),
      value: methods.filter((m) => m.collection === collection).map(wire),
    });
  });
  g.get('/users/:user/authentication/:collection/:id', async (c) => {
    requireCollection(c);
    return c.json(wire(await graphMethod(c, await graphUser(c))));
  });

  g.delete('/users/:user/authentication/:collection/:id', async (c) => {
    requireCollection(c);
    const user = await graphUser(c);
    const method = await graphMethod(c, user);
    if (method.collection === 'passwordMethods')
      throw new AppError('invalid_request', {
        detail: 'The password method cannot be deleted: reset the password instead.',
      });
    if (method.collection === 'temporaryAccessPassMethods')
      await revokeTemporaryAccessPass(c.var.ctx, c.var.actor!, user.upn);
    else await removeMethods(c.var.ctx, c.var.actor!, user, method.rows);
    return c.body(null, 204);
  });

  g.post('/$batch', async (c) =>
    c.json(await runBatch(c, await readJson(c), versionOf(c), dispatch), 200),
  );
  return g;
}
