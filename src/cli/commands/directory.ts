import type { Command } from 'commander';
import type { DirectoryStatus, DirectoryTest, SyncReport } from '../../directory/admin.ts';
import { progressBar, table } from '../format.ts';
import { print, withAdmin } from '../run.ts';

/** Changes listed on a terminal (a first sync may create thousands). */
const SHOWN = 50;
const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

function syncSummary(r: SyncReport): string {
  const counts = `${r.entries} entries: ${r.created} created, ${r.updated} updated, ${r.blocked} blocked, ${r.unblocked} unblocked, ${r.deleted} deleted, ${r.unchanged} unchanged`;
  const lines = [
    r.dryRun ? `Dry run — nothing was changed. Would apply: ${counts}.` : `Synced ${counts}.`,
  ];
  if (r.changes.length > 0)
    lines.push(
      table(
        ['Action', 'User', 'Changes'],
        r.changes.slice(0, SHOWN).map((c) => [
          c.action,
          c.upn,
          Object.entries(c.fields)
            .map(([k, v]) => `${k}: ${dash(v.from)} → ${dash(v.to)}`)
            .join('; '),
        ]),
      ),
      ...(r.changes.length > SHOWN
        ? [`… and ${r.changes.length - SHOWN} more changes (--json lists them all).`]
        : []),
    );
  if (r.errors.length > 0)
    lines.push(
      `${r.errors.length} not synced:`,
      ...r.errors.map((e) => `  ${e.entry}: ${e.message}`),
    );
  return lines.join('\n');
}

function statusText(s: DirectoryStatus): string {
  if (!s.configured) return 'No directory is configured (PORTCULLIS_DIRECTORY_URL).';
  const c = s.connection;
  const lines = [
    `Directory      : ${s.flavour} at ${s.urls.join(', ')}, users under ${s.baseDn}`,
    `Connection     : ${c.up === null ? 'not used yet' : c.up ? `up since ${c.since}` : `DOWN since ${c.since}: ${c.lastError}`}`,
    `Users          : ${s.users.directory} from the directory (${s.users.blockedByDirectory} blocked by it), ${s.users.local} local`,
    `Periodic sync  : ${s.syncMinutes > 0 ? `every ${s.syncMinutes} minutes, next at ${s.nextSyncAt}` : 'off'}`,
  ];
  const r = s.lastRun;
  if (r)
    lines.push(
      `Last sync      : ${r.startedAt} (${r.trigger}, ${r.actor}): ${r.status}${r.error ? ` — ${r.error}` : `, ${r.created} created, ${r.updated} updated, ${r.blocked} blocked, ${r.unblocked} unblocked, ${r.deleted} deleted, ${r.errors.length} not synced`}`,
    );
  return lines.join('\n');
}

function testText(t: DirectoryTest): string {
  const lines = [`Bound as the service account and searched ${t.baseDn} for ${t.filter}:`];
  if (t.entries.length === 0) lines.push('no entry found.');
  else
    lines.push(
      table(
        [
          'DN',
          'UserPrincipalName',
          'DisplayName',
          'Mail',
          'Mobile',
          'Language',
          'Disabled',
          'Problem',
        ],
        t.entries.map((e) => [
          e.dn,
          dash(e.userPrincipalName),
          dash(e.displayName),
          dash(e.mail),
          dash(e.mobile),
          dash(e.preferredLanguage),
          e.disabled ? 'yes' : 'no',
          dash(e.problem),
        ]),
      ),
    );
  return lines.join('\n');
}

/** `portcullis directory status|test|sync`: users from the configured LDAP directory. */
export function directoryCommands(program: Command): void {
  const directory = program
    .command('directory')
    .description('Users from the directory (Active Directory or OpenLDAP)');

  directory
    .command('status')
    .description('The connection, the last syncs and the next one')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const s = await withAdmin((a) => a.directoryStatus());
      print(!!o.json, s, () => statusText(s));
    });

  directory
    .command('test')
    .description(
      'Bind as the service account and show how Portcullis reads a few users (or the one named)',
    )
    .option('--user <upn>', 'look this user name up')
    .option('--json', 'print JSON')
    .action(async (o: { user?: string; json?: boolean }) => {
      const t = await withAdmin((a) => a.directoryTest(o.user));
      print(!!o.json, t, () => testText(t));
    });

  directory
    .command('sync')
    .description(
      'Create, update and block users from the directory now (the server also does it every PORTCULLIS_DIRECTORY_SYNC_MINUTES)',
    )
    .option('--dry-run', 'only say what would change')
    .option('--json', 'print JSON')
    .action(async (o: { dryRun?: boolean; json?: boolean }) => {
      // On a terminal: entries read so far, then a bar while changes are written.
      const tty = process.stderr.isTTY;
      let line = false;
      const endLine = () => {
        if (line) process.stderr.write('\n');
        line = false;
      };
      const bar = progressBar('Applying');
      const report = await withAdmin((a) =>
        a.directorySync(!!o.dryRun, (p) => {
          if (p.phase === 'reading' && tty) {
            process.stderr.write(`\rReading the directory: ${p.done} entries`);
            line = true;
          } else if (p.phase === 'applying' && p.total) {
            endLine();
            bar(p.done, p.total);
          }
        }),
      ).finally(endLine);
      print(!!o.json, report, () => syncSummary(report));
      if (report.errors.length > 0) process.exitCode = 3;
    });
}
