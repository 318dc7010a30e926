// Liveness, readiness and Prometheus metrics, for load balancers and monitoring.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../../context.ts';
import { safeEqual } from '../../crypto/hash.ts';
import type { HttpEnv } from '../env.ts';

const noStore = { 'cache-control': 'no-store' };

/** Whether the request came straight from this machine (not through a proxy). */
function fromThisMachine(c: Context): boolean {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  const loopback =
    address === '::1' || address?.startsWith('127.') || address?.startsWith('::ffff:127.');
  return !!loopback && c.req.header('x-forwarded-for') === undefined;
}

export const healthRoutes = (ctx: AppContext) =>
  new Hono<HttpEnv>()
    // Liveness: the process answers. Restart it if not; the database is not asked.
    .get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore))

    // Readiness: the database answers. A load balancer sends no traffic here if not.
    .get('/readyz', async (c) => {
      try {
        await ctx.db.selectFrom('settings').select('key').limit(1).execute();
        return c.json({ status: 'ready' }, 200, noStore);
      } catch {
        return c.json({ status: 'unavailable', reason: 'database' }, 503, {
          ...noStore,
          'retry-after': '5',
        });
      }
    })

    .get('/metrics', async (c) => {
      const token = ctx.config.metricsToken;
      const auth = c.req.header('authorization') ?? '';
      const allowed = token
        ? auth.startsWith('Bearer ') && safeEqual(auth.slice(7), token)
        : fromThisMachine(c);
      if (!allowed)
        return c.json({ error: 'forbidden' }, token ? 401 : 403, {
          ...noStore,
          ...(token ? { 'www-authenticate': 'Bearer' } : {}),
        });
      return c.body(await ctx.metrics.render(), 200, {
        ...noStore,
        'content-type': ctx.metrics.registry.contentType,
      });
    });
