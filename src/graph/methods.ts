// A user's methods as Microsoft Graph's authentication methods
// (learn.microsoft.com/graph/api/resources/authenticationmethods-overview), so
// scripts written for Graph read them:
// - texts and calls to a number are one Graph phone method per phone type,
//   with Graph's fixed ids (mobile, alternateMobile, office);
// - the Portcullis Authenticator (notifications, with its codes) is a
//   microsoftAuthenticator method; a code from another app is softwareOath;
// - passkeys are fido2; a local password is the password method (Graph's
//   fixed id); the Temporary Access Pass is its own.
// Recovery codes have no Graph type: they are not listed.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { AppContext } from '../context.ts';
import { passkeysStore } from '../methods/passkey/store.ts';
import { methodIsForUser } from '../services/methods-policy.ts';
import { temporaryAccessPassOf } from '../services/temporary-access-pass.ts';
import { methodView, type Viewer } from '../services/users.ts';
import type { MethodRow } from '../storage/methods.ts';
import type { UserRow } from '../storage/users.ts';

/** Graph's collections under /users/{id}/authentication, and their resource types. */
export const COLLECTIONS = {
  phoneMethods: 'phoneAuthenticationMethod',
  microsoftAuthenticatorMethods: 'microsoftAuthenticatorAuthenticationMethod',
  softwareOathMethods: 'softwareOathAuthenticationMethod',
  fido2Methods: 'fido2AuthenticationMethod',
  passwordMethods: 'passwordAuthenticationMethod',
  temporaryAccessPassMethods: 'temporaryAccessPassAuthenticationMethod',
} as const;
export type Collection = keyof typeof COLLECTIONS;
export const isCollection = (name: string): name is Collection => Object.hasOwn(COLLECTIONS, name);

/** Graph's ids for a user's phones, the same in every tenant. */
const PHONE_IDS = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
} as const;
type PhoneType = keyof typeof PHONE_IDS;
const PHONE_TYPE_OF: Record<string, PhoneType> = {
  OneWaySMS: 'mobile',
  TwoWayVoiceMobile: 'mobile',
  TwoWayVoiceAlternateMobile: 'alternateMobile',
  TwoWayVoiceOffice: 'office',
};

/** Graph's id for the password method, the same in every tenant. */
export const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';

export type GraphMethod = Record<string, unknown> & {
  '@odata.type': string;
  id: string;
  /** Our methods it stands for (deleting it deletes them); none for the password and the pass. */
  rows: readonly string[];
  collection: Collection;
};

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** "+420 601999912" as Graph writes numbers (country code, space, national number). */
function graphNumber(shown: string): string {
  const [number = '', extension] = shown.split(' x');
  const parsed = number.startsWith('+') ? parsePhoneNumberFromString(number) : undefined;
  const text = parsed ? `+${parsed.countryCallingCode} ${parsed.nationalNumber}` : number;
  return extension ? `${text} x${extension}` : text;
}

const deviceOf = (m: MethodRow) =>
  (JSON.parse(m.details) as { deviceId?: unknown }).deviceId ?? null;

/** The pass as Graph shows it: usable or not, and why (the pass itself only when issued). */
export function passResource(
  pass: NonNullable<Awaited<ReturnType<typeof temporaryAccessPassOf>>>,
  allowed: boolean,
): GraphMethod {
  const reason =
    pass.state === 'expired'
      ? 'Expired'
      : pass.state === 'used'
        ? 'OneTimeUsed'
        : !allowed
          ? 'DisabledByPolicy'
          : pass.state === 'pending'
            ? 'NotYetValid'
            : 'EnabledByPolicy';
  return {
    '@odata.type': `#microsoft.graph.${COLLECTIONS.temporaryAccessPassMethods}`,
    id: pass.id,
    temporaryAccessPass: null,
    createdDateTime: pass.createdAt,
    startDateTime: pass.startsAt,
    lifetimeInMinutes: pass.lifetimeMinutes,
    isUsableOnce: pass.oneTime,
    isUsable: reason === 'EnabledByPolicy',
    methodUsabilityReason: reason,
    rows: [],
    collection: 'temporaryAccessPassMethods',
  };
}

/** Every method of the user as Graph lists them, in Graph's shapes. */
export async function graphMethodsOf(
  ctx: AppContext,
  user: UserRow,
  viewer: Viewer,
): Promise<GraphMethod[]> {
  const [rows, pass, passAllowed] = await Promise.all([
    ctx.stores.methods.listForUser(user.id),
    temporaryAccessPassOf(ctx, user.upn),
    methodIsForUser(ctx, user.id, 'temporaryAccessPass'),
  ]);
  const credentialOf = (m: MethodRow) =>
    String((JSON.parse(m.details) as { credentialId?: unknown }).credentialId ?? '');
  const passkeys = await passkeysStore(ctx.db).listByIds(
    user.id,
    rows.filter((m) => m.method_type === 'Passkey').map(credentialOf),
  );
  const out: GraphMethod[] = [];
  if (user.source === 'directory' || user.password_hash !== '')
    out.push({
      '@odata.type': `#microsoft.graph.${COLLECTIONS.passwordMethods}`,
      id: PASSWORD_METHOD_ID,
      password: null,
      createdDateTime: null,
      rows: [],
      collection: 'passwordMethods',
    });
  const phones = new Map<PhoneType, MethodRow[]>();
  for (const m of rows) {
    const phoneType = PHONE_TYPE_OF[m.method_type];
    if (phoneType) phones.set(phoneType, [...(phones.get(phoneType) ?? []), m]);
  }
  for (const [phoneType, mine] of phones) {
    const shown = methodView(viewer.personalData ? ctx : null, mine[0]!).phoneNumber ?? '';
    out.push({
      '@odata.type': `#microsoft.graph.${COLLECTIONS.phoneMethods}`,
      id: PHONE_IDS[phoneType],
      phoneNumber: graphNumber(shown),
      phoneType,
      // A text alone never signs anyone in here (Graph's "SMS sign-in").
      smsSignInState: 'notSupported',
      rows: mine.map((m) => m.id),
      collection: 'phoneMethods',
    });
  }
  for (const m of rows) {
    if (m.method_type === 'PhoneAppNotification') {
      const device = deviceOf(m);
      out.push({
        '@odata.type': `#microsoft.graph.${COLLECTIONS.microsoftAuthenticatorMethods}`,
        id: m.id,
        displayName: 'Portcullis Authenticator',
        deviceTag: 'SoftwareTokenActivated',
        phoneAppVersion: null,
        createdDateTime: iso(m.created_at),
        // The app's codes go with it.
        rows: [
          m.id,
          ...rows
            .filter((o) => o.method_type === 'PhoneAppOTP' && device && deviceOf(o) === device)
            .map((o) => o.id),
        ],
        collection: 'microsoftAuthenticatorMethods',
      });
    } else if (m.method_type === 'PhoneAppOTP' && deviceOf(m) === null) {
      out.push({
        '@odata.type': `#microsoft.graph.${COLLECTIONS.softwareOathMethods}`,
        id: m.id,
        secretKey: null,
        createdDateTime: iso(m.created_at),
        rows: [m.id],
        collection: 'softwareOathMethods',
      });
    } else if (m.method_type === 'Passkey') {
      const key = passkeys.find((p) => p.credential_id === credentialOf(m));
      out.push({
        '@odata.type': `#microsoft.graph.${COLLECTIONS.fido2Methods}`,
        id: m.id,
        displayName: key?.name ?? null,
        createdDateTime: iso(m.created_at),
        aaGuid: key?.aaguid ?? null,
        model: null,
        attestationCertificates: [],
        attestationLevel: 'notAttested',
        rows: [m.id],
        collection: 'fido2Methods',
      });
    }
  }
  if (pass) out.push(passResource(pass, passAllowed));
  return out;
}

/** A method as sent: without what only we need. */
export const wire = ({ rows: _, collection: __, ...resource }: GraphMethod) => resource;
