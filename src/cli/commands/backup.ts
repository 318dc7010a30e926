import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { isRemote, print } from '../run.ts';

/** Backups touch the database file itself: on the server, never through --url. */
async function localConfig() {
  if (isRemote())
    throw new AppError('invalid_request', {
      detail: 'This command works on the server itself, not with --url.',
    });
  const { loadConfig } = await import('../../config/load.ts');
  return loadConfig();
}

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KiB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** `portcullis backup FILE` and `portcullis restore FILE` (SQLite; PostgreSQL has pg_dump). */
export function backupCommands(program: Command): void {
  program
    .command('backup <file>')
    .summary('Back up the SQLite database while the server runs (PostgreSQL: pg_dump)')
    .description(
      'Copy the SQLite database to FILE, consistently, while the server runs. The master key is not in it: keep DATA_DIR/secret.key (or PORTCULLIS_SECRET_KEY) too, or use --with-key. With PostgreSQL, use pg_dump.',
    )
    .option('--force', 'replace FILE (and FILE.key) if it exists')
    .option(
      '--with-key',
      'also copy the master key to FILE.key (mode 0600); whoever has both can read every secret, so store it apart',
    )
    .option('--json', 'print JSON')
    .action(async (file: string, o: { force?: boolean; withKey?: boolean; json?: boolean }) => {
      const config = await localConfig();
      const { backupDatabase } = await import('../../db/backup.ts');
      const done = await backupDatabase(config, {
        file,
        force: !!o.force,
        withKey: !!o.withKey,
      });
      const keyNote = done.keyFile
        ? `Master key (from ${done.keySource}) copied to ${done.keyFile} (mode 0600): store it apart from the backup.`
        : `The master key is not in the backup: keep a copy of ${done.keySource} as well. Without it the secrets in the backup (authenticator secrets, client secrets, signing keys) cannot be read. --with-key copies it beside the backup.`;
      print(
        !!o.json,
        done,
        () =>
          `Backup written: ${done.file} (${size(done.bytes)}, schema ${done.schemaVersion})\n${keyNote}`,
      );
      if (o.json && !done.keyFile) process.stderr.write(`${keyNote}\n`);
    });

  program
    .command('restore <file>')
    .summary('Restore the SQLite database from a backup (stop the server first)')
    .description(
      'Replace the SQLite database with a backup made by `portcullis backup` (stop the server first: a running one is detected and refused). The current database is kept as portcullis.db.before-restore-TIME; an older backup is migrated forward.',
    )
    .option(
      '--with-key',
      "also install the backup's key, FILE.key, as DATA_DIR/secret.key (a different key there is kept as secret.key.before-restore-TIME)",
    )
    .option(
      '--skip-key-check',
      'restore even when the master key in use cannot open the secrets in the backup',
    )
    .option('--json', 'print JSON')
    .action(
      async (file: string, o: { withKey?: boolean; skipKeyCheck?: boolean; json?: boolean }) => {
        const config = await localConfig();
        const { restoreDatabase } = await import('../../db/backup.ts');
        const done = await restoreDatabase(config, {
          file,
          withKey: !!o.withKey,
          skipKeyCheck: !!o.skipKeyCheck,
          now: Date.now(),
        });
        print(!!o.json, done, () =>
          [
            `Restored ${done.file} (schema ${done.backupSchemaVersion}${done.schemaVersion === done.backupSchemaVersion ? '' : `, migrated to ${done.schemaVersion}`}) into ${done.database}.`,
            done.previousKeptAs
              ? `The previous database is kept as ${path.basename(done.previousKeptAs)}.`
              : 'There was no database before.',
            ...(done.keyInstalledAs
              ? [
                  `Master key: ${done.keyInstalledAs}, from ${path.basename(done.file)}.key${done.previousKeyKeptAs ? ` (the previous key is kept as ${path.basename(done.previousKeyKeptAs)})` : ''}.`,
                ]
              : []),
            'Start the server again: portcullis serve',
          ].join('\n'),
        );
      },
    );
}
