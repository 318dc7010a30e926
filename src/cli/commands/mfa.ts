import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import { parseMfaState } from '../../services/validation.ts';
import type { UserAction } from '../admin.ts';
import { progressBar, table, userHeaders, userRow } from '../format.ts';
import { isRemote, print, withAdmin } from '../run.ts';

export function mfaCommands(program: Command): void {
  const mfa = program.command('mfa').description('Per-user MFA');

  mfa
    .command('set <upn...>')
    .description('Set the MFA state of one or more users (all or nothing)')
    .requiredOption('--state <state>', 'Disabled, Enabled or Enforced')
    .option('--json', 'print JSON')
    .action(async (upns: string[], o: { state: string; json?: boolean }) => {
      const state = parseMfaState(o.state);
      const updated = await withAdmin((a) => a.setMfaState(upns, state));
      print(!!o.json, updated, () => table(userHeaders, updated.map(userRow)));
    });

  mfa
    .command('bulk')
    .description(
      'Set MFA states from a CSV file (Username,MFA Status): every row is checked first; the good rows are applied in one transaction, rows with errors never. Exits 3 when some rows had errors.',
    )
    .requiredOption('--csv <file>', 'the file (UTF-8, with or without BOM)')
    .option('--dry-run', 'check and show what would change; change nothing')
    .option('--json', 'print JSON')
    .action(async (o: { csv: string; dryRun?: boolean; json?: boolean }) => {
      let csv: string;
      try {
        csv = await readFile(o.csv, 'utf8');
      } catch (e) {
        throw new AppError('invalid_request', {
          detail: `Cannot read ${o.csv}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        });
      }
      if (isRemote() && process.stderr.isTTY) process.stderr.write('Sending the file…\n');
      const result = await withAdmin((a) =>
        a.bulk({ csv }, !!o.dryRun, {
          check: progressBar('Checking'),
          write: progressBar('Applying'),
        }),
      );
      print(!!o.json, result, () => {
        const errors = result.rows.filter((r) => r.status === 'error');
        const lines = [
          result.applied
            ? `Applied: ${result.changed} changed, ${result.unchanged} already in that state, ${result.errors} row(s) with errors not applied.`
            : `Dry run: ${result.changed} would change, ${result.unchanged} already in that state, ${result.errors} row(s) with errors.`,
        ];
        if (errors.length)
          lines.push(
            table(
              ['Line', 'Username', 'Error'],
              errors.map((r) => [String(r.line), r.userPrincipalName, r.error ?? '']),
            ),
          );
        return lines.join('\n');
      });
      if (result.errors > 0) process.exitCode = 3;
    });

  for (const [name, action, what] of [
    [
      'reset-methods',
      'reset-methods',
      'Require users to provide contact methods again (proof-up at next sign-in)',
    ],
    ['delete-app-passwords', 'delete-app-passwords', 'Delete all existing app passwords of users'],
    [
      'restore-remembered-devices',
      'restore-remembered-devices',
      'Restore multi-factor authentication on all remembered devices of users',
    ],
    [
      'unlock-signin',
      'unlock-signin',
      'Unlock sign-in for users locked out by too many failed passwords or codes',
    ],
  ] as [string, UserAction, string][]) {
    mfa
      .command(`${name} <upn...>`)
      .description(`${what} (all or nothing)`)
      .option('--json', 'print JSON')
      .action(async (upns: string[], o: { json?: boolean }) => {
        const results = await withAdmin((a) => a.userAction(action, upns));
        print(!!o.json, results, () =>
          table(
            ['UserPrincipalName', 'Removed'],
            results.map((r) => [r.userPrincipalName, String(r.removed)]),
          ),
        );
      });
  }
}
