import { type Command, Option } from 'commander';
import type { GroupMember, GroupView } from '../../services/groups.ts';
import { mfaStates, parseMfaState } from '../../services/validation.ts';
import type { Admin } from '../admin.ts';
import { table } from '../format.ts';
import { print, withAdmin } from '../run.ts';

const headers = ['DisplayName', 'Source', 'AdminRole', 'Members', 'Description'];
const row = (g: GroupView) => [
  g.displayName,
  g.source,
  g.adminRole ? 'True' : 'False',
  String(g.memberCount),
  g.description,
];
const show = (g: GroupView) => table(headers, [row(g)]);

/** Every page of a paged listing. */
async function all<T>(
  next: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const members = (a: Admin, group: string) =>
  all<GroupMember>((cursor) =>
    a.groupMembers(group, { limit: 1000, ...(cursor ? { cursor } : {}) }),
  );

export function groupCommands(program: Command): void {
  const group = program
    .command('group')
    .description(
      'Manage groups: sets of users for the administrator role, MFA states and policies',
    );

  group
    .command('add <name>')
    .description('Create a group, with members (all or nothing)')
    .option('--description <text>', 'what the group is for')
    .option('--admin-role', 'members are administrators', false)
    .option('--member <upn...>', 'users to add')
    .option('--json', 'print JSON')
    .action(
      async (
        name: string,
        o: { description?: string; adminRole: boolean; member?: string[]; json?: boolean },
      ) => {
        const created = await withAdmin((a) =>
          a.createGroup({
            displayName: name,
            adminRole: o.adminRole,
            ...(o.description !== undefined ? { description: o.description } : {}),
            ...(o.member ? { members: o.member } : {}),
          }),
        );
        print(!!o.json, created, () => show(created));
      },
    );

  group
    .command('list')
    .description('List groups, with their member counts')
    .option('--search <text>', 'part of the name')
    .option('--json', 'print JSON')
    .action(async (o: { search?: string; json?: boolean }) => {
      const groups = await withAdmin((a) =>
        all<GroupView>((cursor) =>
          a.groups({
            limit: 1000,
            ...(o.search ? { search: o.search } : {}),
            ...(cursor ? { cursor } : {}),
          }),
        ),
      );
      print(!!o.json, groups, () => table(headers, groups.map(row)));
    });

  group
    .command('members <name>')
    .description("List a group's members")
    .option('--json', 'print JSON')
    .action(async (name: string, o: { json?: boolean }) => {
      const list = await withAdmin((a) => members(a, name));
      print(!!o.json, list, () =>
        table(
          ['UserPrincipalName', 'DisplayName'],
          list.map((m) => [m.userPrincipalName, m.displayName]),
        ),
      );
    });

  group
    .command('add-member <name> <upn...>')
    .description('Add users to a group (all or nothing)')
    .option('--json', 'print JSON')
    .action(async (name: string, upns: string[], o: { json?: boolean }) => {
      const g = await withAdmin((a) => a.editGroupMembers(name, { add: upns }));
      print(!!o.json, g, () => show(g));
    });

  group
    .command('remove-member <name> <upn...>')
    .description('Remove users from a group (all or nothing)')
    .option('--json', 'print JSON')
    .action(async (name: string, upns: string[], o: { json?: boolean }) => {
      const g = await withAdmin((a) => a.editGroupMembers(name, { remove: upns }));
      print(!!o.json, g, () => show(g));
    });

  group
    .command('set <name>')
    .description('Rename a group, change its description, give or take the administrator role')
    .option('--name <new>', 'new name')
    .option('--description <text>', 'new description')
    .option('--admin-role', 'members are administrators')
    .option('--no-admin-role', 'members are no longer administrators (unless otherwise)')
    .option('--json', 'print JSON')
    .action(
      async (
        name: string,
        o: { name?: string; description?: string; adminRole?: boolean; json?: boolean },
      ) => {
        const g = await withAdmin((a) =>
          a.updateGroup(name, {
            ...(o.name !== undefined ? { displayName: o.name } : {}),
            ...(o.description !== undefined ? { description: o.description } : {}),
            ...(o.adminRole !== undefined ? { adminRole: o.adminRole } : {}),
          }),
        );
        print(!!o.json, g, () => show(g));
      },
    );

  group
    .command('mfa <name>')
    .description('Set the MFA state of every member (one transaction)')
    .addOption(
      new Option('--state <state>', 'the new state').choices(mfaStates).makeOptionMandatory(),
    )
    .option('--json', 'print JSON')
    .action(async (name: string, o: { state: string; json?: boolean }) => {
      const r = await withAdmin((a) => a.setGroupMfaState(name, parseMfaState(o.state)));
      print(
        !!o.json,
        r,
        () =>
          `${r.changed} of ${r.members} member(s) of ${r.group.displayName} changed to ${o.state}; the others were already.`,
      );
    });

  group
    .command('delete <name>')
    .description('Delete a group (its members stay users)')
    .action(async (name: string) => {
      await withAdmin((a) => a.deleteGroup(name));
      process.stdout.write(`Deleted the group ${name}.\n`);
    });
}
