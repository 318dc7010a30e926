// The `portcullis` command line: the same services as the admin API, on the configured database.
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig } from '../config/load.ts';
import { type AppContext, createContext } from '../context.ts';
import { migrate } from '../db/index.ts';
import { AppError, isAppError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { startServer } from '../server.ts';
import { createApiToken } from '../services/api-tokens.ts';
import { createUser, getUser, listUsers, setMfaState, type UserView } from '../services/users.ts';
import { mfaStates, parseMfaState } from '../services/validation.ts';
import { formatUser, table, userHeaders, userRow } from './format.ts';

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = createContext(config, { log: createLogger('warn') });
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
  .showHelpAfterError()
  .exitOverride();

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
  .action(async (upn: string, o: { json?: boolean }) => {
    const found = await withContext((ctx) => getUser(ctx, upn));
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

program
  .command('token')
  .description('Admin API tokens')
  .command('create')
  .description('Create an admin API token and print it once')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--json', 'print JSON')
  .action(async (o: { name: string; json?: boolean }) => {
    const created = await withContext((ctx) => createApiToken(ctx, o.name));
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
