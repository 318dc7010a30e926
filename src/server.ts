import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import type { Config } from './config/schema.ts';
import { type AppContext, closeContext, createContext } from './context.ts';
import { migrate } from './db/index.ts';
import { directoryOf } from './directory/index.ts';
import { startDirectorySchedule } from './directory/schedule.ts';
import { startLdapFront } from './fronts/ldap.ts';
import { startRadiusFront } from './fronts/radius.ts';
import { createApp } from './http/app.tsx';
import { startMailSender } from './mail/sender.ts';
import { oidcHost } from './oidc/host.ts';
import { ensureFirstAdmin, writeInitialPassword } from './services/bootstrap.ts';
import { housekeeping } from './services/housekeeping.ts';
import { getServiceSettings } from './services/settings.ts';
import { undeliveredMethods, undeliveredWarning } from './services/telephony-notice.ts';

export interface RunningServer {
  ctx: AppContext;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts Portcullis: migrations, first administrator, then the HTTP server. */
export async function startServer(
  config: Config,
  out: (line: string) => void = console.log,
  /** Someone reads the output at a terminal (else a generated password goes to a file). */
  interactive = process.stdout.isTTY === true,
): Promise<RunningServer> {
  const ctx = createContext(config, { db: { backgroundCheckpoint: true } });
  await migrate(ctx.db, ctx.dialect, ctx.clock);
  // The SQLite search index is keyed by the users' rowid, which a VACUUM may
  // renumber: rebuild it on start (about half a second at 100,000 users).
  if (ctx.dialect === 'sqlite')
    await sql`insert into users_search(users_search) values('rebuild')`.execute(ctx.db);
  const admin = await ensureFirstAdmin(ctx);
  if (admin) {
    // Never to the log: on a terminal, printed once; otherwise (a service, a
    // container) output is kept somewhere, so the password goes to a private file.
    out(`First administrator created: ${admin.upn}`);
    if (admin.password && interactive)
      out(`One-time password (shown only now, to be changed at first sign-in): ${admin.password}`);
    else if (admin.password)
      out(
        `Its one-time password is in ${await writeInitialPassword(config.dataDir, admin.password)} (readable by this user only); it must be changed at first sign-in.`,
      );
  }
  // Loaded here, not at import: the command line never needs oidc-provider
  // (which warns about the runtime on Node 20 as it loads).
  const { createOidcProvider } = await import('./oidc/provider.ts');
  const app = createApp(ctx, { oidc: await oidcHost(ctx, createOidcProvider) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const radius = config.radiusListen ? await startRadiusFront(ctx, config.radiusListen) : null;
  if (radius) ctx.log.info({ port: radius.port }, 'radius listening');
  const ldapFront = config.ldapListen
    ? await startLdapFront(ctx, {
        listen: config.ldapListen,
        baseDn: config.ldapBaseDn,
        tls:
          config.ldapTlsCert && config.ldapTlsKey
            ? { certFile: config.ldapTlsCert, keyFile: config.ldapTlsKey }
            : undefined,
        requireTls: config.ldapRequireTls,
      })
    : null;
  for (const l of ldapFront?.listeners ?? [])
    ctx.log.info(
      { startTls: l.startTls, tls: l.scheme === 'ldaps', port: l.port },
      'ldap listening',
    );
  const directory = directoryOf(ctx);
  const stopDirectorySync =
    directory && config.directorySyncMinutes > 0 ? startDirectorySchedule(ctx, directory) : null;
  const stopMail = startMailSender(ctx);
  const cleanup = setInterval(() => {
    housekeeping(ctx).catch((e: unknown) =>
      ctx.log.warn({ err: (e as Error).message }, 'housekeeping failed'),
    );
  }, 10 * 60_000);
  cleanup.unref();
  // Said before 'listening', so whoever waits for that line has seen them.
  const undelivered = undeliveredMethods(config, (await getServiceSettings(ctx)).allowedMethods);
  if (undelivered.length > 0)
    ctx.log.warn({ methods: undelivered }, undeliveredWarning(undelivered));
  if (config.phoneSimulator)
    ctx.log.warn(
      'phone simulator on at /_dev/phone (PORTCULLIS_PHONE_SIMULATOR): it shows every code sent, to this machine and to administrators; for trying out only',
    );
  ctx.log.info(
    { port, host: config.host, database: ctx.dialect, publicUrl: config.publicUrl },
    'listening',
  );
  return {
    ctx,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      clearInterval(cleanup);
      await stopDirectorySync?.();
      await stopMail();
      await radius?.close();
      await ldapFront?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeContext(ctx);
    },
  };
}
