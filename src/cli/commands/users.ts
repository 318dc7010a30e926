import { type Command, Option } from 'commander';
import type { RiskLevel } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { UserView } from '../../services/users.ts';
import { mfaStates, parseMfaState } from '../../services/validation.ts';
import {
  formatList,
  formatUser,
  selectProperties,
  table,
  userHeaders,
  userRow,
} from '../format.ts';
import { print, readStdin, withAdmin } from '../run.ts';
import { userImportCommands } from './user-import.ts';

export function userCommands(program: Command): void {
  const user = program.command('user').description('Manage users');
  userImportCommands(user);

  user
    .command('add <upn>')
    .description(
      'Create a user: with a password read from standard input, or with --invite (an email with a link to choose one)',
    )
    .option('--display-name <name>', 'display name')
    .option('--admin', 'give the user the administrator role', false)
    .option(
      '--language <code>',
      "preferred language (e.g. en, fr, en-GB); without it, the browser's",
    )
    .addOption(
      new Option('--mfa-state <state>', 'initial MFA state').choices(mfaStates).default('Disabled'),
    )
    .option('--password-stdin', 'read the password from standard input')
    .option('--email <address>', 'email address (invitations and notices go there)')
    .option('--mobile <number>', 'mobile number, offered when the user registers a phone')
    .option('--invite', 'send an invitation to --email instead of setting a password')
    .option('--json', 'print JSON')
    .action(
      async (
        upn: string,
        o: {
          displayName?: string;
          admin: boolean;
          language: string;
          mfaState: string;
          passwordStdin?: boolean;
          email?: string;
          mobile?: string;
          invite?: boolean;
          json?: boolean;
        },
      ) => {
        if (!o.passwordStdin === !o.invite)
          throw new AppError('invalid_request', {
            detail:
              'Give --password-stdin (and the password on standard input) or --invite (and --email).',
          });
        const password = o.passwordStdin ? await readStdin('--password-stdin') : undefined;
        const created = await withAdmin((a) =>
          a.createUser({
            upn,
            ...(password !== undefined ? { password } : {}),
            ...(o.email !== undefined ? { email: o.email } : {}),
            ...(o.mobile !== undefined ? { mobile: o.mobile } : {}),
            ...(o.invite ? { invite: true } : {}),
            isAdmin: o.admin,
            preferredLanguage: o.language,
            mfaState: parseMfaState(o.mfaState),
            ...(o.displayName !== undefined ? { displayName: o.displayName } : {}),
          }),
        );
        print(!!o.json, created, () =>
          o.invite
            ? `${formatUser(created)}\nAn invitation was sent to ${o.email}.`
            : formatUser(created),
        );
      },
    );

  user
    .command('invite <upn>')
    .description(
      'Send (again) an invitation: an email with a single-use link to set a password and register methods',
    )
    .option('--json', 'print JSON')
    .action(async (upn: string, o: { json?: boolean }) => {
      const r = await withAdmin((a) => a.inviteUser(upn));
      print(
        !!o.json,
        r,
        () => `Invitation sent to ${r.email}; the link works once, until ${r.expiresAt}.`,
      );
    });

  user
    .command('get <upn>')
    .description(
      'Show a user with StrongAuthenticationRequirements and StrongAuthenticationMethods',
    )
    .option(
      '--select <pattern>',
      "only the properties matching a wildcard, as Select-Object (e.g. 'strong*')",
    )
    .option('--json', 'print JSON (the same as the API)')
    .option('--personal-data', 'show phone numbers in full instead of masked (on the server)')
    .action(async (upn: string, o: { select?: string; json?: boolean; personalData?: boolean }) => {
      const found = await withAdmin((a) => a.getUser(upn), { personalData: !!o.personalData });
      if (o.select) {
        const props = selectProperties(found, o.select);
        return print(!!o.json, props, () => formatList(props));
      }
      print(!!o.json, found, () => formatUser(found));
    });

  user
    .command('list')
    .description(
      'List users: all, those in one MFA state or at high risk, or those matching a search',
    )
    .addOption(new Option('--mfa-state <state>', 'only users in this state').choices(mfaStates))
    .addOption(
      new Option('--risk <level>', 'only users at this risk (high: risky users)').choices([
        'none',
        'high',
      ]),
    )
    .option('--search <text>', 'part of the user name or display name')
    .option('--json', 'print JSON')
    .action(async (o: { mfaState?: string; risk?: RiskLevel; search?: string; json?: boolean }) => {
      const users = await withAdmin(async (a) => {
        const all: UserView[] = [];
        let cursor: string | undefined;
        do {
          const page = await a.listUsers({
            limit: 1000,
            ...(o.mfaState ? { mfaState: parseMfaState(o.mfaState) } : {}),
            ...(o.risk ? { riskLevel: o.risk } : {}),
            ...(o.search ? { search: o.search } : {}),
            ...(cursor ? { cursor } : {}),
          });
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return all;
      });
      print(!!o.json, users, () => table(userHeaders, users.map(userRow)));
    });

  user
    .command('update <upn>')
    .description(
      "Change a user's display name, language, email, mobile number or administrator role",
    )
    .option('--display-name <name>', 'new display name')
    .option('--email <address>', "new email address ('' removes it)")
    .option('--mobile <number>', "new mobile number ('' removes it)")
    .option('--language <code>', 'new preferred language')
    .option('--admin', 'give the administrator role')
    .option('--no-admin', 'take the administrator role away')
    .option('--json', 'print JSON')
    .action(
      async (
        upn: string,
        o: {
          displayName?: string;
          language?: string;
          email?: string;
          mobile?: string;
          admin?: boolean;
          json?: boolean;
        },
      ) => {
        const patch = {
          ...(o.email !== undefined ? { email: o.email || null } : {}),
          ...(o.mobile !== undefined ? { mobile: o.mobile || null } : {}),
          ...(o.displayName !== undefined ? { displayName: o.displayName } : {}),
          ...(o.language !== undefined ? { preferredLanguage: o.language } : {}),
          ...(o.admin !== undefined ? { isAdmin: o.admin } : {}),
        };
        if (Object.keys(patch).length === 0)
          throw new AppError('invalid_request', {
            detail:
              'Say what to change: --display-name, --language, --email, --mobile, --admin or --no-admin.',
          });
        const updated = await withAdmin((a) => a.updateUser(upn, patch));
        print(!!o.json, updated, () => formatUser(updated));
      },
    );

  user
    .command('delete <upn>')
    .description('Delete a user with their methods, app passwords and sessions')
    .requiredOption('--yes', 'yes, delete (there is no undo)')
    .action(async (upn: string) => {
      await withAdmin((a) => a.deleteUser(upn));
      console.log(`Deleted ${upn}.`);
    });

  for (const [name, blocked, what] of [
    ['block', true, 'Block sign-in for a user (ends their sessions)'],
    ['unblock', false, 'Unblock sign-in for a user (their risk stays: see dismiss-risk)'],
  ] as const) {
    user
      .command(`${name} <upn>`)
      .description(what)
      .option('--json', 'print JSON')
      .action(async (upn: string, o: { json?: boolean }) => {
        const updated = await withAdmin((a) => a.updateUser(upn, { blockCredential: blocked }));
        print(!!o.json, updated, () => formatUser(updated));
      });
  }

  user
    .command('dismiss-risk <upn>')
    .description(
      "Dismiss a user's risk after reviewing their report of suspicious activity (lifts a block the high-risk action set)",
    )
    .option('--json', 'print JSON')
    .action(async (upn: string, o: { json?: boolean }) => {
      const r = await withAdmin((a) => a.dismissRisk(upn));
      print(!!o.json, r, () =>
        r.dismissed
          ? `Dismissed the risk of ${r.user.userPrincipalName}${r.user.blockCredential ? ' (sign-in is still blocked by an administrator or the directory)' : ''}.`
          : `${r.user.userPrincipalName} was not at risk; nothing changed.`,
      );
    });

  user
    .command('reset-password <upn>')
    .description(
      'Reset the password: prints a one-time password, which the user must change at next sign-in',
    )
    .option('--json', 'print JSON')
    .action(async (upn: string, o: { json?: boolean }) => {
      const r = await withAdmin((a) => a.resetPassword(upn));
      print(
        !!o.json,
        { userPrincipalName: r.user.userPrincipalName, oneTimePassword: r.oneTimePassword },
        () =>
          `${r.oneTimePassword}\n(One-time password for ${r.user.userPrincipalName}: shown only now; it must be changed at next sign-in.)`,
      );
    });

  user
    .command('methods <upn>')
    .description("List a user's verification methods; delete one or make one the default")
    .option('--delete <id>', 'delete this method')
    .option('--default <id>', 'make this method the default')
    .option('--json', 'print JSON')
    .action(async (upn: string, o: { delete?: string; default?: string; json?: boolean }) => {
      if (o.delete && o.default)
        throw new AppError('invalid_request', { detail: 'Give --delete or --default, not both.' });
      const methods = await withAdmin((a) =>
        o.delete
          ? a.deleteMethod(upn, o.delete)
          : o.default
            ? a.setDefaultMethod(upn, o.default)
            : a.methods(upn),
      );
      print(!!o.json, methods, () =>
        table(
          ['Id', 'MethodType', 'IsDefault', 'PhoneNumber', 'Added', 'LastUsed'],
          methods.map((m) => [
            m.id,
            m.methodType,
            m.isDefault ? 'True' : 'False',
            m.phoneNumber ?? '',
            m.createdAt,
            m.lastUsedAt ?? '',
          ]),
        ),
      );
    });

  user
    .command('app-passwords <upn>')
    .description("List a user's app passwords, or delete them all")
    .option('--delete-all', 'delete all existing app passwords of the user')
    .option('--json', 'print JSON')
    .action(async (upn: string, o: { deleteAll?: boolean; json?: boolean }) => {
      if (o.deleteAll) {
        const [r] = await withAdmin((a) => a.userAction('delete-app-passwords', [upn]));
        return print(
          !!o.json,
          { deleted: r!.removed },
          () => `Deleted ${r!.removed} app password(s).`,
        );
      }
      const list = await withAdmin((a) => a.appPasswords(upn));
      print(!!o.json, list, () =>
        table(
          ['Name', 'Applications', 'Created', 'Expires', 'LastUsed', 'From'],
          list.map((p) => [
            p.name,
            p.scopes.join(',') || '*',
            p.createdAt,
            p.expiresAt ?? '',
            p.lastUsedAt ?? '',
            p.lastUsedFrom ?? '',
          ]),
        ),
      );
    });
}
