import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppContext } from '../../src/context.ts';
import { createApp } from '../../src/http/app.tsx';
import { oidcHost } from '../../src/oidc/host.ts';

/** The app with its OpenID Connect provider, served in process on a free loopback port. */
export async function serveWithOidc(ctx: AppContext) {
  const { createOidcProvider } = await import('../../src/oidc/provider.ts');
  const app = createApp(ctx, { oidc: await oidcHost(ctx, createOidcProvider) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    app,
    port,
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
