import { readFile, writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { AppError } from '../../errors.ts';
import { IMPORT_TEMPLATE } from '../../services/import-template.ts';
import { mfaStates, parseMfaState } from '../../services/validation.ts';
import { progressBar, table } from '../format.ts';
import { isRemote, print, withAdmin } from '../run.ts';

export function userImportCommands(user: Command): void {
  user
    .command('import')
    .description(
      'Create and update users from a CSV file (UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email): every row is checked first; the good rows are applied in one transaction, rows with errors never; new users get an invitation by email. Exits 3 when some rows had errors.',
    )
    .option('--csv <file>', 'the file (UTF-8, with or without BOM)')
    .option('--template', 'print the template and exit')
    .option('--dry-run', 'check and show what would change; change nothing')
    .option('--no-invite', 'create new users without sending invitations')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        csv?: string;
        template?: boolean;
        dryRun?: boolean;
        invite: boolean;
        json?: boolean;
      }) => {
        if (o.template) return void process.stdout.write(IMPORT_TEMPLATE);
        if (!o.csv)
          throw new AppError('invalid_request', {
            detail: 'Name the file: --csv FILE (or --template).',
          });
        let csv: string;
        try {
          csv = await readFile(o.csv, 'utf8');
        } catch (e) {
          throw new AppError('invalid_request', {
            detail: `Cannot read ${o.csv}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          });
        }
        if (isRemote() && process.stderr.isTTY) process.stderr.write('Sending the file…\n');
        const r = await withAdmin((a) =>
          a.importUsers(
            csv,
            { dryRun: !!o.dryRun, invite: o.invite },
            { check: progressBar('Checking'), write: progressBar('Applying') },
          ),
        );
        print(!!o.json, r, () => {
          const counts = `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.errors} row(s) with errors`;
          const lines = [
            r.applied
              ? `Applied: ${counts} (not applied)${r.invited ? `; ${r.invited} invitation(s) sent` : ''}.`
              : `Dry run — nothing was changed. Would apply: ${counts}.`,
          ];
          const errors = r.rows.filter((x) => x.action === 'error');
          if (errors.length)
            lines.push(
              table(
                ['Line', 'UserPrincipalName', 'Error'],
                errors
                  .slice(0, 50)
                  .map((x) => [String(x.line), x.userPrincipalName, x.error ?? '']),
              ),
              ...(errors.length > 50
                ? [`… and ${errors.length - 50} more (--json lists them all).`]
                : []),
            );
          return lines.join('\n');
        });
        if (r.errors > 0) process.exitCode = 3;
      },
    );

  user
    .command('export')
    .description(
      'The users (all, or those in one state or matching a search) as CSV, in the import template’s columns and more',
    )
    .addOption(new Option('--mfa-state <state>', 'only users in this state').choices(mfaStates))
    .option('--search <text>', 'part of the user name or display name')
    .option('--output <file>', 'write to this file instead of standard output')
    .option(
      '--personal-data',
      'include mobile numbers (on the server; remotely the token needs the right)',
    )
    .action(
      async (o: {
        mfaState?: string;
        search?: string;
        output?: string;
        personalData?: boolean;
      }) => {
        const text = await withAdmin(
          (a) =>
            a.exportUsers({
              ...(o.mfaState ? { mfaState: parseMfaState(o.mfaState) } : {}),
              ...(o.search ? { search: o.search } : {}),
            }),
          { personalData: !!o.personalData },
        );
        if (o.output) await writeFile(o.output, text, { mode: 0o600 });
        else process.stdout.write(text);
      },
    );
}
