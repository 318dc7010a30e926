// How a command reaches Portcullis: `--url` (or PORTCULLIS_URL) and a token
// (PORTCULLIS_API_TOKEN, or --token) talk to a running instance's admin API;
// otherwise the command opens the configured database directly, as "cli".
// The services are imported when a command runs, not when it is defined: `--help`
// and a remote command load none of them.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Admin } from './admin.ts';

export interface Target {
  url?: string;
  token?: string;
}

let target: Target = {};
export const setTarget = (t: Target) => {
  target = t;
};
export const isRemote = () => !!(target.url ?? process.env.PORTCULLIS_URL);

/** Runs `work` against the chosen end; the database is closed afterwards. */
export async function withAdmin<T>(
  work: (admin: Admin) => Promise<T>,
  opts: { personalData?: boolean } = {},
): Promise<T> {
  const url = target.url ?? process.env.PORTCULLIS_URL;
  if (url) {
    const token = target.token ?? process.env.PORTCULLIS_API_TOKEN;
    if (!token)
      throw new AppError('unauthorized', {
        detail: 'With --url, give an admin API token in PORTCULLIS_API_TOKEN (or --token).',
      });
    const { remoteAdmin } = await import('./remote-admin.ts');
    return work(remoteAdmin(url, token));
  }
  return withLocalContext(async (ctx) => {
    const [{ localAdmin }, { cliActor }] = await Promise.all([
      import('./local-admin.ts'),
      import('../services/audit.ts'),
    ]);
    return work(localAdmin(ctx, cliActor(opts.personalData)));
  });
}

/**
 * The local database only (commands that have no API, e.g. the telephony outbox),
 * migrated first unless `migrate: false` (the `migrate` command itself).
 */
export async function withLocalContext<T>(
  work: (ctx: AppContext) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  if (isRemote())
    throw new AppError('invalid_request', {
      detail: 'This command works on the server itself, not with --url.',
    });
  const [{ loadConfig }, { createContext, closeContext }, { migrate }, { createLogger }] =
    await Promise.all([
      import('../config/load.ts'),
      import('../context.ts'),
      import('../db/index.ts'),
      import('../log.ts'),
    ]);
  // A command needs few connections: a CLI run must not crowd a busy database.
  const ctx = createContext(loadConfig(), { log: createLogger('warn'), db: { pgPoolSize: 2 } });
  try {
    if (opts.migrate !== false) await migrate(ctx.db, ctx.dialect, ctx.clock);
    return await work(ctx);
  } finally {
    await closeContext(ctx);
  }
}

export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY)
    throw new AppError('invalid_request', { detail: `${what} needs its input on standard input.` });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export const print = (json: boolean, value: unknown, human: () => string) =>
  console.log(json ? JSON.stringify(value, null, 2) : human());
