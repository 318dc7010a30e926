import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../../src/context.ts';
import { serverListener } from '../../src/http/listener.ts';
import { oidcHost } from '../../src/oidc/host.ts';

/** The app with its OpenID Connect provider, served in process on a free loopback port. */
export async function serveWithOidc(ctx: AppContext) {
  const { createOidcProvider } = await import('../../src/oidc/provider.ts');
  const { app, listener } = await serverListener(ctx, {
    oidc: await oidcHost(ctx, createOidcProvider),
  });
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    app,
    port,
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
