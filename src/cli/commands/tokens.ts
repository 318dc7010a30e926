import { type Command, Option } from 'commander';
import { type TokenScope, tokenScopes } from '../../services/token-scopes.ts';
import { table } from '../format.ts';
import { print, withAdmin } from '../run.ts';

export function tokenCommands(program: Command): void {
  const token = program.command('token').description('Admin API tokens');

  token
    .command('create')
    .description('Create an admin API token and print it once')
    .requiredOption('--name <name>', 'what the token is for')
    .addOption(
      new Option(
        '--scope <scope>',
        'read: may only look; read-write: may change; scim: the SCIM endpoints only',
      )
        .choices(tokenScopes)
        .default('read-write'),
    )
    .option('--personal-data', 'the token may see personal data (full phone numbers)')
    .option('--json', 'print JSON')
    .action(
      async (o: { name: string; scope: TokenScope; personalData?: boolean; json?: boolean }) => {
        const created = await withAdmin((a) =>
          a.createToken({ name: o.name, scope: o.scope, personalData: !!o.personalData }),
        );
        print(!!o.json, created, () => `${created.token}\n(Store it now: it is shown only once.)`);
      },
    );

  token
    .command('list')
    .description('List admin API tokens (never the secrets)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const tokens = await withAdmin((a) => a.tokens());
      print(!!o.json, tokens, () =>
        table(
          ['Id', 'Name', 'Scope', 'Rights', 'Created', 'CreatedBy', 'LastUsed'],
          tokens.map((t) => [
            t.id,
            t.name,
            t.scope,
            t.rights.join(','),
            t.createdAt,
            t.createdBy ?? '',
            t.lastUsedAt ?? '',
          ]),
        ),
      );
    });

  token
    .command('revoke <id>')
    .description('Revoke a token at once')
    .action(async (id: string) => {
      await withAdmin((a) => a.revokeToken(id));
      console.log(`Revoked token ${id}.`);
    });
}
