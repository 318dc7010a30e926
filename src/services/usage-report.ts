// The usage and registration report (issue 21, as Microsoft's "Authentication
// methods activity"): who can do MFA, which methods are registered, who has
// none or relies on texts and calls alone, and sign-ins by method and result
// per day. Counted in the database (one pass each), for users who may sign in
// (not blocked), so the figures agree with each other.
import type { ExpressionBuilder } from 'kysely';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { methodTypes, worksAlone } from '../methods/catalogue.ts';
import { TELEPHONY_METHODS } from './registration-campaign.ts';
import { decodeCursor, encodeCursor } from './users.ts';

/** Methods that are a second factor on their own (recovery codes only back one up). */
const STRONG = methodTypes.filter(worksAlone);
/** What a user who relies on texts and calls may have besides them. */
const BESIDE_PHONE = [...TELEPHONY_METHODS, 'RecoveryCode'];

export const REGISTRATION_FILTERS = [
  'all',
  'capable',
  'notCapable',
  'noMethod',
  'phoneOnly',
] as const;
export type RegistrationFilter = (typeof REGISTRATION_FILTERS)[number];

type Eb = ExpressionBuilder<Database, 'users'>;
const hasMethod = (eb: Eb, types?: readonly string[]) => {
  let q = eb
    .selectFrom('auth_methods')
    .select('auth_methods.id')
    .whereRef('auth_methods.user_id', '=', 'users.id');
  if (types) q = q.where('auth_methods.method_type', 'in', types);
  return eb.exists(q);
};
const hasOtherThan = (eb: Eb, types: readonly string[]) =>
  eb.exists(
    eb
      .selectFrom('auth_methods')
      .select('auth_methods.id')
      .whereRef('auth_methods.user_id', '=', 'users.id')
      .where('auth_methods.method_type', 'not in', types),
  );

/** The condition each filter puts on users. */
const FILTER: Record<RegistrationFilter, (eb: Eb) => ReturnType<Eb['and']>> = {
  all: (eb) => eb.and([]),
  capable: (eb) => eb.and([hasMethod(eb, STRONG)]),
  notCapable: (eb) => eb.and([eb.not(hasMethod(eb, STRONG))]),
  noMethod: (eb) => eb.and([eb.not(hasMethod(eb))]),
  phoneOnly: (eb) =>
    eb.and([hasMethod(eb, TELEPHONY_METHODS), eb.not(hasOtherThan(eb, BESIDE_PHONE))]),
};

/** How many users who may sign in match a filter (e.g. rely on texts and calls alone). */
export async function countRegistered(ctx: AppContext, f: RegistrationFilter): Promise<number> {
  const row = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('blocked', '=', 0)
    .where((eb) => FILTER[f](eb))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface RegistrationSummary {
  /** Users who may sign in (not blocked). */
  users: number;
  /** Of them, with a method that is a second factor on its own. */
  mfaCapable: number;
  /** With no method at all. */
  withoutMethod: number;
  /** With texts or calls, and nothing stronger (recovery codes aside). */
  phoneOnly: number;
  /** How many users have each method type registered. */
  methods: { methodType: string; users: number }[];
  /** How many users are in each MFA state. */
  mfaStates: { Disabled: number; Enabled: number; Enforced: number };
}

export async function registrationSummary(ctx: AppContext): Promise<RegistrationSummary> {
  const count = (f: RegistrationFilter) => countRegistered(ctx, f);
  const [all, capable, none, phone, byType, byState] = await Promise.all([
    count('all'),
    count('capable'),
    count('noMethod'),
    count('phoneOnly'),
    ctx.db
      .selectFrom('auth_methods')
      .innerJoin('users', 'users.id', 'auth_methods.user_id')
      .where('users.blocked', '=', 0)
      .select((eb) => [
        'auth_methods.method_type as type',
        eb.fn.count<number>('auth_methods.user_id').distinct().as('n'),
      ])
      .groupBy('auth_methods.method_type')
      .execute(),
    ctx.db
      .selectFrom('users')
      .where('blocked', '=', 0)
      .select((eb) => ['mfa_state', eb.fn.countAll<number>().as('n')])
      .groupBy('mfa_state')
      .execute(),
  ]);
  const of = new Map(byType.map((r) => [r.type, Number(r.n)]));
  const states = new Map(byState.map((r) => [r.mfa_state, Number(r.n)]));
  return {
    users: all,
    mfaCapable: capable,
    withoutMethod: none,
    phoneOnly: phone,
    methods: methodTypes.map((t) => ({ methodType: t, users: of.get(t) ?? 0 })),
    mfaStates: {
      Disabled: states.get('Disabled') ?? 0,
      Enabled: states.get('Enabled') ?? 0,
      Enforced: states.get('Enforced') ?? 0,
    },
  };
}

/** The figures as rows (for CSV): users, mfaCapable, …, mfaState:Enabled, method:OneWaySMS. */
export function summaryRows(s: RegistrationSummary): { measure: string; users: number }[] {
  return [
    { measure: 'users', users: s.users },
    { measure: 'mfaCapable', users: s.mfaCapable },
    { measure: 'withoutMethod', users: s.withoutMethod },
    { measure: 'phoneOnly', users: s.phoneOnly },
    ...Object.entries(s.mfaStates).map(([state, users]) => ({
      measure: `mfaState:${state}`,
      users,
    })),
    ...s.methods.map((m) => ({ measure: `method:${m.methodType}`, users: m.users })),
  ];
}

export const summaryCsvColumns: {
  header: string;
  value: (v: { measure: string; users: number }) => unknown;
}[] = [
  { header: 'Measure', value: (v) => v.measure },
  { header: 'Users', value: (v) => v.users },
];

/** One user's registration, as Graph's userRegistrationDetails says it. */
export interface UserRegistration {
  userPrincipalName: string;
  displayName: string;
  mfaState: string;
  isMfaCapable: boolean;
  /** Texts or calls, and nothing stronger. */
  isPhoneOnly: boolean;
  methodsRegistered: string[];
  defaultMethod: string | null;
  lastSignInAt: string | null;
}

export interface RegistrationPage {
  items: UserRegistration[];
  nextCursor: string | null;
}

export function parseRegistrationFilter(raw: string | undefined): RegistrationFilter {
  if (raw === undefined || raw === '') return 'all';
  const f = REGISTRATION_FILTERS.find((x) => x === raw);
  if (!f)
    throw new AppError('invalid_request', {
      detail: `The filter is one of ${REGISTRATION_FILTERS.join(', ')}.`,
    });
  return f;
}

/** Users who may sign in, by user name, a page at a time, with what they registered. */
export async function registrationDetails(
  ctx: AppContext,
  q: { filter?: RegistrationFilter; cursor?: string | undefined; limit?: number | undefined },
): Promise<RegistrationPage> {
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
  let query = ctx.db
    .selectFrom('users')
    .select(['id', 'upn', 'upn_normalized', 'display_name', 'mfa_state', 'last_signin_at'])
    .where('blocked', '=', 0)
    .where((eb) => FILTER[q.filter ?? 'all'](eb))
    .orderBy('upn_normalized')
    .limit(limit + 1);
  if (q.cursor) query = query.where('upn_normalized', '>', decodeCursor(q.cursor));
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const methods = await ctx.stores.methods.listForUsers(page.map((u) => u.id));
  const items = page.map((u): UserRegistration => {
    const mine = methods.filter((m) => m.user_id === u.id);
    const types = [...new Set(mine.map((m) => m.method_type))].sort();
    return {
      userPrincipalName: u.upn,
      displayName: u.display_name,
      mfaState: u.mfa_state,
      isMfaCapable: types.some(worksAlone),
      isPhoneOnly:
        types.some((t) => TELEPHONY_METHODS.includes(t)) &&
        types.every((t) => BESIDE_PHONE.includes(t)),
      methodsRegistered: types,
      defaultMethod: mine.find((m) => m.is_default === 1)?.method_type ?? null,
      lastSignInAt: u.last_signin_at === null ? null : new Date(u.last_signin_at).toISOString(),
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last.upn_normalized) : null,
  };
}

export const registrationCsvColumns: { header: string; value: (v: UserRegistration) => unknown }[] =
  [
    { header: 'User', value: (v) => v.userPrincipalName },
    { header: 'Display name', value: (v) => v.displayName },
    { header: 'MFA state', value: (v) => v.mfaState },
    { header: 'MFA capable', value: (v) => (v.isMfaCapable ? 'True' : 'False') },
    { header: 'Texts and calls only', value: (v) => (v.isPhoneOnly ? 'True' : 'False') },
    { header: 'Methods registered', value: (v) => v.methodsRegistered.join(' ') },
    { header: 'Default method', value: (v) => v.defaultMethod },
    { header: 'Last sign-in', value: (v) => v.lastSignInAt },
  ];

const DAY = 86_400_000;
/** The longest period the activity report covers. */
export const ACTIVITY_MAX_DAYS = 90;

/** Sign-ins of one UTC day, by method and result. */
export interface ActivityRow {
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** The method that completed or failed the sign-in; "" when none (a password alone, or refused before). */
  method: string;
  result: 'success' | 'failure' | 'interrupted';
  count: number;
}

export interface SigninActivity {
  /** The days covered, oldest first (today, so far, is the last). */
  dates: string[];
  rows: ActivityRow[];
}

const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Sign-ins over the last `days` UTC days (today included), grouped in the database. */
export async function signinActivity(ctx: AppContext, days = 30): Promise<SigninActivity> {
  if (!Number.isInteger(days) || days < 1 || days > ACTIVITY_MAX_DAYS)
    throw new AppError('invalid_request', {
      detail: `The report covers 1 to ${ACTIVITY_MAX_DAYS} days.`,
    });
  const today = Math.floor(ctx.clock.now() / DAY);
  const first = today - days + 1;
  // A literal, so PostgreSQL sees the same expression in the select and the group by.
  const day = sql<number>`(at / ${sql.lit(DAY)})`;
  const rows = await ctx.db
    .selectFrom('signin_log')
    .select((eb) => [
      day.as('day'),
      eb.fn.coalesce('method', sql<string>`''`).as('method'),
      'result',
      eb.fn.countAll<number>().as('n'),
    ])
    .where('at', '>=', first * DAY)
    .groupBy([day, 'method', 'result'])
    .execute();
  return {
    dates: Array.from({ length: days }, (_, i) => dateOf(first + i)),
    rows: rows
      .map((r) => ({
        date: dateOf(Number(r.day)),
        method: r.method,
        result: r.result,
        count: Number(r.n),
      }))
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          a.method.localeCompare(b.method) ||
          a.result.localeCompare(b.result),
      ),
  };
}

export const activityCsvColumns: { header: string; value: (v: ActivityRow) => unknown }[] = [
  { header: 'Date', value: (v) => v.date },
  { header: 'Method', value: (v) => v.method },
  { header: 'Result', value: (v) => v.result },
  { header: 'Sign-ins', value: (v) => v.count },
];
