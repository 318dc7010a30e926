import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import { randomToken } from '../crypto/random.ts';
import type { ApiTokensTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type Actor, audit } from './audit.ts';
import { type TokenScope, tokenScopes } from './token-scopes.ts';

/** Admin API tokens are `pcl_<id>_<secret>`: a public id to find the row, a secret whose hash alone is stored. */
export function parseApiToken(token: string): { id: string; secret: string } | null {
  const m = /^pcl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

/** Rights a token can carry beyond the admin API itself. */
export const tokenRights = ['personal-data'] as const;
export type TokenRight = (typeof tokenRights)[number];

export { type TokenScope, tokenScopes } from './token-scopes.ts';

export interface ApiTokenView {
  id: string;
  name: string;
  scope: TokenScope;
  rights: string[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
}

const toView = (r: ApiTokensTable): ApiTokenView => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  rights: JSON.parse(r.rights) as string[],
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
  lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at).toISOString(),
});

/** Creates a token; the token itself is returned once and only its hash is kept. Audited. */
export async function createApiToken(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  input: { name: string; scope?: TokenScope; rights?: readonly TokenRight[] },
): Promise<{ token: string; apiToken: ApiTokenView }> {
  const name = input.name.trim();
  if (!name || name.length > 100)
    throw new AppError('invalid_request', {
      detail: 'A token needs a name of 1 to 100 characters.',
    });
  const scope = input.scope ?? 'read-write';
  if (!tokenScopes.includes(scope))
    throw new AppError('invalid_request', { detail: 'The scope is read, read-write or scim.' });
  const id = ctx.random.bytes(8).toString('hex');
  const secret = randomToken(ctx.random, 32);
  const row: ApiTokensTable = {
    id,
    name,
    secret_hash: sha256(secret),
    created_at: ctx.clock.now(),
    last_used_at: null,
    rights: JSON.stringify([...new Set(input.rights ?? [])]),
    scope,
    created_by: actor.name,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await audit(ctx, trx, actor, {
      action: 'api_token_created',
      detail: { id, name, scope, rights: input.rights ?? [] },
    });
  });
  return { token: `pcl_${id}_${secret}`, apiToken: toView(row) };
}

export async function listApiTokens(ctx: AppContext): Promise<ApiTokenView[]> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/** Revokes a token at once (its row goes); audited. */
export async function revokeApiToken(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
  id: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row)
      throw new AppError('not_found', { detail: `No API token has the id "${id.slice(0, 40)}".` });
    await trx.deleteFrom('api_tokens').where('id', '=', id).execute();
    await audit(ctx, trx, actor, { action: 'api_token_revoked', detail: { id, name: row.name } });
  });
}
