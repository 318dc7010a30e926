// The members of the groups the configuration names (admin role, MFA states):
// each group named by DN or by common name under the group base, its members
// read from `member` (Active Directory, groupOfNames, with ranged retrieval of
// large groups), `uniqueMember` (groupOfUniqueNames) or `memberUid`
// (posixGroup), and groups inside groups followed. A group that cannot be
// found stops the sync before anything changes: a typo must not demote every
// administrator.
import { AndFilter, type Entry, EqualityFilter, OrFilter, PresenceFilter } from 'ldapts';
import type { DirectoryClient } from './client.ts';

/** Nested groups are followed this deep. */
const MAX_DEPTH = 8;

export class GroupNotFoundError extends Error {}

export interface GroupMembers {
  /** Member DNs, lowercased. */
  dns: Set<string>;
  /** posixGroup memberUid values, lowercased (matched against `uid=` in the entry's DN). */
  uids: Set<string>;
}

const lower = (v: Entry[string] | undefined): string[] =>
  v === undefined
    ? []
    : (Array.isArray(v) ? v : [v]).map((x) =>
        (Buffer.isBuffer(x) ? x.toString() : x).toLowerCase(),
      );

/** Normalises a DN for comparison: lowercased, no spaces around separators. */
export const normalDn = (dn: string) =>
  dn
    .toLowerCase()
    .replace(/\s*([,=+])\s*/g, '$1')
    .trim();

const GROUP_CLASSES = ['group', 'groupOfNames', 'groupOfUniqueNames', 'posixGroup'];

/** A search for an entry that may not exist: noSuchObject (32) finds nothing. */
const missingOk = (e: unknown): Entry[] => {
  if ((e as { code?: number }).code === 32) return [];
  throw e;
};

async function findGroup(client: DirectoryClient, name: string): Promise<Entry> {
  const base = client.settings.groupBaseDn;
  const byDn = name.includes('=');
  const found = await client
    .search({
      base: byDn ? name : base,
      scope: byDn ? 'base' : 'sub',
      filter: byDn
        ? new PresenceFilter({ attribute: 'objectClass' })
        : new AndFilter({
            filters: [
              new OrFilter({
                filters: GROUP_CLASSES.map(
                  (c) => new EqualityFilter({ attribute: 'objectClass', value: c }),
                ),
              }),
              new EqualityFilter({ attribute: 'cn', value: name }),
            ],
          }),
      attributes: ['member', 'uniqueMember', 'memberUid', 'objectClass'],
    })
    .catch(missingOk);
  if (found.length === 0)
    throw new GroupNotFoundError(
      byDn
        ? `Group "${name}" not found in the directory`
        : `Group "${name}" not found under ${base} (name it by DN, or by its cn under PORTCULLIS_DIRECTORY_GROUP_BASE_DN)`,
    );
  if (found.length > 1)
    throw new GroupNotFoundError(
      `Several groups are called "${name}" under ${base}: name it by DN (${found.map((g) => g.dn).join('; ')})`,
    );
  return found[0]!;
}

/** Active Directory gives a large group's members in ranges (`member;range=0-1499`). */
async function members(client: DirectoryClient, group: Entry): Promise<string[]> {
  const out = [...lower(group.member), ...lower(group.uniqueMember)];
  let ranged = Object.keys(group).find((k) => /^member;range=\d+-(\d+|\*)$/i.test(k));
  let entry: Entry | undefined = group;
  while (ranged && entry) {
    const end = /-(\d+|\*)$/.exec(ranged)![1]!;
    out.push(...lower(entry[ranged]));
    if (end === '*') break;
    const next = `member;range=${Number(end) + 1}-*`;
    [entry] = await client.search({
      base: group.dn,
      scope: 'base',
      filter: new PresenceFilter({ attribute: 'objectClass' }),
      attributes: [next],
    });
    ranged = entry && Object.keys(entry).find((k) => /^member;range=\d+-(\d+|\*)$/i.test(k));
  }
  return out;
}

/**
 * The members of the groups named (all of them together), nested groups
 * followed. `isUser` tells a member that is a user entry (not expanded further).
 */
export async function groupMembers(
  client: DirectoryClient,
  names: readonly string[],
  isUser: (dn: string) => boolean,
): Promise<GroupMembers> {
  const result: GroupMembers = { dns: new Set(), uids: new Set() };
  const seen = new Set<string>();
  let level: Entry[] = [];
  for (const name of names) level.push(await findGroup(client, name));
  for (let depth = 0; level.length > 0 && depth <= MAX_DEPTH; depth++) {
    const next: Entry[] = [];
    for (const group of level) {
      if (seen.has(normalDn(group.dn))) continue;
      seen.add(normalDn(group.dn));
      for (const uid of lower(group.memberUid)) result.uids.add(uid);
      for (const dn of await members(client, group)) {
        const n = normalDn(dn);
        result.dns.add(n);
        if (isUser(n) || seen.has(n)) continue;
        // Not a user in scope: perhaps a group inside the group.
        const [inner] = await client
          .search({
            base: dn,
            scope: 'base',
            filter: new OrFilter({
              filters: GROUP_CLASSES.map(
                (c) => new EqualityFilter({ attribute: 'objectClass', value: c }),
              ),
            }),
            attributes: ['member', 'uniqueMember', 'memberUid'],
          })
          .catch(missingOk);
        if (inner) next.push(inner);
      }
    }
    level = next;
  }
  return result;
}

/** Whether the entry (its normalised DN) is among the members. */
export function isMember(m: GroupMembers, dn: string): boolean {
  if (m.dns.has(dn)) return true;
  const uid = /^uid=([^,]+),/.exec(dn);
  return uid !== null && m.uids.has(uid[1]!);
}

/** A group as the sync mirrors it: its DN, its name (the first RDN's value), its members. */
export interface DirectoryGroup {
  dn: string;
  name: string;
  members: GroupMembers;
}

export async function readDirectoryGroup(
  client: DirectoryClient,
  name: string,
  isUser: (dn: string) => boolean,
): Promise<DirectoryGroup> {
  const group = await findGroup(client, name);
  const rdn = /^[^=]+=((?:\\.|[^,])+)/.exec(group.dn)?.[1] ?? group.dn;
  return {
    dn: group.dn,
    name: rdn.replace(/\\(.)/g, '$1'),
    members: await groupMembers(client, [group.dn], isUser),
  };
}
