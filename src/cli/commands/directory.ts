import type { Command } from 'commander';
import type { SyncReport } from '../../directory/sync.ts';
import { progressBar, table } from '../format.ts';
import { print, withLocalContext } from '../run.ts';

function summary(r: SyncReport): string {
  const counts = `${r.entries} entries: ${r.created} created, ${r.updated} updated, ${r.blocked} blocked, ${r.unblocked} unblocked, ${r.deleted} deleted, ${r.unchanged} unchanged`;
  const lines = [
    r.dryRun ? `Dry run — nothing was changed. Would apply: ${counts}.` : `Synced ${counts}.`,
  ];
  if (r.changes.length > 0)
    lines.push(
      table(
        ['Action', 'User', 'Changes'],
        r.changes.map((c) => [
          c.action,
          c.upn,
          Object.entries(c.fields)
            .map(([k, v]) => `${k}: ${String(v.from ?? '—')} → ${String(v.to ?? '—')}`)
            .join('; '),
        ]),
      ),
    );
  if (r.errors.length > 0)
    lines.push(
      `${r.errors.length} not synced:`,
      ...r.errors.map((e) => `  ${e.entry}: ${e.message}`),
    );
  return lines.join('\n');
}

/** `portcullis directory sync|test`: users from the configured LDAP directory. */
export function directoryCommands(program: Command): void {
  const directory = program
    .command('directory')
    .description('Users from the directory (Active Directory or OpenLDAP)');

  directory
    .command('sync')
    .description(
      'Create, update and block users from the directory now (the server also does it every PORTCULLIS_DIRECTORY_SYNC_MINUTES)',
    )
    .option('--dry-run', 'only say what would change')
    .option('--json', 'print JSON')
    .action(async (o: { dryRun?: boolean; json?: boolean }) => {
      const [{ requireDirectory }, { syncDirectory }, { cliActor }] = await Promise.all([
        import('../../directory/index.ts'),
        import('../../directory/sync.ts'),
        import('../../services/audit.ts'),
      ]);
      // On a terminal: entries read so far, then a bar while changes are written.
      const tty = process.stderr.isTTY;
      let line = false;
      const endLine = () => {
        if (line) process.stderr.write('\n');
        line = false;
      };
      const bar = progressBar('Applying');
      const report = await withLocalContext((ctx) =>
        syncDirectory(ctx, requireDirectory(ctx), {
          dryRun: !!o.dryRun,
          trigger: 'cli',
          actor: cliActor(),
          onProgress: (p) => {
            if (p.phase === 'reading' && tty) {
              process.stderr.write(`\rReading the directory: ${p.done} entries`);
              line = true;
            } else if (p.phase === 'applying' && p.total) {
              endLine();
              bar(p.done, p.total);
            }
          },
        }),
      ).finally(endLine);
      print(!!o.json, report, () => summary(report));
      if (report.errors.length > 0) process.exitCode = 3;
    });
}
