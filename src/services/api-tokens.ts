import type { AppContext } from '../context.ts';
import { sha256 } from '../crypto/hash.ts';
import { randomToken } from '../crypto/random.ts';
import { AppError } from '../errors.ts';

/** Admin API tokens are `pcl_<id>_<secret>`: a public id to find the row, a secret whose hash alone is stored. */
export function parseApiToken(token: string): { id: string; secret: string } | null {
  const m = /^pcl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

/** Rights a token can carry beyond the admin API itself. */
export const tokenRights = ['personal-data'] as const;
export type TokenRight = (typeof tokenRights)[number];

export async function createApiToken(
  ctx: AppContext,
  name: string,
  rights: readonly TokenRight[] = [],
): Promise<{ id: string; token: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100)
    throw new AppError('invalid_request', {
      detail: 'A token needs a name of 1 to 100 characters.',
    });
  const id = ctx.random.bytes(8).toString('hex');
  const secret = randomToken(ctx.random, 32);
  await ctx.stores.apiTokens.insert({
    id,
    name: trimmed,
    secret_hash: sha256(secret),
    created_at: ctx.clock.now(),
    last_used_at: null,
    rights: JSON.stringify([...new Set(rights)]),
  });
  return { id, token: `pcl_${id}_${secret}` };
}
