// The `portcullis` command line: the same services as the admin API, on the
// configured database — or on a running instance with --url and a token.
// Commands are defined here and in ./commands/ with nothing heavier than
// commander: each action imports what it uses when it runs, so `--help` and a
// quick command do not load the server (test/cli-startup.test.ts).
import { Command, CommanderError } from 'commander';
import { CONFIG_FILE_ENV, ConfigError } from '../config/error.ts';
import { isAppError } from '../errors.ts';
import { version } from '../version.ts';
import { appCommands, keyCommands, outboxCommands } from './commands/apps.ts';
import { backupCommands } from './commands/backup.ts';
import { directoryCommands } from './commands/directory.ts';
import { groupCommands } from './commands/groups.ts';
import { logCommands } from './commands/logs.ts';
import { mailboxCommands } from './commands/mailbox.ts';
import { methodsPolicyCommands } from './commands/methods-policy.ts';
import { mfaCommands } from './commands/mfa.ts';
import { migrateCommands } from './commands/migrate.ts';
import { settingsCommands } from './commands/settings.ts';
import { tapCommands } from './commands/tap.ts';
import { tokenCommands } from './commands/tokens.ts';
import { userCommands } from './commands/users.ts';
import { vapidCommands } from './commands/vapid.ts';
import { setTarget } from './run.ts';

const program = new Command('portcullis')
  .description('Portcullis: self-hosted sign-in with per-user multi-factor authentication')
  .version(version, '-V, --version', 'print the version of Portcullis')
  .option(
    '-c, --config <file>',
    `configuration file of NAME=value lines (also ${CONFIG_FILE_ENV}); the environment wins over it`,
  )
  .option(
    '--url <url>',
    'work on a running Portcullis through its admin API (also PORTCULLIS_URL); the token comes from PORTCULLIS_API_TOKEN',
  )
  .option(
    '--token <token>',
    'admin API token for --url (prefer PORTCULLIS_API_TOKEN: arguments show in ps)',
  )
  // Usage mistakes read like every other error: one line, `portcullis: …`.
  .configureOutput({
    outputError: (text, write) => write(`portcullis: ${text.replace(/^error: /, '')}`),
  })
  .exitOverride()
  .hook('preAction', (cmd) => {
    const o = cmd.opts<{ config?: string; url?: string; token?: string }>();
    if (o.config) process.env[CONFIG_FILE_ENV] = o.config;
    setTarget({ ...(o.url ? { url: o.url } : {}), ...(o.token ? { token: o.token } : {}) });
  });

program
  .command('serve')
  .description('Run the Portcullis server (what `npm start` runs)')
  .action(async () => {
    const [{ loadConfig }, cluster, workers] = await Promise.all([
      import('../config/load.ts'),
      import('node:cluster'),
      import('../workers.ts'),
    ]);
    const config = loadConfig();
    const count = workers.workerCount(config);
    if (cluster.default.isWorker) return workers.runWorker(config);
    if (count > 1) return workers.runPrimary(config, count);
    const { startServer } = await import('../server.ts');
    workers.stopOn(await startServer(config), ['SIGTERM', 'SIGINT']);
  });

userCommands(program);
groupCommands(program);
mfaCommands(program);
settingsCommands(program);
methodsPolicyCommands(program);
tapCommands(program);
logCommands(program);
tokenCommands(program);
appCommands(program);
outboxCommands(program);
mailboxCommands(program);
keyCommands(program);
vapidCommands(program);
backupCommands(program);
directoryCommands(program);
migrateCommands(program);

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
