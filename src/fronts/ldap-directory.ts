// The tree an application's LDAP service account reads (search-then-bind):
//
//   <base DN>
//   └─ o=<application id>
//      ├─ ou=people    uid=<upn>: the users who may use the application
//      └─ ou=groups    cn=<group name>: groups, with their visible members
//
// `ou=people,<base DN>` and `ou=groups,<base DN>` are read as the
// application's own, so a client configured with either base finds the same
// entries; every entry is named under `o=<application id>`, so the bind that
// follows a search names the application (scoped app passwords, the sign-in
// log, who may use it). Other applications' trees do not exist for it.
// Entries come a page at a time, narrowed in SQL by what the filter names;
// the protocol layer applies the filter itself, the attribute list and the
// size limit, and stops reading pages once it has enough.

import type { AppContext } from '../context.ts';
import type { ApplicationsTable } from '../db/schema.ts';
import {
  type DirectoryGroup,
  type DirectoryScope,
  type DirectoryUser,
  type GroupNarrowing,
  ldapDirectoryStore,
  type UserNarrowing,
} from '../storage/ldap-directory.ts';
import { type LdapResult, ResultCode } from './ldap/ber.ts';
import {
  type Dn,
  escapeDnValue,
  isWithin,
  parseDn,
  type Rdn,
  rdnEquals,
  typeKey,
  valueKey,
} from './ldap/dn.ts';
import type { Filter, LdapEntry } from './ldap/filter.ts';
import type { SearchRequest } from './ldap/server.ts';

/** Rows read per query while paging through users or groups. */
const PAGE = 200;
const GROUP_PAGE = 50;

export const PERSON_CLASSES = ['inetOrgPerson', 'organizationalPerson', 'person', 'top'];
export const GROUP_CLASSES = ['groupOfNames', 'top'];
const PERSON_ATTRIBUTES = new Set(
  [
    'objectClass',
    'uid',
    'mail',
    'cn',
    'displayName',
    'givenName',
    'sn',
    'memberOf',
    'entryUUID',
  ].map(typeKey),
);
const GROUP_ATTRIBUTES = new Set(
  ['objectClass', 'cn', 'member', 'description', 'entryUUID'].map(typeKey),
);

/** A place in the tree. */
type Node =
  | { kind: 'root' | 'app' | 'people' | 'groups' }
  | { kind: 'user'; upn: string }
  | { kind: 'group'; name: string };

const DEPTH = { root: 0, app: 1, people: 2, groups: 2, user: 3, group: 3 } as const;

const single = (rdn: Rdn | undefined) => (rdn?.length === 1 ? rdn[0]! : null);
const isRdn = (rdn: Rdn | undefined, type: string, value: string) =>
  !!rdn && rdnEquals(rdn, [{ type, value }]);

/** What the service account of `app` reads, under `baseDn`. */
export function serviceDirectory(
  ctx: AppContext,
  app: Pick<ApplicationsTable, 'id' | 'assignment_required'>,
  baseDn: string,
) {
  const base = parseDn(baseDn);
  const appDn = `o=${escapeDnValue(app.id)},${baseDn}`;
  const dnOf = {
    root: baseDn,
    app: appDn,
    people: `ou=people,${appDn}`,
    groups: `ou=groups,${appDn}`,
    user: (upn: string) => `uid=${escapeDnValue(upn)},ou=people,${appDn}`,
    group: (name: string) => `cn=${escapeDnValue(name)},ou=groups,${appDn}`,
  };
  const scope: DirectoryScope = {
    appId: app.id,
    assignmentRequired: app.assignment_required === 1,
  };
  const store = () => ldapDirectoryStore(ctx.db);

  /** Where a DN is in this application's tree; null: not in it (another application's, or nothing). */
  function locate(dn: Dn): Node | null {
    if (!isWithin(dn, base)) return null;
    const down = dn.slice(0, dn.length - base.length).reverse();
    if (down.length === 0) return { kind: 'root' };
    let i = 0;
    if (isRdn(down[0], 'o', app.id)) i = 1;
    else if (!isRdn(down[0], 'ou', 'people') && !isRdn(down[0], 'ou', 'groups')) return null;
    if (i === down.length) return { kind: 'app' };
    const ou = isRdn(down[i], 'ou', 'people')
      ? 'people'
      : isRdn(down[i], 'ou', 'groups')
        ? 'groups'
        : null;
    if (!ou) return null;
    if (i + 1 === down.length) return { kind: ou };
    const leaf = single(down[i + 1]);
    if (!leaf || i + 2 !== down.length) return null;
    if (ou === 'people' && typeKey(leaf.type) === 'uid') return { kind: 'user', upn: leaf.value };
    if (ou === 'groups' && typeKey(leaf.type) === 'cn') return { kind: 'group', name: leaf.value };
    return null;
  }

  const userEntry = (u: DirectoryUser, groups: readonly string[]): LdapEntry => {
    const name = nameParts(u.profile);
    return {
      dn: dnOf.user(u.upn),
      attributes: {
        objectClass: PERSON_CLASSES,
        uid: [u.upn],
        mail: [u.directory_mail || u.upn],
        cn: [u.display_name],
        displayName: [u.display_name],
        ...(name.given ? { givenName: [name.given] } : {}),
        ...(name.family ? { sn: [name.family] } : {}),
        ...(groups.length ? { memberOf: groups.map(dnOf.group) } : {}),
        entryUUID: [u.id],
      },
    };
  };

  const groupEntry = (g: DirectoryGroup, members: readonly string[]): LdapEntry => ({
    dn: dnOf.group(g.display_name),
    attributes: {
      objectClass: GROUP_CLASSES,
      cn: [g.display_name],
      // groupOfNames needs a member (RFC 4519 §3.5); an empty group has none to give.
      ...(members.length ? { member: members.map(dnOf.user) } : {}),
      ...(g.description ? { description: [g.description] } : {}),
      entryUUID: [g.id],
    },
  });

  async function* users(narrow: UserNarrowing | null): AsyncGenerator<LdapEntry> {
    if (narrow && narrow.upns.length + narrow.mails.length + narrow.groupNames.length === 0) return;
    let after: string | undefined;
    for (;;) {
      const rows = await store().users(scope, { ...(after ? { after } : {}), limit: PAGE }, narrow);
      const groups = await store().groupsOf(rows.map((r) => r.id));
      for (const r of rows) yield userEntry(r, groups.get(r.id) ?? []);
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.upn_normalized;
    }
  }

  async function* groups(narrow: GroupNarrowing | null): AsyncGenerator<LdapEntry> {
    if (narrow && narrow.names.length + narrow.memberUpns.length === 0) return;
    let after: string | undefined;
    for (;;) {
      const rows = await store().groups({ ...(after ? { after } : {}), limit: GROUP_PAGE }, narrow);
      const members = await store().members(
        scope,
        rows.map((r) => r.id),
      );
      for (const r of rows) yield groupEntry(r, members.get(r.id) ?? []);
      if (rows.length < GROUP_PAGE) return;
      after = rows.at(-1)!.name_normalized;
    }
  }

  const containers = (): [Node['kind'], LdapEntry][] => {
    const top = single(base[0]);
    return [
      [
        'root',
        {
          dn: dnOf.root,
          attributes: { objectClass: ['top'], ...(top ? { [top.type]: [top.value] } : {}) },
        },
      ],
      ['app', { dn: dnOf.app, attributes: { objectClass: ['top', 'organization'], o: [app.id] } }],
      [
        'people',
        {
          dn: dnOf.people,
          attributes: { objectClass: ['top', 'organizationalUnit'], ou: ['people'] },
        },
      ],
      [
        'groups',
        {
          dn: dnOf.groups,
          attributes: { objectClass: ['top', 'organizationalUnit'], ou: ['groups'] },
        },
      ],
    ];
  };

  /** The entries in scope of a search (or a compare's one entry: base scope). */
  async function* entries(target: Node, searchScope: number, filter: Filter) {
    const dT = DEPTH[target.kind];
    const inScope = (d: number) =>
      searchScope === 0
        ? d === dT
        : searchScope === 1
          ? d === dT + 1
          : searchScope === 3
            ? d > dT
            : d >= dT;
    /** Whether a node of this kind is the target or below it. */
    const below = (kind: Node['kind']) =>
      target.kind === 'root' ||
      kind === target.kind ||
      (target.kind === 'app' && kind !== 'root') ||
      (target.kind === 'people' && kind === 'user') ||
      (target.kind === 'groups' && kind === 'group');
    for (const [kind, entry] of containers()) if (below(kind) && inScope(DEPTH[kind])) yield entry;
    if (below('user') && inScope(3) && mayMatch(filter, PERSON_CLASSES)) {
      const named = narrowUsers(filter, locate);
      yield* users(
        target.kind === 'user'
          ? { upns: [target.upn.toLowerCase()], mails: [], groupNames: [] }
          : named,
      );
    }
    if (below('group') && inScope(3) && mayMatch(filter, GROUP_CLASSES)) {
      const named = narrowGroups(filter, locate);
      yield* groups(
        target.kind === 'group' ? { names: [target.name.toLowerCase()], memberUpns: [] } : named,
      );
    }
  }

  /** An entry a base-scope read names exactly (a user's or group's DN must be the canonical one). */
  const exact = (node: Node, entry: LdapEntry) =>
    node.kind === 'user'
      ? valueKey(entry.attributes.uid![0]!) === valueKey(node.upn)
      : node.kind === 'group'
        ? valueKey(entry.attributes.cn![0]!) === valueKey(node.name)
        : true;

  async function read(dn: string): Promise<{ entry: LdapEntry } | LdapResult> {
    let parsed: Dn;
    try {
      parsed = parseDn(dn);
    } catch {
      return { code: ResultCode.invalidDNSyntax };
    }
    const node = locate(parsed);
    if (!node) return { code: ResultCode.noSuchObject };
    for await (const entry of entries(node, 0, { type: 'present', attribute: 'objectClass' }))
      if (exact(node, entry)) return { entry };
    return { code: ResultCode.noSuchObject };
  }

  async function search(
    request: SearchRequest,
  ): Promise<{ entries: Iterable<LdapEntry> | AsyncIterable<LdapEntry> } | LdapResult> {
    let dn: Dn;
    try {
      dn = parseDn(request.base);
    } catch {
      return { code: ResultCode.invalidDNSyntax };
    }
    const node = locate(dn);
    if (!node)
      return {
        code: ResultCode.noSuchObject,
        ...(isWithin(dn, base) ? { matchedDn: baseDn } : {}),
      };
    if (node.kind === 'user' || node.kind === 'group') {
      // A named entry that is not there (or not to be seen) is noSuchObject, as a directory answers.
      const found = await read(request.base);
      if (!('entry' in found)) return found;
      return { entries: request.scope === 1 || request.scope === 3 ? [] : [found.entry] };
    }
    return { entries: entries(node, request.scope, request.filter) };
  }

  return { search, read };
}

/** A user's given and family names, where a provisioning system gave them (SCIM `name`). */
function nameParts(profile: string): { given?: string; family?: string } {
  try {
    const p = JSON.parse(profile) as { name?: { givenName?: unknown; familyName?: unknown } };
    return {
      ...(typeof p.name?.givenName === 'string' && p.name.givenName
        ? { given: p.name.givenName }
        : {}),
      ...(typeof p.name?.familyName === 'string' && p.name.familyName
        ? { family: p.name.familyName }
        : {}),
    };
  } catch {
    return {};
  }
}

// --- what a filter tells before any row is read ---

/**
 * Whether the filter can match an entry of these object classes: false only
 * when it demands (through and/or) an objectClass the entry does not have.
 */
export function mayMatch(f: Filter, classes: readonly string[]): boolean {
  switch (f.type) {
    case 'and':
      return f.filters.every((g) => mayMatch(g, classes));
    case 'or':
      return f.filters.some((g) => mayMatch(g, classes));
    case 'equal':
      return (
        typeKey(f.attribute) !== 'objectclass' ||
        classes.some((c) => valueKey(c) === valueKey(f.value))
      );
    default:
      return true;
  }
}

type Locate = (dn: Dn) => Node | null;

/** The name a DN-valued assertion names, if it is one of ours of that kind. */
function named(value: string, locate: Locate, kind: 'user' | 'group'): string | null {
  try {
    const node = locate(parseDn(value));
    if (node?.kind === 'user' && kind === 'user') return node.upn.toLowerCase();
    if (node?.kind === 'group' && kind === 'group') return node.name.toLowerCase();
  } catch {}
  return null;
}

const size = (n: Record<string, string[]>) => Object.values(n).reduce((a, l) => a + l.length, 0);

/**
 * At most which rows a filter can match, as lists of names to look up; null
 * when it names none that an index finds (then every row is read, a page at
 * a time). `attributes` are those the entries of that kind have: an
 * assertion on another matches nothing.
 */
function narrowing<N extends Record<string, string[]>>(
  f: Filter,
  attributes: Set<string>,
  atom: (attribute: string, value: string) => N | null,
  none: () => N,
): N | null {
  const merge = (a: N, b: N) =>
    Object.fromEntries(Object.keys(a).map((k) => [k, [...new Set([...a[k]!, ...b[k]!])]])) as N;
  switch (f.type) {
    case 'and': {
      let best: N | null = null;
      for (const g of f.filters) {
        const n = narrowing(g, attributes, atom, none);
        if (n && (!best || size(n) < size(best))) best = n;
      }
      return best;
    }
    case 'or': {
      let all = none();
      for (const g of f.filters) {
        const n = narrowing(g, attributes, atom, none);
        if (!n) return null;
        all = merge(all, n);
      }
      return all;
    }
    case 'equal':
    case 'substrings':
    case 'present':
    case 'ge':
    case 'le':
    case 'approx':
      if (!attributes.has(typeKey(f.attribute.split(';')[0]!))) return none();
      return f.type === 'equal' ? atom(typeKey(f.attribute.split(';')[0]!), f.value) : null;
    default:
      return null;
  }
}

/** Lowercased as the database keeps names (and as caseIgnoreMatch compares them, where those agree). */
const keys = (v: string) => [...new Set([v.toLowerCase(), valueKey(v)])];

export const narrowUsers = (f: Filter, locate: Locate): UserNarrowing | null =>
  narrowing<{ upns: string[]; mails: string[]; groupNames: string[] }>(
    f,
    PERSON_ATTRIBUTES,
    (attribute, value) => {
      const none = { upns: [], mails: [], groupNames: [] };
      if (attribute === 'uid') return { ...none, upns: keys(value) };
      if (attribute === 'mail') return { ...none, mails: keys(value) };
      if (attribute === 'memberof') {
        const group = named(value, locate, 'group');
        return { ...none, groupNames: group ? [group] : [] };
      }
      return null;
    },
    () => ({ upns: [], mails: [], groupNames: [] }),
  );

export const narrowGroups = (f: Filter, locate: Locate): GroupNarrowing | null =>
  narrowing<{ names: string[]; memberUpns: string[] }>(
    f,
    GROUP_ATTRIBUTES,
    (attribute, value) => {
      if (attribute === 'cn') return { names: keys(value), memberUpns: [] };
      if (attribute === 'member') {
        const upn = named(value, locate, 'user');
        return { names: [], memberUpns: upn ? [upn] : [] };
      }
      return null;
    },
    () => ({ names: [], memberUpns: [] }),
  );
