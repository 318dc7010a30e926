// The authentication methods policy (issue 21), as Microsoft Entra has had it
// since per-user MFA's methods list was retired: each method enabled for all
// users or for chosen groups (members of an excluded group never), with a
// few options of its own. It replaces the organisation-wide list of allowed
// methods (`allowedMethods` in the service settings); `fromAllowedMethods`
// turns that list into the policy that allows exactly the same, so nothing
// changes for an organisation when it moves over. Pure: no queries — the
// caller gives the user's groups.
import { z } from 'zod';
import { type MethodType, methodTypes } from '../methods/catalogue.ts';

/** The phones a voice call may ring (the original's three kinds of call). */
export const VOICE_PHONES = {
  mobile: 'TwoWayVoiceMobile',
  alternateMobile: 'TwoWayVoiceAlternateMobile',
  office: 'TwoWayVoiceOffice',
} as const satisfies Record<string, MethodType>;
export type VoicePhone = keyof typeof VOICE_PHONES;

/** The methods of the policy, and the MethodTypes each covers. */
export const POLICY_METHODS = {
  authenticator: ['PhoneAppNotification'],
  totp: ['PhoneAppOTP'],
  sms: ['OneWaySMS'],
  voice: Object.values(VOICE_PHONES),
  passkey: ['Passkey'],
  recoveryCodes: ['RecoveryCode'],
  // Not a registered method: a pass an administrator issues (no MethodType).
  temporaryAccessPass: [],
  // Not a method: who is asked, after signing in with a text or a call, to set
  // up a stronger one (Entra's registration campaign, in its methods policy too).
  registrationCampaign: [],
} as const satisfies Record<string, readonly MethodType[]>;
export type PolicyMethod = keyof typeof POLICY_METHODS;
export const policyMethods = Object.keys(POLICY_METHODS) as PolicyMethod[];

/** A group, by id or by name (kept as its id). */
const GROUP_ID = z.string().trim().min(1).max(256);
/** Who a method is for: everyone, or members of the included groups, never of the excluded. */
const targets = {
  enabled: z.boolean(),
  include: z.union([z.literal('all'), z.array(GROUP_ID).max(100, 'Include at most 100 groups.')]),
  exclude: z.array(GROUP_ID).max(100, 'Exclude at most 100 groups.'),
};
/** A Temporary Access Pass lives 10 minutes to 30 days, and has 8 to 48 characters. */
export const TAP_LIFETIME = { min: 10, max: 30 * 24 * 60 };
export const TAP_LENGTH = { min: 8, max: 48 };
const LIFETIME = z
  .number()
  .int()
  .min(TAP_LIFETIME.min, 'A pass lives 10 minutes to 30 days (43200 minutes).')
  .max(TAP_LIFETIME.max, 'A pass lives 10 minutes to 30 days (43200 minutes).');
/** What a registration campaign asks users to set up, and the MethodType each is. */
export const CAMPAIGN_METHODS = {
  authenticator: 'PhoneAppNotification',
  passkey: 'Passkey',
} as const satisfies Record<string, MethodType>;
type CampaignMethod = keyof typeof CAMPAIGN_METHODS;
export const CAMPAIGN_SNOOZE = { days: 14, limit: 10 };
const DEFAULT_CAMPAIGN = {
  enabled: false,
  include: 'all' as const,
  exclude: [] as string[],
  snoozeDays: 1,
  snoozeLimit: 0,
  methods: ['authenticator', 'passkey'] as CampaignMethod[],
};
const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The policy's schema: strict for what an administrator sends (an unknown
 * method or option is a mistake to point out); for what is stored, unknown
 * keys are dropped, so a node reading a policy saved by a newer one (with a
 * method or option it does not know yet) keeps working during an upgrade.
 */
function policySchema(strict: boolean) {
  const shut = <S extends z.ZodRawShape>(shape: S) =>
    strict ? z.object(shape).strict() : z.object(shape);
  return shut({
    authenticator: shut(targets),
    totp: shut(targets),
    sms: shut({
      ...targets,
      /** Texts are offered at sign-in; off: the number is kept for recovery only. */
      useForSignIn: z.boolean(),
    }),
    voice: shut({
      ...targets,
      phones: z
        .array(z.enum(Object.keys(VOICE_PHONES) as [VoicePhone, ...VoicePhone[]]))
        .min(1, 'Allow calls to at least one kind of phone, or turn calls off.'),
    }),
    passkey: shut({
      ...targets,
      /** Only passkeys whose make and model the authenticator attests to. */
      attestationRequired: z.boolean(),
      /** Only these makes and models (AAGUIDs, lower case); empty: any. */
      allowedAaguids: z
        .array(
          z
            .string()
            .transform((s) => s.trim().toLowerCase())
            .refine((s) => AAGUID.test(s), 'An AAGUID is written 8-4-4-4-12 hexadecimal digits.'),
        )
        .max(200, 'Allow at most 200 authenticator models.'),
    }),
    recoveryCodes: shut(targets),
    temporaryAccessPass: shut({
      ...targets,
      // Defaults for what an administrator does not say when issuing a pass
      // (a policy saved before these options had none).
      defaultLifetimeMinutes: LIFETIME.default(60),
      /** The longest lifetime a pass may be given. */
      maxLifetimeMinutes: LIFETIME.default(480),
      defaultLength: z
        .number()
        .int()
        .min(TAP_LENGTH.min, `A pass has ${TAP_LENGTH.min} to ${TAP_LENGTH.max} characters.`)
        .max(TAP_LENGTH.max, `A pass has ${TAP_LENGTH.min} to ${TAP_LENGTH.max} characters.`)
        .default(8),
      /** Every pass is good for one sign-in only. */
      oneTimeOnly: z.boolean().default(false),
    }).refine((p) => p.defaultLifetimeMinutes <= p.maxLifetimeMinutes, {
      message: 'The default lifetime is longer than the longest allowed.',
      path: ['defaultLifetimeMinutes'],
    }),
    registrationCampaign: shut({
      ...targets,
      /** Days "Not now" puts the question off (0: asked at every such sign-in). */
      snoozeDays: z
        .number()
        .int()
        .min(0, `Snooze for 0 to ${CAMPAIGN_SNOOZE.days} days.`)
        .max(CAMPAIGN_SNOOZE.days, `Snooze for 0 to ${CAMPAIGN_SNOOZE.days} days.`),
      /** How many times a user may say "Not now" before setting one up; 0: no limit. */
      snoozeLimit: z
        .number()
        .int()
        .min(0, `Allow 1 to ${CAMPAIGN_SNOOZE.limit} snoozes, or 0 for no limit.`)
        .max(
          CAMPAIGN_SNOOZE.limit,
          `Allow 1 to ${CAMPAIGN_SNOOZE.limit} snoozes, or 0 for no limit.`,
        ),
      /** What users are asked to set up. */
      methods: z
        .array(z.enum(Object.keys(CAMPAIGN_METHODS) as [CampaignMethod, ...CampaignMethod[]]))
        .min(1, 'Ask users to set up the authenticator, a passkey, or either.'),
    })
      // A policy saved before campaigns has none: off.
      .default(DEFAULT_CAMPAIGN),
  });
}
/** What an administrator sends (the API, the command line). */
export const MethodsPolicySchema = policySchema(true);
/** What is stored, as read back (unknown keys dropped). */
export const StoredMethodsPolicySchema = policySchema(false);
export type MethodsPolicy = z.infer<typeof MethodsPolicySchema>;

const everyone = { enabled: true, include: 'all' as const, exclude: [] };

/** Every method for everyone with its default options; a Temporary Access Pass off. */
const DEFAULT_POLICY: MethodsPolicy = {
  authenticator: everyone,
  totp: everyone,
  sms: { ...everyone, useForSignIn: true },
  voice: { ...everyone, phones: ['mobile', 'alternateMobile', 'office'] },
  passkey: { ...everyone, attestationRequired: false, allowedAaguids: [] },
  recoveryCodes: everyone,
  registrationCampaign: DEFAULT_CAMPAIGN,
  temporaryAccessPass: {
    ...everyone,
    enabled: false,
    defaultLifetimeMinutes: 60,
    maxLifetimeMinutes: 480,
    defaultLength: 8,
    oneTimeOnly: false,
  },
};

/**
 * `policy` with the methods of an old-style list of allowed MethodTypes
 * enabled and the others disabled (whom each is for, and its options, kept;
 * calls ring the kinds of phone listed). How a script that still sets
 * `allowedMethods` changes the policy.
 */
export function withAllowedMethods(
  policy: MethodsPolicy,
  allowed: readonly string[],
): MethodsPolicy {
  const has = (m: MethodType) => allowed.includes(m);
  const phones = (Object.keys(VOICE_PHONES) as VoicePhone[]).filter((p) => has(VOICE_PHONES[p]));
  const next = { ...policy };
  for (const m of policyMethods) {
    // A Temporary Access Pass or a campaign is no method a list could name: it stays as it is.
    if (m === 'temporaryAccessPass' || m === 'registrationCampaign') continue;
    next[m] = { ...policy[m], enabled: POLICY_METHODS[m].some(has) } as never;
  }
  // Off, calls still name a phone kind (the schema asks for one): those they had.
  if (phones.length) next.voice = { ...next.voice, phones };
  return next;
}

/**
 * The policy that allows exactly what the old organisation-wide list allowed
 * (for everyone); a Temporary Access Pass, which the list did not know, off.
 */
export const fromAllowedMethods = (allowed: readonly string[]): MethodsPolicy =>
  withAllowedMethods(DEFAULT_POLICY, allowed);

/** Whether a method is for a user in these groups. */
export function isFor(
  policy: MethodsPolicy,
  method: PolicyMethod,
  groups: ReadonlySet<string>,
): boolean {
  const p = policy[method];
  if (!p.enabled || p.exclude.some((g) => groups.has(g))) return false;
  return p.include === 'all' || p.include.some((g) => groups.has(g));
}

/**
 * The MethodTypes a user in these groups may register (`register`) or use to
 * sign in (`signin`: texts only where they are for sign-in); with `anyone`,
 * those some user may (before a user is known: the sign-in page's offers).
 */
export function methodTypesFor(
  policy: MethodsPolicy,
  groups: ReadonlySet<string> | 'anyone',
  purpose: 'register' | 'signin',
): string[] {
  const types = new Set(
    policyMethods.flatMap((m): string[] => {
      if (groups === 'anyone' ? !policy[m].enabled : !isFor(policy, m, groups)) return [];
      if (m === 'voice') return policy.voice.phones.map((p) => VOICE_PHONES[p]);
      if (m === 'sms' && purpose === 'signin' && !policy.sms.useForSignIn) return [];
      return [...POLICY_METHODS[m]];
    }),
  );
  // In the catalogue's order, as the old list was (pages and scripts show it).
  return methodTypes.filter((t) => types.has(t));
}

/** The groups a policy names (to check that they exist, and to show their names). */
export function groupsNamed(policy: MethodsPolicy): string[] {
  return [
    ...new Set(
      policyMethods.flatMap((m) => {
        const p = policy[m];
        return [...(p.include === 'all' ? [] : p.include), ...p.exclude];
      }),
    ),
  ];
}
