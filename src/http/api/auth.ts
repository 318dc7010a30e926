import type { Context, MiddlewareHandler } from 'hono';
import { safeEqual, sha256 } from '../../crypto/hash.ts';
import { AppError } from '../../errors.ts';
import { parseApiToken } from '../../services/api-tokens.ts';
import type { HttpEnv } from '../env.ts';

/** Admin API tokens: `Authorization: Bearer pcl_<id>_<secret>`; only the secret's hash is stored. */
/** What the caller may see of personal data (full phone numbers). */
export const viewerOf = (c: Context<HttpEnv>) => ({
  personalData: c.var.apiRights?.includes('personal-data') ?? false,
});

export const requireApiToken: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const parsed = match ? parseApiToken(match[1]!) : null;
  const { ctx } = c.var;
  const row = parsed ? await ctx.stores.apiTokens.find(parsed.id) : undefined;
  if (!parsed || !row || !safeEqual(sha256(parsed.secret), row.secret_hash)) {
    c.header('WWW-Authenticate', 'Bearer realm="portcullis"');
    throw new AppError('unauthorized', {
      detail: 'Send a valid admin API token as "Authorization: Bearer …".',
    });
  }
  await ctx.stores.apiTokens.touch(row.id, ctx.clock.now());
  c.set('apiTokenId', row.id);
  c.set('apiRights', JSON.parse(row.rights) as string[]);
  await next();
};
