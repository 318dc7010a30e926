import { SqliteAdapter, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import type { AppPasswordsTable, MfaState, RiskLevel, UsersTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { isUpn } from '../services/validation.ts';
import { isUniqueViolation } from './errors.ts';

export type UserRow = UsersTable;

/**
 * A new user's row: local, no password (an invitation or the directory gives
 * one), no administrator role, MFA Disabled — unless `fields` says otherwise.
 * The one place a user row is made (services, the directory sync, benchmarks).
 */
export function newUserRow(
  fields: Pick<UserRow, 'id' | 'upn'> & Partial<Omit<UserRow, 'upn_normalized'>>,
  now: number,
): UserRow {
  return {
    display_name: fields.upn.split('@')[0]!,
    preferred_language: '',
    browser_language: null,
    is_admin: 0,
    mfa_state: 'Disabled',
    password_hash: '',
    blocked: 0,
    created_at: now,
    updated_at: now,
    last_signin_at: null,
    fraud_reported_at: null,
    risk_level: 'none',
    risk_state: 'none',
    risk_detail: null,
    risk_at: null,
    must_change_password: 0,
    remembered_devices_not_before: null,
    proofup_postponed_at: null,
    source: 'local',
    directory_id: null,
    directory_dn: null,
    directory_mail: null,
    directory_mobile_sealed: null,
    directory_state: null,
    blocked_by: null,
    directory_blocked_at: null,
    external_id: null,
    profile: '{}',
    ...fields,
    // The role given to the user themselves; groups may add it (services/admin-role.ts).
    admin_direct: fields.admin_direct ?? fields.is_admin ?? 0,
    upn_normalized: fields.upn.toLowerCase(),
  };
}

export interface UserListQuery {
  mfaState?: MfaState;
  riskLevel?: RiskLevel;
  /** Part of the UPN or display name, any case. */
  search?: string;
  /** Exclusive lower bound on upn_normalized (the cursor). */
  after?: string;
  limit: number;
}

/** Above this many trigram hits, walking the users in order finds a page sooner. */
const SEARCH_INDEX_MAX = 2000;

/** What a legacy-front check needs to know of a user (src/flows/legacy.ts). */
export type LegacyUser = Pick<
  UserRow,
  | 'id'
  | 'upn'
  | 'display_name'
  | 'preferred_language'
  | 'mfa_state'
  | 'blocked'
  | 'must_change_password'
  | 'password_hash'
  | 'source'
  | 'directory_id'
>;
/** What it needs of each of their app passwords. */
export type LegacyAppPassword = Pick<
  AppPasswordsTable,
  'id' | 'name' | 'secret_hash' | 'scopes' | 'expires_at' | 'last_used_at' | 'last_used_ip'
>;

const userWithAppPasswords = prepared((db, slot) =>
  db
    .selectFrom('users')
    .leftJoin('app_passwords', 'app_passwords.user_id', 'users.id')
    .select([
      'users.id',
      'users.upn',
      'users.display_name',
      'users.preferred_language',
      'users.mfa_state',
      'users.blocked',
      'users.must_change_password',
      'users.password_hash',
      'users.source',
      'users.directory_id',
      'app_passwords.id as ap_id',
      'app_passwords.name as ap_name',
      'app_passwords.secret_hash as ap_hash',
      'app_passwords.scopes as ap_scopes',
      'app_passwords.expires_at as ap_expires',
      'app_passwords.last_used_at as ap_used',
      'app_passwords.last_used_ip as ap_ip',
    ])
    .where('users.upn_normalized', '=', slot(0)),
);

export const usersStore = (db: Db) => {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return {
    async insert(user: UserRow): Promise<void> {
      try {
        await db.insertInto('users').values(user).execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('upn_taken');
        throw e;
      }
    },

    /** A user by UPN, case-insensitively; a string that cannot be a UPN finds no one. */
    findByUpn: async (upn: string): Promise<UserRow | undefined> =>
      isUpn(upn)
        ? db
            .selectFrom('users')
            .selectAll()
            .where('upn_normalized', '=', upn.toLowerCase())
            .executeTakeFirst()
        : undefined,

    /**
     * A user by UPN with their app passwords, in one statement compiled once:
     * what every legacy-front check reads (src/flows/legacy.ts).
     */
    async findWithAppPasswords(
      upn: string,
    ): Promise<{ user: LegacyUser; appPasswords: LegacyAppPassword[] } | undefined> {
      if (!isUpn(upn)) return undefined;
      const { rows } = await userWithAppPasswords(db, 0, [upn.toLowerCase()]);
      const first = rows[0];
      if (!first) return undefined;
      const { ap_id, ap_name, ap_hash, ap_scopes, ap_expires, ap_used, ap_ip, ...user } = first;
      const appPasswords = rows.flatMap((r) =>
        r.ap_id === null
          ? []
          : [
              {
                id: r.ap_id,
                name: r.ap_name!,
                secret_hash: r.ap_hash!,
                scopes: r.ap_scopes!,
                expires_at: r.ap_expires,
                last_used_at: r.ap_used,
                last_used_ip: r.ap_ip,
              },
            ],
      );
      return { user, appPasswords };
    },

    findById: (id: string) =>
      db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    async list({ mfaState, riskLevel, search, after, limit }: UserListQuery): Promise<UserRow[]> {
      let q = db.selectFrom('users').selectAll().orderBy('upn_normalized').limit(limit);
      if (mfaState) q = q.where('mfa_state', '=', mfaState);
      if (riskLevel) q = q.where('risk_level', '=', riskLevel);
      if (after) q = q.where('upn_normalized', '>', after);
      if (!search) return q.execute();
      const term = search.toLowerCase();
      // SQLite: the trigram index names the few users a rare term matches; a
      // common term (or one under 3 characters) is quicker found by walking the
      // users in order, which stops at the first page's worth of matches.
      if (isSqlite && term.length >= 3) {
        const hits = await sql<{
          rowid: number;
        }>`select rowid from users_search where users_search match ${`"${term.replace(/"/g, '""')}"`} limit ${SEARCH_INDEX_MAX + 1}`.execute(
          db,
        );
        if (hits.rows.length <= SEARCH_INDEX_MAX) {
          if (hits.rows.length === 0) return [];
          return q
            .where(
              sql.ref('rowid'),
              'in',
              hits.rows.map((r) => r.rowid),
            )
            .execute();
        }
      }
      // PostgreSQL's planner uses the pg_trgm indexes for these LIKEs by itself.
      const pattern = `%${term.replace(/[\\%_]/g, '\\$&')}%`;
      return q
        .where((eb) =>
          eb.or([
            sql<boolean>`${eb.ref('upn_normalized')} like ${pattern} escape '\\'`,
            // Accents ignored ("Dvorak" finds "Dvořák"): portcullis_fold is
            // lower(unaccent()) on PostgreSQL, a JavaScript function on SQLite.
            sql<boolean>`portcullis_fold(${eb.ref('display_name')}) like portcullis_fold(${pattern}) escape '\\'`,
          ]),
        )
        .execute();
    },

    /** Moves a user from one state to another only if still in the first (proof-up: Enabled → Enforced). */
    /** Moves the user from one state to another; false when they were not in `from`. */
    async transitionMfaState(
      id: string,
      from: MfaState,
      to: MfaState,
      at: number,
    ): Promise<boolean> {
      const r = await db
        .updateTable('users')
        .set({ mfa_state: to, updated_at: at })
        .where('id', '=', id)
        .where('mfa_state', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async countAdmins(): Promise<number> {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('is_admin', '=', 1)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async markSignedIn(id: string, at: number): Promise<void> {
      await db.updateTable('users').set({ last_signin_at: at }).where('id', '=', id).execute();
    },

    async setBrowserLanguage(id: string, language: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ browser_language: language })
        .where('id', '=', id)
        .execute();
    },
  };
};

export type UsersStore = ReturnType<typeof usersStore>;
