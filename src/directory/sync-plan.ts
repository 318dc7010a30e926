// What a sync would change, worked out without writing anything: the entries
// read from the directory against the users Portcullis has. Each change is one
// user's, applied on its own (src/directory/sync.ts); a dry run prints them.
import type { MfaState } from '../db/schema.ts';
import type { UserRow } from '../storage/users.ts';
import { newUserRow } from '../storage/users.ts';
import type { DirectoryEntry } from './entries.ts';
import { type GroupMembers, isMember, normalDn } from './groups.ts';
import type { DirectorySettings } from './settings.ts';

const DAY = 86_400_000;

export type SyncAction = 'create' | 'adopt' | 'update' | 'block' | 'unblock' | 'delete';

/** One user's change, as reported (dry run, CLI, audit). */
export interface SyncChange {
  action: SyncAction;
  upn: string;
  /** The entry's DN (null for a user whose entry is gone). */
  entry: string | null;
  /** Changed fields, from → to (personal data such as the mobile number is not shown). */
  fields: Record<string, { from: unknown; to: unknown }>;
}

/** An entry or user the sync could not apply, and why. */
export interface SyncProblem {
  entry: string;
  message: string;
}

export type PlanItem =
  | { kind: 'create'; row: UserRow; mobile: string | null; change: SyncChange }
  | {
      kind: 'update';
      user: UserRow;
      set: Partial<UserRow>;
      /** The new mobile number (sealed when written); undefined: unchanged. */
      mobile?: string | null;
      change: SyncChange;
      /** Sign-in is blocked by this change: end the user's sessions. */
      endsSessions: boolean;
    }
  | { kind: 'delete'; user: UserRow; change: SyncChange };

export interface SyncInput {
  settings: DirectorySettings;
  now: number;
  entries: DirectoryEntry[];
  /** Entries that could not be read: their users are neither updated nor blocked. */
  unreadable: { dn: string; id: string | null }[];
  admins: GroupMembers | null;
  enabled: GroupMembers | null;
  enforced: GroupMembers | null;
  /** Every directory user, and the local users whose UPN an entry has. */
  users: UserRow[];
  /** The mobile number of a user's sealed value (null when none). */
  mobileOf: (u: UserRow) => string | null;
  newId: () => string;
}

export interface SyncPlan {
  items: PlanItem[];
  problems: SyncProblem[];
  unchanged: number;
}

const RANK: Record<MfaState, number> = { Disabled: 0, Enabled: 1, Enforced: 2 };

/** The state the groups give an entry (null: none of them). */
function groupState(input: SyncInput, dn: string): MfaState | null {
  if (input.enforced && isMember(input.enforced, dn)) return 'Enforced';
  if (input.enabled && isMember(input.enabled, dn)) return 'Enabled';
  return null;
}

/**
 * The MFA state to write, if any: the groups raise a state; they lower it only
 * when the state is theirs (unchanged since they gave it) or when configured to.
 */
function stateChange(
  input: SyncInput,
  user: Pick<UserRow, 'mfa_state' | 'directory_state'>,
  dn: string,
): { mfa_state: MfaState; directory_state: MfaState | null } | null {
  if (!input.enabled && !input.enforced) return null;
  const given = groupState(input, dn);
  const current = user.mfa_state;
  const target = given ?? 'Disabled';
  if (RANK[target] > RANK[current]) return { mfa_state: target, directory_state: given };
  const theirs = user.directory_state !== null && user.directory_state === current;
  if (RANK[target] < RANK[current] && (theirs || input.settings.lowerStates))
    return { mfa_state: target, directory_state: given };
  return null;
}

function duplicates(entries: DirectoryEntry[]): Map<string, DirectoryEntry[]> {
  const byUpn = new Map<string, DirectoryEntry[]>();
  for (const e of entries) {
    const key = e.upn.toLowerCase();
    byUpn.set(key, [...(byUpn.get(key) ?? []), e]);
  }
  return new Map([...byUpn].filter(([, list]) => list.length > 1));
}

export function planSync(input: SyncInput): SyncPlan {
  const { settings, now } = input;
  const items: PlanItem[] = [];
  const problems: SyncProblem[] = [];
  let unchanged = 0;
  const byId = new Map<string, UserRow>();
  const byUpn = new Map<string, UserRow>();
  for (const u of input.users) {
    if (u.directory_id) byId.set(u.directory_id, u);
    byUpn.set(u.upn_normalized, u);
  }
  // Users an entry accounts for (found, or unreadable this time): not gone.
  const present = new Set<string>();
  for (const bad of input.unreadable) {
    const u = bad.id ? byId.get(bad.id) : undefined;
    if (u) present.add(u.id);
    for (const x of input.users)
      if (x.directory_dn && normalDn(x.directory_dn) === normalDn(bad.dn)) present.add(x.id);
  }
  const dup = duplicates(input.entries);
  for (const [upn, list] of dup) {
    for (const e of list) {
      const u = byId.get(e.id) ?? byUpn.get(upn);
      if (u) present.add(u.id);
      problems.push({
        entry: e.dn,
        message: `Several entries have the user name ${e.upn}: ${list.map((x) => x.dn).join('; ')}. None of them is synced until one is changed.`,
      });
    }
  }
  const upnsTaken = new Set(input.users.map((u) => u.upn_normalized));

  for (const e of input.entries) {
    const upn = e.upn.toLowerCase();
    if (dup.has(upn)) continue;
    const dn = normalDn(e.dn);
    let user = byId.get(e.id);
    let adopting = false;
    if (!user) {
      const same = byUpn.get(upn);
      if (same?.source === 'directory') user = same;
      else if (same) {
        if (!settings.adoptLocal) {
          present.add(same.id);
          problems.push({
            entry: e.dn,
            message: `${e.upn} is already a local user of Portcullis: the entry is not synced. Rename one of them, delete the local user, or turn on PORTCULLIS_DIRECTORY_ADOPT_LOCAL to make the local user this entry's.`,
          });
          continue;
        }
        user = same;
        adopting = true;
      }
    }
    const isAdmin = input.admins ? (isMember(input.admins, dn) ? 1 : 0) : undefined;

    if (!user) {
      if (e.disabled) continue; // a disabled account Portcullis never knew: nothing to do
      const state = stateChange(input, { mfa_state: 'Disabled', directory_state: null }, dn);
      const id = input.newId();
      const row = newUserRow(
        {
          id,
          upn: e.upn,
          ...(e.displayName ? { display_name: e.displayName } : {}),
          preferred_language: e.language ?? '',
          is_admin: isAdmin ?? 0,
          mfa_state: state?.mfa_state ?? 'Disabled',
          source: 'directory',
          directory_id: e.id,
          directory_dn: e.dn,
          directory_mail: e.mail,
          directory_mobile_sealed: null, // sealed when applied (bound to the row's id)
          directory_state: state?.directory_state ?? null,
        },
        now,
      );

      upnsTaken.add(upn);
      items.push({
        kind: 'create',
        row,
        mobile: e.mobile,
        change: {
          action: 'create',
          upn: e.upn,
          entry: e.dn,
          fields: {
            mfaState: { from: null, to: row.mfa_state },
            ...(row.is_admin ? { isAdmin: { from: null, to: true } } : {}),
          },
        },
      });
      continue;
    }

    present.add(user.id);
    const set: Partial<UserRow> = {};
    const fields: SyncChange['fields'] = {};
    const put = <K extends keyof UserRow>(key: K, to: UserRow[K], label: string, show = true) => {
      if (user![key] === to) return;
      set[key] = to;
      fields[label] = show ? { from: user![key], to } : { from: '…', to: '…' };
    };
    if (adopting) {
      put('source', 'directory', 'source');
      put('password_hash', '', 'password', false);
      put('must_change_password', 0, 'mustChangePassword');
    }
    if (user.upn_normalized !== upn) {
      if (upnsTaken.has(upn)) {
        problems.push({
          entry: e.dn,
          message: `The entry's user name changed to ${e.upn}, which another Portcullis user has: not synced.`,
        });
        continue;
      }
      upnsTaken.add(upn);
      set.upn_normalized = upn;
    }
    put('upn', e.upn, 'userPrincipalName');
    put('directory_id', e.id, 'directoryId');
    put('directory_dn', e.dn, 'dn');
    if (e.displayName) put('display_name', e.displayName, 'displayName');
    if (e.language) put('preferred_language', e.language, 'preferredLanguage');
    put('directory_mail', e.mail, 'mail');
    // The report names a new number, not the number.
    const mobile = input.mobileOf(user) !== e.mobile ? e.mobile : undefined;
    if (mobile !== undefined) fields.mobile = { from: '…', to: '…' };
    if (isAdmin !== undefined) put('admin_direct', isAdmin, 'isAdmin');
    const state = stateChange(input, user, dn);
    if (state) {
      put('mfa_state', state.mfa_state, 'mfaState');
      set.directory_state = state.directory_state;
    }
    let action: SyncAction = adopting ? 'adopt' : 'update';
    let endsSessions = false;
    if (e.disabled) {
      if (user.blocked === 0) {
        put('blocked', 1, 'blockCredential');
        set.blocked_by = 'directory';
        action = 'block';
        endsSessions = true;
      }
      if (user.directory_blocked_at === null) set.directory_blocked_at = now;
    } else {
      if (user.blocked === 1 && user.blocked_by === 'directory') {
        put('blocked', 0, 'blockCredential');
        set.blocked_by = null;
        action = 'unblock';
      }
      if (user.directory_blocked_at !== null) set.directory_blocked_at = null;
    }
    const blockedSince = e.disabled ? (user.directory_blocked_at ?? now) : null;
    if (blockedSince !== null && expired(settings, blockedSince, now)) {
      items.push({ kind: 'delete', user, change: deletion(user, e.dn, blockedSince) });
      continue;
    }
    if (Object.keys(set).length === 0 && mobile === undefined) {
      unchanged++;
      continue;
    }
    set.updated_at = now;
    items.push({
      kind: 'update',
      user,
      set,
      ...(mobile !== undefined ? { mobile } : {}),
      endsSessions,
      change: { action, upn: e.upn, entry: e.dn, fields },
    });
  }

  // Directory users no entry accounts for: gone from the directory, or out of scope.
  for (const user of input.users) {
    if (user.source !== 'directory' || present.has(user.id)) continue;
    const since = user.directory_blocked_at ?? now;
    if (expired(settings, since, now)) {
      items.push({ kind: 'delete', user, change: deletion(user, null, since) });
      continue;
    }
    if (user.blocked === 1 && user.directory_blocked_at !== null) {
      unchanged++;
      continue;
    }
    const set: Partial<UserRow> = { directory_blocked_at: since, updated_at: now };
    const fields: SyncChange['fields'] = {};
    if (user.blocked === 0) {
      set.blocked = 1;
      set.blocked_by = 'directory';
      fields.blockCredential = { from: 0, to: 1 };
    }
    items.push({
      kind: 'update',
      user,
      set,
      endsSessions: user.blocked === 0,
      change: {
        action: user.blocked === 0 ? 'block' : 'update',
        upn: user.upn,
        entry: null,
        fields: { ...fields, reason: { from: null, to: 'not found in the directory' } },
      },
    });
  }
  return { items, problems, unchanged };
}

const expired = (s: DirectorySettings, since: number, now: number) =>
  s.deleteAfterDays !== undefined && now - since >= s.deleteAfterDays * DAY;

const deletion = (user: UserRow, dn: string | null, since: number): SyncChange => ({
  action: 'delete',
  upn: user.upn,
  entry: dn,
  fields: { blockedSince: { from: null, to: new Date(since).toISOString() } },
});
