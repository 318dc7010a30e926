import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { methodTypes } from '../methods/catalogue.ts';
import { parseCidr } from '../net/cidr.ts';
import { type NamedLocation, namedLocationText, parseNamedLocation } from '../net/places.ts';
import {
  methodTypesFor,
  StoredMethodsPolicySchema,
  withAllowedMethods,
} from '../policy/methods-policy.ts';
import { settingsStore } from '../storage/settings.ts';
import { type Actor, audit, changesBetween } from './audit.ts';
import { isHelpUrl, LOGO_MAX_DATA_URL, parseLogo, printableText } from './branding.ts';
import type { CacheView } from './cache.ts';

export const HIGH_RISK_ACTIONS = ['block', 'changePassword', 'reregister', 'none'] as const;
export type HighRiskAction = (typeof HIGH_RISK_ACTIONS)[number];

/**
 * Organisation-wide service settings, as in the original's "service settings"
 * page. Stored as one JSON document; code lifetimes and send limits default to
 * the configuration (so an environment that set them keeps its values).
 */
export interface ServiceSettings {
  /** MethodTypes users may register and use ("verification options"). */
  allowedMethods: string[];
  /** "Allow users to create app passwords": when off, none can be created and none is accepted. */
  appPasswordsAllowed: boolean;
  /** "Remember multi-factor authentication on trusted devices". */
  rememberDevicesEnabled: boolean;
  /** For how many days a remembered device skips MFA (1–365). */
  rememberDevicesDays: number;
  /** Requests from these ranges (CIDR, IPv4 and IPv6) skip the second factor in the browser. */
  trustedIps: string[];
  /**
   * Named locations: "10.1.0.0/16 Prague office", a range then its name. The
   * Portcullis Authenticator shows a request's place as the most specific one
   * holding the client address.
   */
  namedLocations: string[];
  /** Enabled users may postpone registering a method for this many days (0: they may not). */
  proofupGraceDays: number;
  /** A user's own password change also deletes their app passwords (off: as the original). */
  passwordChangeRevokesAppPasswords: boolean;
  /**
   * People may sign in with a passkey alone (no password): the passkey's user
   * verification (PIN or biometric) makes it two factors.
   */
  passwordlessSignin: boolean;
  /**
   * System-preferred MFA: sign-in asks first for the strongest method the user
   * has (passkey, app notification, app code, text or call), not their
   * default; they can still choose another. On for new installations; an
   * installation that had users before it came keeps its users' defaults.
   */
  systemPreferredMfa: boolean;
  /**
   * The admin portal asks its administrators for a phishing-resistant sign-in
   * (a passkey), stepping a weaker session up. API tokens and the command line
   * on the server are not sessions, and are not affected.
   */
  adminPhishingResistant: boolean;
  /** MFA fatigue: after this many denied or unanswered app notifications in the window, they pause. */
  pushFatigueLimit: number;
  pushFatigueMinutes: number;
  /** Report suspicious activity (fraud alert): users may report a call, text or notification they did not ask for. */
  fraudAlertEnabled: boolean;
  /**
   * What a user's high risk (after their report) does: `block` sign-in until
   * an administrator dismisses the risk; `changePassword` after MFA at the
   * next sign-in (a directory user is blocked instead); `reregister` their
   * methods (removed); `none` (only recorded).
   */
  highRiskAction: HighRiskAction;
  /** The older switch, kept for scripts: on is `highRiskAction` block, off is none. */
  blockOnFraud: boolean;
  /** How long a code sent by text stays valid (minutes, 1–10). */
  phoneCodeMinutes: number;
  /** How long a verification call waits for # (seconds, 10–300). */
  callTimeoutSeconds: number;
  /** Texts and calls per user, per number, per client address in 15 minutes. */
  sendLimitPerUser: number;
  sendLimitPerNumber: number;
  sendLimitPerAddress: number;
  /** Email the user when a verification method is added to or removed from their account. */
  mailOnMethodChange: boolean;
  /** Email the user when an app password is created for them. */
  mailOnAppPassword: boolean;
  /** Email the user when their password changes. */
  mailOnPasswordChange: boolean;
  /**
   * Branding: the organisation's name on every page, in texts, calls, email
   * and authenticator apps (the otpauth issuer); '' shows "Portcullis".
   */
  organizationName: string;
  /** Help for people who are stuck (a lost phone), shown on sign-in and proof-up pages. */
  helpText: string;
  /** Where to get help: an https:, http:, mailto: or tel: link. */
  helpUrl: string;
  /** The organisation's logo: a data: URL of a PNG, JPEG, GIF or WebP image (at most 256 KiB); '' for none. */
  logo: string;
}

const methodIds = () => [...methodTypes];

/** What an admin may change, validated the same way for the portal, the API and the CLI. */
export const SettingsPatchSchema = z
  .object({
    allowedMethods: z
      .array(z.string())
      .min(1, 'Allow at least one verification method.')
      .refine((list) => list.every((m) => methodIds().includes(m)), {
        message: `Unknown method name: use ${methodTypes.join(', ')}.`,
      }),
    appPasswordsAllowed: z.boolean(),
    rememberDevicesEnabled: z.boolean(),
    rememberDevicesDays: z
      .number()
      .int()
      .min(1, 'Remember devices for 1 to 365 days.')
      .max(365, 'Remember devices for 1 to 365 days.'),
    trustedIps: z
      .array(z.string().max(50))
      .max(500)
      .superRefine((list, c) => {
        for (const r of list)
          if (!parseCidr(r))
            c.addIssue({
              code: 'custom',
              message: `"${r.slice(0, 50)}" is not an IP range: write it as 10.0.0.0/8 or 2001:db8::/32.`,
            });
      }),
    namedLocations: z
      .array(z.string().max(200, 'A named location is at most 200 characters.'))
      .max(500, 'At most 500 named locations.')
      .superRefine((list, c) => {
        const seen = new Set<string>();
        for (const entry of list) {
          const l = parseNamedLocation(entry);
          if ('problem' in l) c.addIssue({ code: 'custom', message: l.problem });
          else if (seen.has(l.range))
            c.addIssue({ code: 'custom', message: `${l.range} is named twice: keep one name.` });
          else seen.add(l.range);
        }
      }),
    proofupGraceDays: z
      .number()
      .int()
      .min(0, 'Allow postponing registration for 0 to 90 days.')
      .max(90, 'Allow postponing registration for 0 to 90 days.'),
    passwordChangeRevokesAppPasswords: z.boolean(),
    passwordlessSignin: z.boolean(),
    systemPreferredMfa: z.boolean(),
    adminPhishingResistant: z.boolean(),
    pushFatigueLimit: z
      .number()
      .int()
      .min(1, 'Pause notifications after 1 to 20 unwanted ones.')
      .max(20, 'Pause notifications after 1 to 20 unwanted ones.'),
    pushFatigueMinutes: z
      .number()
      .int()
      .min(1, 'Count unwanted notifications over 1 to 1440 minutes.')
      .max(1440, 'Count unwanted notifications over 1 to 1440 minutes.'),
    fraudAlertEnabled: z.boolean(),
    highRiskAction: z.enum(HIGH_RISK_ACTIONS, {
      message: 'What high risk does is block, changePassword, reregister or none.',
    }),
    blockOnFraud: z.boolean(),
    phoneCodeMinutes: z.number().int().min(1).max(10),
    callTimeoutSeconds: z.number().int().min(10).max(300),
    sendLimitPerUser: z.number().int().min(1).max(100),
    sendLimitPerNumber: z.number().int().min(1).max(100),
    sendLimitPerAddress: z.number().int().min(1).max(1000),
    mailOnMethodChange: z.boolean(),
    mailOnAppPassword: z.boolean(),
    mailOnPasswordChange: z.boolean(),
    organizationName: z
      .string()
      .trim()
      .max(100, 'An organisation name is at most 100 characters.')
      .refine(printableText, 'The organisation name cannot contain control characters.'),
    helpText: z
      .string()
      .trim()
      .max(1000, 'Help text is at most 1000 characters.')
      .refine(
        (s) => printableText(s.replace(/\r?\n/g, ' ')),
        'Help text cannot contain control characters.',
      ),
    helpUrl: z
      .string()
      .trim()
      .max(500, 'A help link is at most 500 characters.')
      .refine(
        (s) => s === '' || isHelpUrl(s),
        'A help link starts with https://, http://, mailto: or tel:.',
      ),
    logo: z
      .string()
      .max(LOGO_MAX_DATA_URL, 'A logo is at most 256 KiB.')
      .refine(
        (s) => s === '' || parseLogo(s) !== null,
        'A logo is a PNG, JPEG, GIF or WebP image.',
      ),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

const defaults = (ctx: AppContext): ServiceSettings => ({
  allowedMethods: methodIds(),
  appPasswordsAllowed: true,
  rememberDevicesEnabled: false,
  rememberDevicesDays: 14,
  trustedIps: [],
  namedLocations: [],
  proofupGraceDays: 0,
  passwordChangeRevokesAppPasswords: false,
  passwordlessSignin: false,
  systemPreferredMfa: true,
  adminPhishingResistant: false,
  pushFatigueLimit: 3,
  pushFatigueMinutes: 15,
  fraudAlertEnabled: true,
  highRiskAction: 'block',
  blockOnFraud: true,
  phoneCodeMinutes: ctx.config.phoneCodeMinutes,
  callTimeoutSeconds: ctx.config.callTimeoutSeconds,
  sendLimitPerUser: ctx.config.sendLimitPerUser,
  sendLimitPerNumber: ctx.config.sendLimitPerNumber,
  sendLimitPerAddress: ctx.config.sendLimitPerAddress,
  mailOnMethodChange: true,
  mailOnAppPassword: true,
  mailOnPasswordChange: true,
  organizationName: '',
  helpText: '',
  helpUrl: '',
  logo: '',
});

/**
 * Makes changes to the settings and the methods policy one at a time, in the
 * changing transaction: on PostgreSQL a transaction-scoped advisory lock
 * (the rows to lock may not exist yet: the first change of each); SQLite
 * writes one transaction at a time anyway.
 */
export async function lockSettings(ctx: AppContext, trx: Db): Promise<void> {
  if (ctx.dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext('portcullis.settings'))`.execute(trx);
}

/**
 * The settings with `blockOnFraud` and `highRiskAction` agreeing: a document
 * stored before the action (or by an older node) has only the switch, and
 * off meant no action; a change may name either (the action wins).
 */
function withRiskAlias(
  settings: ServiceSettings,
  given: Partial<ServiceSettings> | undefined,
): ServiceSettings {
  const action =
    given?.highRiskAction ??
    (given?.blockOnFraud === undefined
      ? settings.highRiskAction
      : given.blockOnFraud
        ? 'block'
        : 'none');
  return { ...settings, highRiskAction: action, blockOnFraud: action === 'block' };
}

/** Where the authentication methods policy is kept (src/services/methods-policy.ts). */
export const METHODS_POLICY_KEY = 'methodsPolicy';

/**
 * The settings from what is stored. Once an authentication methods policy is
 * saved, `allowedMethods` is what it enables for someone (the old list, kept
 * for scripts: setting it enables and disables the policy's methods).
 */
async function storedSettings(ctx: AppContext, db: Db): Promise<ServiceSettings> {
  const store = settingsStore(db);
  const [stored, policy] = await Promise.all([
    store.get('service') as Promise<Partial<ServiceSettings> | undefined>,
    store.get(METHODS_POLICY_KEY),
  ]);
  const settings = withRiskAlias({ ...defaults(ctx), ...stored }, stored);
  if (policy === undefined) return settings;
  const allowed = methodTypesFor(StoredMethodsPolicySchema.parse(policy), 'anyone', 'register');
  return { ...settings, allowedMethods: allowed };
}

/** The settings, as they stand when `cache` read its epoch (ctx.dataCache: at once everywhere). */
export function getServiceSettings(
  ctx: AppContext,
  cache: CacheView = ctx.dataCache,
): Promise<ServiceSettings> {
  return cache.get('settings', () => storedSettings(ctx, ctx.db));
}

/** The settings as a transaction sees them (uncached: a read on ctx.db would wait for the transaction on SQLite). */
export const serviceSettingsIn = (ctx: AppContext, trx: Db): Promise<ServiceSettings> =>
  storedSettings(ctx, trx);

/** Validates and applies a change (all or nothing); audited with what changed. */
export async function updateServiceSettings(
  ctx: AppContext,
  patch: unknown,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ServiceSettings> {
  const parsed = SettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_request', {
      detail: `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid settings'}`,
    });
  }
  const change = { ...parsed.data };
  if (change.trustedIps)
    change.trustedIps = [...new Set(change.trustedIps.map((r) => parseCidr(r)!))];
  if (change.namedLocations)
    change.namedLocations = change.namedLocations.map((e) =>
      namedLocationText(parseNamedLocation(e) as NamedLocation),
    );
  if (change.allowedMethods) change.allowedMethods = [...new Set(change.allowedMethods)];
  // Whoever gives the days alone (`settings set rememberDevicesDays 30`) means
  // devices to be remembered: the days turn the switch on, and the audit entry
  // says so. A change naming both (the portal's form) keeps the switch as given.
  if (change.rememberDevicesDays !== undefined && change.rememberDevicesEnabled === undefined)
    change.rememberDevicesEnabled = true;
  ctx.dataCache.forget('settings');
  const next = await ctx.db.transaction().execute(async (trx) => {
    // Read inside the transaction (locked on PostgreSQL): two admins changing
    // different settings at once both keep their change.
    await lockSettings(ctx, trx);
    const rows = await trx
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', 'in', ['service', METHODS_POLICY_KEY])
      .execute();
    const value = (key: string) => {
      const row = rows.find((r) => r.key === key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    };
    const given = value('service') as Partial<ServiceSettings> | undefined;
    const stored = withRiskAlias({ ...defaults(ctx), ...given }, given);
    const storedPolicy = value(METHODS_POLICY_KEY);
    const policy =
      storedPolicy === undefined ? null : StoredMethodsPolicySchema.parse(storedPolicy);
    const before: ServiceSettings = policy
      ? { ...stored, allowedMethods: methodTypesFor(policy, 'anyone', 'register') }
      : stored;
    const after = withRiskAlias({ ...before, ...change }, change);
    const now = ctx.clock.now();
    await settingsStore(trx).set('service', after, now);
    // A saved policy holds the methods: the list enables and disables them there.
    if (policy && change.allowedMethods)
      await settingsStore(trx).set(
        METHODS_POLICY_KEY,
        withAllowedMethods(policy, change.allowedMethods),
        now,
      );
    const keys = new Set(Object.keys(change) as (keyof ServiceSettings)[]);
    // Either name of the high-risk action changes both.
    if (keys.has('blockOnFraud') || keys.has('highRiskAction'))
      for (const k of ['highRiskAction', 'blockOnFraud'] as const) keys.add(k);
    const detail = changesBetween(before, after, [...keys]);
    if (detail) await audit(ctx, trx, actor, { action: 'settings_changed', detail });
    return after;
  });
  ctx.dataCache.forget('settings');
  ctx.dataCache.forget('methods-policy');
  return next;
}
