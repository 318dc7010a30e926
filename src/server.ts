import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Config } from './config/schema.ts';
import { type AppContext, closeContext, createContext } from './context.ts';
import { isDatabaseUnavailable, migrate } from './db/index.ts';
import type { WriteTurns } from './db/write-turns.ts';
import { directoryOf } from './directory/index.ts';
import { startDirectorySchedule } from './directory/schedule.ts';
import { type LdapFront, startLdapFront } from './fronts/ldap.ts';
import { startRadiusFront } from './fronts/radius.ts';
import { serverListener } from './http/listener.ts';
import { createLogger, type Logger } from './log.ts';
import { startMailSender } from './mail/sender.ts';
import { logoutRunner } from './oidc/backchannel.ts';
import { oidcHost } from './oidc/host.ts';
import { signingKeys } from './oidc/keys.ts';
import { ensureFirstAdmin, writeInitialPassword } from './services/bootstrap.ts';
import { housekeeping } from './services/housekeeping.ts';
import { getServiceSettings } from './services/settings.ts';
import { undeliveredMethods, undeliveredWarning } from './services/telephony-notice.ts';
import { moveSigninLog } from './storage/signin-log.ts';

export interface RunningServer {
  ctx: AppContext;
  port: number;
  url: string;
  /** The fronts' bound ports (none, null when not configured). */
  ldapListeners: LdapListener[];
  radiusPort: number | null;
  close(): Promise<void>;
}

/** How this process serves: alone (the default), or as one of several workers (src/workers.ts). */
export interface ServeRole {
  /** This process is one of this many workers sharing the listeners. */
  workers: number;
  /** Its number among them (1…workers), named in its log lines. */
  slot?: number;
  /** It runs housekeeping and the directory sync (one worker does). */
  jobs: boolean;
  /** The database is ready: the primary migrated it and made the first administrator. */
  prepared: boolean;
  /** SQLite: how the workers take turns at writing (src/db/sqlite-dialect.ts). */
  writeTurns?: WriteTurns;
}

const ALONE: ServeRole = { workers: 1, jobs: true, prepared: false };

/**
 * Readies the database for serving: migrations, the search index, the first
 * administrator (its password printed or written once) and the first signing
 * key — once, before any worker serves.
 */
export async function prepareDatabase(
  ctx: AppContext,
  out: (line: string) => void,
  interactive: boolean,
): Promise<void> {
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
        `Its one-time password is in ${await writeInitialPassword(ctx.config.dataDir, admin.password)} (readable by this user only); it must be changed at first sign-in.`,
      );
  }
  await signingKeys(ctx);
}

/** Starts Portcullis: migrations, first administrator, then the HTTP server and the fronts. */
export async function startServer(
  config: Config,
  out: (line: string) => void = console.log,
  /** Someone reads the output at a terminal (else a generated password goes to a file). */
  interactive = process.stdout.isTTY === true,
  role: ServeRole = ALONE,
): Promise<RunningServer> {
  const ctx = createContext(config, {
    db: { backgroundCheckpoint: true, ...(role.writeTurns ? { writeTurns: role.writeTurns } : {}) },
    workers: role.workers,
    ...(role.slot ? { log: createLogger(config.logLevel).child({ worker: role.slot }) } : {}),
  });
  if (!role.prepared) await prepareDatabase(ctx, out, interactive);
  // Loaded here, not at import: the command line never needs oidc-provider
  // (which warns about the runtime on Node 20 as it loads).
  const { createOidcProvider } = await import('./oidc/provider.ts');
  const oidc = await oidcHost(ctx, createOidcProvider);
  const { listener } = await serverListener(ctx, { oidc, hostname: config.host });
  const server = createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const radius = config.radiusListen ? await startRadiusFront(ctx, config.radiusListen) : null;
  // A worker's listeners are the primary's, which names them once for all.
  const announce = role.workers === 1;
  if (radius && announce) ctx.log.info({ port: radius.port }, 'radius listening');
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
  if (announce) announceLdap(ctx.log, ldapFront?.listeners ?? []);
  // Every worker sends mail (each message is claimed by one); the periodic jobs run on one.
  const stopMail = startMailSender(ctx);
  // Every worker tells applications of ended sessions (each logout is claimed by one).
  const logouts = logoutRunner(ctx, oidc);
  const stopJobs = role.jobs ? await startJobs(ctx) : null;
  if (role.jobs && role.slot)
    ctx.log.info({ pid: process.pid }, 'housekeeping and directory sync run on this worker');
  if (announce)
    ctx.log.info(
      { port, host: config.host, database: ctx.dialect, publicUrl: config.publicUrl },
      'listening',
    );
  return {
    ctx,
    port,
    url: `http://127.0.0.1:${port}`,
    ldapListeners: ldapFront?.listeners ?? [],
    radiusPort: radius?.port ?? null,
    async close() {
      await stopJobs?.();
      await stopMail();
      await logouts.stop();
      await radius?.close();
      await ldapFront?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeContext(ctx);
    },
  };
}

type LdapListener = LdapFront['listeners'][number];

/** The 'ldap listening' lines, one per listener. */
export function announceLdap(log: Logger, listeners: readonly LdapListener[]) {
  for (const l of listeners)
    log.info({ startTls: l.startTls, tls: l.scheme === 'ldaps', port: l.port }, 'ldap listening');
}

/** How often the sign-in log's recent entries are moved (src/storage/signin-log.ts). */
const SIGNIN_LOG_MOVE_MS = 1000;

/**
 * Housekeeping every ten minutes and the directory sync's schedule, with the
 * start-up warnings an administrator should read once (before 'listening', so
 * whoever waits for that line has seen them). Returns what stops them.
 */
async function startJobs(ctx: AppContext): Promise<() => Promise<void>> {
  const { config } = ctx;
  const directory = directoryOf(ctx);
  const stopDirectorySync =
    directory && config.directorySyncMinutes > 0 ? startDirectorySchedule(ctx, directory) : null;
  const cleanup = setInterval(() => {
    housekeeping(ctx).catch((e: unknown) =>
      ctx.log.warn({ err: (e as Error).message }, 'housekeeping failed'),
    );
  }, 10 * 60_000);
  cleanup.unref();
  // The sign-in log's recent entries join its indexed part (migration 0023).
  let moving: Promise<unknown> | null = null;
  const moveLog = setInterval(() => {
    moving ??= moveSigninLog(ctx.db, ctx.dialect)
      .catch((e: unknown) =>
        // A database that is away is said where requests meet it; this tries again in a second.
        isDatabaseUnavailable(e)
          ? ctx.log.debug(
              { err: (e as Error).message },
              'moving the sign-in log: database unavailable',
            )
          : ctx.log.warn({ err: (e as Error).message }, 'moving the sign-in log failed'),
      )
      .finally(() => {
        moving = null;
      });
  }, SIGNIN_LOG_MOVE_MS);
  moveLog.unref();
  const undelivered = undeliveredMethods(config, (await getServiceSettings(ctx)).allowedMethods);
  if (undelivered.length > 0)
    ctx.log.warn({ methods: undelivered }, undeliveredWarning(undelivered));
  if (config.phoneSimulator)
    ctx.log.warn(
      'phone simulator on at /_dev/phone (PORTCULLIS_PHONE_SIMULATOR): it shows every code sent, to this machine and to administrators; for trying out only',
    );
  return async () => {
    clearInterval(cleanup);
    clearInterval(moveLog);
    await moving;
    await stopDirectorySync?.();
  };
}
