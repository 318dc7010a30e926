// The `portcullis` command line: the same services as the admin API, on the configured database.
import { Command, CommanderError, Option } from 'commander';
import { CONFIG_FILE_ENV, ConfigError, loadConfig } from '../config/load.ts';
import { type AppContext, createContext } from '../context.ts';
import { migrate } from '../db/index.ts';
import { AppError, isAppError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { startServer } from '../server.ts';
import { createApiToken } from '../services/api-tokens.ts';
import { deleteAllAppPasswords, listAppPasswords } from '../services/app-passwords.ts';
import { createLegacyApp, listApps } from '../services/applications.ts';
import { answerCall, listOutbox } from '../services/outbox.ts';
import {
  createUser,
  getUser,
  listUsers,
  setBlocked,
  setMfaState,
  type UserView,
} from '../services/users.ts';
import { mfaStates, parseMfaState } from '../services/validation.ts';
import { formatUser, table, userHeaders, userRow } from './format.ts';

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // A command needs few connections: a CLI run must not crowd a busy database.
  const ctx = createContext(config, { log: createLogger('warn'), db: { pgPoolSize: 2 } });
  try {
    await migrate(ctx.db, ctx.dialect);
    return await run(ctx);
  } finally {
    await ctx.db.destroy();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new AppError('invalid_request', {
      detail: '--password-stdin needs the password on standard input.',
    });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const print = (json: boolean, value: unknown, human: () => string) =>
  console.log(json ? JSON.stringify(value, null, 2) : human());

const program = new Command('portcullis')
  .description('Portcullis: self-hosted sign-in with per-user multi-factor authentication')
  .option(
    '-c, --config <file>',
    `configuration file of NAME=value lines (also ${CONFIG_FILE_ENV}); the environment wins over it`,
  )
  .showHelpAfterError()
  .exitOverride()
  .hook('preAction', (cmd) => {
    const file = cmd.opts<{ config?: string }>().config;
    if (file) process.env[CONFIG_FILE_ENV] = file;
  });

program
  .command('serve')
  .description('Run the Portcullis server (what `npm start` runs)')
  .action(async () => {
    const server = await startServer(loadConfig());
    const stop = () => {
      server.close().finally(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });

const user = program.command('user').description('Manage users');

user
  .command('add <upn>')
  .description('Create a user; the password is read from standard input')
  .option('--display-name <name>', 'display name')
  .option('--admin', 'give the user the administrator role', false)
  .option('--language <code>', 'preferred language (e.g. en, fr, en-GB)', 'en')
  .addOption(
    new Option('--mfa-state <state>', 'initial MFA state').choices(mfaStates).default('Disabled'),
  )
  .requiredOption('--password-stdin', 'read the password from standard input')
  .option('--json', 'print JSON')
  .action(
    async (
      upn: string,
      o: {
        displayName?: string;
        admin: boolean;
        language: string;
        mfaState: string;
        json?: boolean;
      },
    ) => {
      const password = await readStdin();
      const created = await withContext((ctx) =>
        createUser(ctx, {
          upn,
          password,
          isAdmin: o.admin,
          preferredLanguage: o.language,
          mfaState: parseMfaState(o.mfaState),
          ...(o.displayName !== undefined ? { displayName: o.displayName } : {}),
        }),
      );
      print(!!o.json, created, () => formatUser(created));
    },
  );

user
  .command('get <upn>')
  .description('Show a user with StrongAuthenticationRequirements and StrongAuthenticationMethods')
  .option('--json', 'print JSON (the same as the API)')
  .option('--personal-data', 'show phone numbers in full instead of masked')
  .action(async (upn: string, o: { json?: boolean; personalData?: boolean }) => {
    const found = await withContext((ctx) => getUser(ctx, upn, { personalData: !!o.personalData }));
    print(!!o.json, found, () => formatUser(found));
  });

user
  .command('list')
  .description('List users, optionally only those in one MFA state')
  .addOption(new Option('--mfa-state <state>', 'only users in this state').choices(mfaStates))
  .option('--json', 'print JSON')
  .action(async (o: { mfaState?: string; json?: boolean }) => {
    const users = await withContext(async (ctx) => {
      const all: UserView[] = [];
      let cursor: string | undefined;
      do {
        const page = await listUsers(ctx, {
          limit: 1000,
          ...(o.mfaState ? { mfaState: parseMfaState(o.mfaState) } : {}),
          ...(cursor ? { cursor } : {}),
        });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    });
    print(!!o.json, users, () => table(userHeaders, users.map(userRow)));
  });

for (const [name, blocked, what] of [
  ['block', true, 'Block sign-in for a user (ends their sessions)'],
  ['unblock', false, 'Unblock sign-in for a user (e.g. after a fraud report was reviewed)'],
] as const) {
  user
    .command(`${name} <upn>`)
    .description(what)
    .option('--json', 'print JSON')
    .action(async (upn: string, o: { json?: boolean }) => {
      const updated = await withContext((ctx) => setBlocked(ctx, upn, blocked, 'cli'));
      print(!!o.json, updated, () => formatUser(updated));
    });
}

program
  .command('mfa')
  .description('Per-user MFA')
  .command('set <upn...>')
  .description('Set the MFA state of one or more users (all or nothing)')
  .requiredOption('--state <state>', 'Disabled, Enabled or Enforced')
  .option('--json', 'print JSON')
  .action(async (upns: string[], o: { state: string; json?: boolean }) => {
    const state = parseMfaState(o.state);
    const updated = await withContext((ctx) => setMfaState(ctx, upns, state));
    print(!!o.json, updated, () => table(userHeaders, updated.map(userRow)));
  });

const app = program.command('app').description('Applications (relying parties)');

app
  .command('add')
  .description('Register an application; prints its id')
  .requiredOption('--name <name>', 'what the application is')
  .option('--legacy', 'a legacy application (HTTP verify, forward-auth, LDAP, RADIUS)')
  .option('--fronts <list>', 'comma-separated fronts it may use (default: all)')
  .option(
    '--radius-secret <secret>',
    'RADIUS shared secret (the application is then a RADIUS client)',
  )
  .option('--json', 'print JSON')
  .action(
    async (o: {
      name: string;
      legacy?: boolean;
      fronts?: string;
      radiusSecret?: string;
      json?: boolean;
    }) => {
      if (!o.legacy)
        throw new AppError('invalid_request', {
          detail:
            'Say what kind of application it is: --legacy (OpenID Connect clients come later).',
        });
      const created = await withContext((ctx) =>
        createLegacyApp(ctx, {
          name: o.name,
          ...(o.fronts ? { fronts: o.fronts.split(',').map((f) => f.trim()) } : {}),
          ...(o.radiusSecret ? { radiusSecret: o.radiusSecret } : {}),
        }),
      );
      print(!!o.json, created, () => created.id);
    },
  );

app
  .command('list')
  .description('List applications')
  .option('--json', 'print JSON')
  .action(async (o: { json?: boolean }) => {
    const apps = await withContext((ctx) => listApps(ctx));
    print(!!o.json, apps, () =>
      table(
        ['Id', 'Name', 'Kind', 'Fronts', 'Radius'],
        apps.map((a) => [a.id, a.name, a.kind, a.fronts.join(','), a.hasRadiusSecret ? 'yes' : '']),
      ),
    );
  });

user
  .command('app-passwords <upn>')
  .description("List a user's app passwords, or delete them all")
  .option('--delete-all', 'delete all existing app passwords of the user')
  .option('--json', 'print JSON')
  .action(async (upn: string, o: { deleteAll?: boolean; json?: boolean }) => {
    const out = await withContext(async (ctx) => {
      const found = await getUser(ctx, upn);
      if (o.deleteAll) return { deleted: await deleteAllAppPasswords(ctx, found.id, 'cli') };
      return listAppPasswords(ctx, found.id);
    });
    print(!!o.json, out, () =>
      Array.isArray(out)
        ? table(
            ['Name', 'Applications', 'Created', 'Expires', 'LastUsed', 'From'],
            out.map((p) => [
              p.name,
              p.scopes.join(',') || '*',
              p.createdAt,
              p.expiresAt ?? '',
              p.lastUsedAt ?? '',
              p.lastUsedFrom ?? '',
            ]),
          )
        : `Deleted ${out.deleted} app password(s).`,
    );
  });

const outbox = program
  .command('outbox')
  .description('The built-in telephony outbox: texts and calls sent (PORTCULLIS_TELEPHONY=outbox)')
  .option('--number <e164>', 'only this phone number (E.164, e.g. +420601123456)')
  .option('--limit <n>', 'how many, newest first', '20')
  .option('--json', 'print JSON')
  .action(async (o: { number?: string; limit: string; json?: boolean }) => {
    const limit = Number.parseInt(o.limit, 10);
    if (!Number.isInteger(limit) || limit < 1)
      throw new AppError('invalid_request', { detail: '--limit must be a positive number.' });
    const entries = await withContext((ctx) =>
      listOutbox(ctx, { limit, ...(o.number ? { number: o.number } : {}) }),
    );
    print(!!o.json, entries, () =>
      table(
        ['Id', 'Kind', 'To', 'Status', 'Sent', 'Text'],
        entries.map((e) => [
          e.id,
          e.kind,
          e.to + (e.extension ? ` x${e.extension}` : ''),
          e.status,
          e.createdAt,
          e.text,
        ]),
      ),
    );
  });

outbox
  .command('answer <callId>')
  .description(
    "Answer a ringing call: --keys '#' approves, --keys '0#' reports fraud, --hang-up declines",
  )
  .option('--keys <keys>', 'keys pressed on the phone')
  .option('--hang-up', 'hang up without pressing anything')
  .option('--json', 'print JSON')
  .action(async (callId: string, o: { keys?: string; hangUp?: boolean; json?: boolean }) => {
    if (!o.keys === !o.hangUp)
      throw new AppError('invalid_request', {
        detail: "Give either --keys '#' (or '0#') or --hang-up.",
      });
    const answered = await withContext((ctx) =>
      answerCall(ctx, callId, o.hangUp ? { hangUp: true } : { keys: o.keys! }),
    );
    print(!!o.json, answered, () => `Call ${answered.id} to ${answered.to}: ${answered.status}`);
  });

program
  .command('token')
  .description('Admin API tokens')
  .command('create')
  .description('Create an admin API token and print it once')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--personal-data', 'the token may see personal data (full phone numbers)')
  .option('--json', 'print JSON')
  .action(async (o: { name: string; personalData?: boolean; json?: boolean }) => {
    const created = await withContext((ctx) =>
      createApiToken(ctx, o.name, o.personalData ? ['personal-data'] : []),
    );
    print(!!o.json, created, () => `${created.token}\n(Store it now: it is shown only once.)`);
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  const message =
    isAppError(e) || e instanceof ConfigError
      ? e.message
      : `unexpected error: ${(e as Error).message}`;
  process.stderr.write(`portcullis: ${message}\n`);
  process.exit(isAppError(e) ? 2 : 1);
}
