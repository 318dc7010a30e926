import type { Generated } from 'kysely';
import type { AppStrength } from '../policy/strength.ts';
import type { IdTokenAlg } from '../services/signing-algs.ts';

/**
 * Table types for Kysely. Times are milliseconds since the epoch (bigint in
 * PostgreSQL, integer in SQLite); booleans are 0/1 integers on both.
 */
export interface Database {
  users: UsersTable;
  auth_methods: AuthMethodsTable;
  totp_used_steps: TotpUsedStepsTable;
  sessions: SessionsTable;
  signin_flows: SigninFlowsTable;
  /** A view of the two below (migration 0023): what every reader reads. */
  signin_log: SigninLogTable;
  /** Entries as they are written, until moved (src/storage/signin-log.ts moveSigninLog). */
  signin_log_recent: SigninLogRecentTable;
  signin_log_kept: SigninLogTable;
  limits: LimitsTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
  challenges: ChallengesTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  applications: ApplicationsTable;
  app_passwords: AppPasswordsTable;
  remembered_devices: RememberedDevicesTable;
  oidc_payloads: OidcPayloadsTable;
  oauth_device_polls: OauthDevicePollsTable;
  oidc_logouts: OidcLogoutsTable;
  signing_keys: SigningKeysTable;
  saml_keys: SamlKeysTable;
  saml_service_providers: SamlServiceProvidersTable;
  saml_requests: SamlRequestsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
  authenticator_devices: AuthenticatorDevicesTable;
  authenticator_activations: AuthenticatorActivationsTable;
  push_requests: PushRequestsTable;
  authenticator_push_subscriptions: AuthenticatorPushSubscriptionsTable;
  releases: ReleasesTable;
  directory_sync_runs: DirectorySyncRunsTable;
  leases: LeasesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  application_groups: ApplicationGroupsTable;
  invitations: InvitationsTable;
  mail: MailTable;
  radius_states: RadiusStatesTable;
  radius_requests: RadiusRequestsTable;
  cache_epoch: CacheEpochTable;
  temporary_access_passes: TemporaryAccessPassesTable;
  campaign_snoozes: CampaignSnoozesTable;
}

export type GroupSource = 'local' | 'scim' | 'directory';

/** A set of users that roles and policies can name (made by hand, by SCIM or by the directory sync). */
export interface GroupsTable {
  id: string;
  display_name: string;
  /** The display name in lower case: unique. */
  name_normalized: string;
  description: string;
  source: GroupSource;
  /** The provisioning system's own identifier (SCIM externalId). */
  external_id: string | null;
  /** The directory entry's stable identifier, for a directory group. */
  directory_id: string | null;
  directory_dn: string | null;
  /** 1: members are administrators. */
  admin_role: number;
  created_at: number;
  updated_at: number;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  added_at: number;
}

/** A single-use link to set a password and register methods; only its hash is kept. */
export interface InvitationsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: number;
  created_by: string;
  expires_at: number;
  used_at: number | null;
}

/** A message by email (src/mail): a persisted queue; the built-in outbox keeps the text. */
export interface MailTable {
  id: string;
  kind: string;
  to_address: string;
  user_id: string | null;
  locale: string;
  subject: string;
  /** The text, sealed; null once an SMTP server has taken it. */
  body_sealed: string | null;
  /** outbox (kept here), queued → sending → sent, or failed after the last attempt. */
  status: 'outbox' | 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number;
  error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** A run of the directory sync (src/directory/sync.ts). */
export interface DirectorySyncRunsTable {
  id: string;
  started_at: number;
  finished_at: number | null;
  /** schedule, cli, portal, api. */
  trigger: string;
  actor: string;
  /** running, succeeded, partial (some entries failed), failed. */
  status: 'running' | 'succeeded' | 'partial' | 'failed';
  entries: number;
  created: number;
  updated: number;
  blocked: number;
  unblocked: number;
  deleted: number;
  /** JSON array of { entry, message }: the entries that could not be applied. */
  errors: string;
  /** Why the whole run failed, if it did. */
  error: string | null;
}

/** One node at a time holds a lease on a periodic job (src/storage/leases.ts). */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** The Portcullis versions that migrated this database (src/db/migrate.ts). */
export interface ReleasesTable {
  version: string;
  migrated_at: number;
}

export type MfaState = 'Disabled' | 'Enabled' | 'Enforced';

export interface UsersTable {
  id: string;
  upn: string;
  upn_normalized: string;
  display_name: string;
  /** The language the user chose; '' when none (their browser's is used). */
  preferred_language: string;
  /** The language their browser last asked for at sign-in (for texts, calls and emails). */
  browser_language: string | null;
  is_admin: number;
  mfa_state: MfaState;
  password_hash: string;
  blocked: number;
  created_at: number;
  updated_at: number;
  last_signin_at: number | null;
  /** When the user last reported fraud (a call or text they did not ask for). */
  fraud_reported_at: number | null;
  /** The user's risk: `high` after they reported suspicious activity, until remediated or dismissed. */
  risk_level: RiskLevel;
  risk_state: RiskState;
  /** Why the risk last changed (Graph's riskDetail): e.g. `userReportedSuspiciousActivity`. */
  risk_detail: RiskDetail | null;
  /** When the risk last changed. */
  risk_at: number | null;
  /** 1 after an admin reset the password: the user chooses a new one at next sign-in. */
  must_change_password: number;
  /** Remembered devices from before this time skip nothing (admin "restore MFA", user "forget all"). */
  remembered_devices_not_before: number | null;
  /** When an Enabled user first postponed registering a method (enrolment grace). */
  proofup_postponed_at: number | null;
  /** Where the user and their password come from. */
  source: UserSource;
  /** The directory entry's stable identifier (objectGUID as hex, entryUUID). */
  directory_id: string | null;
  /** The entry's DN when last synced (bound as to check the password). */
  directory_dn: string | null;
  directory_mail: string | null;
  /** The entry's mobile number, sealed: offered at proof-up. */
  directory_mobile_sealed: string | null;
  /** The MFA state the directory's groups last gave. */
  directory_state: MfaState | null;
  /** Who blocked sign-in: `admin`, `directory` (disabled or gone there), `risk` (the high-risk policy), or null. */
  blocked_by: 'admin' | 'directory' | 'risk' | null;
  /** When the directory disabled or lost the user's entry. */
  directory_blocked_at: number | null;
  /** The administrator role given to the user themselves (is_admin adds groups with the role). */
  admin_direct: number;
  /** The provisioning system's own identifier (SCIM externalId). */
  external_id: string | null;
  /** Attributes kept for provisioning systems, not acted on (JSON): SCIM name, title, enterprise extension. */
  profile: string;
}

export type UserSource = 'local' | 'directory';

/** As Microsoft Graph's riskyUser: only `high` is ever raised here (by the user's own report). */
export type RiskLevel = 'none' | 'high';
export type RiskState = 'none' | 'atRisk' | 'remediated' | 'dismissed';
export type RiskDetail =
  | 'userReportedSuspiciousActivity'
  | 'userPerformedSecuredPasswordChange'
  | 'adminDismissedAllRiskForUser';

export interface AuthMethodsTable {
  id: string;
  user_id: string;
  method_type: string;
  is_default: number;
  /** Method-owned secret data, sealed with the secrets-at-rest key. */
  secret_sealed: string | null;
  /** Method-owned non-secret data (JSON), e.g. a masked phone number. */
  details: string;
  created_at: number;
  last_used_at: number | null;
}

export interface TotpUsedStepsTable {
  user_id: string;
  step: number;
  used_at: number;
  /** The sign-in attempt that used the step. */
  flow_id: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id_hash: string;
  csrf_token: string;
  user_id: string | null;
  flow_id: string | null;
  /** JSON array of RFC 8176 amr values, once signed in. */
  amr: string | null;
  auth_time: number | null;
  created_at: number;
  expires_at: number;
  /** When this session last proved a second factor (sign-in or a fresh check). */
  mfa_at: number | null;
}

export interface SigninFlowsTable {
  id: string;
  user_id: string;
  /** JSON array of completed factors: [{ method, amr, factor, at }]. */
  factors: string;
  failed_codes: number;
  /** Sealed JSON state of a step in progress (e.g. an enrolment's new secret). */
  pending_sealed: string | null;
  return_to: string | null;
  client_ip: string | null;
  user_agent: string | null;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
  /** The application the flow is for requires MFA whatever the user's state. */
  require_mfa: number;
  /** The strength the application requires (src/policy/strength.ts); `none` for none. */
  strength: AppStrength;
  /** Started from a signed-in session (its password counts): the session stays signed in meanwhile. */
  step_up: number;
  /** The user said "Not now" to the registration campaign in this sign-in. */
  campaign_snoozed: number;
  /** The user asked to remember this device: set its cookie when the sign-in finishes. */
  remember_device: number;
  /** The user postponed registering a method in this sign-in (enrolment grace). */
  proofup_postponed: number;
}

export interface SigninLogTable {
  id: string;
  at: number;
  upn: string;
  user_id: string | null;
  result: 'success' | 'failure' | 'interrupted';
  reason: string;
  method: string | null;
  client_ip: string | null;
  user_agent: string | null;
  application: string | null;
  /** browser, verify, forward-auth, ldap, radius. */
  front: string | null;
}

export interface SigninLogRecentTable extends SigninLogTable {
  /** Order of arrival. */
  seq: Generated<number>;
}

export interface LimitsTable {
  key: string;
  /** The lowercased UPN an account key belongs to; null for address keys. */
  subject: string | null;
  /** Consecutive failures, reservations in flight included. */
  failures: number;
  /** Reservations not judged yet. */
  inflight: number;
  last_at: number;
  /** No reservation before this time (epoch ms). */
  blocked_until: number;
  /** The rule the key was last reserved under (see src/policy/limits.ts). */
  free: number;
  lock_at: number | null;
  reset_after: number | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
  /** JSON array of extra rights, e.g. ["personal-data"]. */
  rights: string;
  /** read: GET only; read-write: everything. */
  scope: 'read' | 'read-write' | 'scim';
  /** Who created it (an admin's UPN, or "cli"). */
  created_by: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

export type ChallengeStatus =
  | 'pending'
  | 'approved'
  | 'consumed'
  | 'fraud'
  | 'declined'
  | 'no_answer'
  | 'failed'
  | 'superseded';

/** A code sent or a call placed for one sign-in flow (phone methods). */
export interface ChallengesTable {
  id: string;
  flow_id: string;
  user_id: string;
  method_type: string;
  /** The registration being verified; null while enrolling a new number. */
  registration_id: string | null;
  /** HMAC of the code sent by text; null for calls. */
  code_hash: string | null;
  status: ChallengeStatus;
  attempts: number;
  created_at: number;
  expires_at: number;
  resolved_at: number | null;
}

/** The built-in telephony provider: messages and calls kept in the database. */
export interface OutboxTable {
  id: string;
  kind: 'sms' | 'call';
  to_number: string;
  extension: string | null;
  locale: string;
  /** The text of a message, or the spoken prompt of a call. */
  body: string;
  challenge_id: string | null;
  /** sent (sms); ringing → answered | fraud | hung_up (call). */
  status: string;
  created_at: number;
  answered_at: number | null;
}

/** Fixed-window counters for sending limits (per user, per number, per address). */
export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor: string;
  action: string;
  target_user_id: string | null;
  detail: string;
  /** The address the action came from (null from the command line on the server). */
  ip: string | null;
  /** The target user's UPN when the action was taken (the entry outlives the user). */
  target: string | null;
}

export type Front = 'verify' | 'forward-auth' | 'ldap' | 'radius';

/** A relying party: a legacy application now, OpenID Connect clients later. */
export interface ApplicationsTable {
  id: string;
  name: string;
  kind: 'legacy' | 'oidc' | 'saml';
  /** JSON array of the fronts it may use. */
  fronts: string;
  radius_secret_sealed: string | null;
  created_at: number;
  /** OpenID Connect clients: JSON arrays. */
  redirect_uris: string;
  post_logout_redirect_uris: string;
  grant_types: string;
  /** Sealed client secret (confidential clients); null for public clients. */
  client_secret_sealed: string | null;
  /** Everyone using this application needs MFA, whatever their state (RelyingParty requirement). */
  require_mfa: number;
  /** The authentication strength it requires (OpenID Connect clients); implies require_mfa. */
  strength: AppStrength;
  /** First-party applications skip the consent page. */
  first_party: number;
  /** OpenID Connect clients: how their ID tokens are signed. */
  id_token_alg: IdTokenAlg;
  /** What the RADIUS front asks of this application's users. */
  radius_mode: RadiusMode;
  /** 1: Access-Requests without a Message-Authenticator are dropped (Blast-RADIUS); 0: accepted. */
  radius_message_authenticator: number;
  /** Keyed hash (HMAC-SHA-256) of the LDAP service account's secret; null: none. */
  ldap_service_hash?: string | null;
  ldap_service_created_at?: number | null;
  /** 1: only members of its groups (application_groups) may use it. */
  assignment_required?: number;
  /** OpenID Connect web clients: where Back-Channel Logout tokens are posted. */
  backchannel_logout_uri?: string | null;
}

/** The groups whose members may use an application that requires assignment. */
export interface ApplicationGroupsTable {
  application_id: string;
  group_id: string;
  added_at: number;
}

/**
 * `app-password`: an app password (or the account password where the MFA state
 * allows); `mfa`: the account password, then a second factor (Access-Challenge
 * or an approval on the phone).
 */
export type RadiusMode = 'app-password' | 'mfa';

/** The State of an Access-Challenge (its hash): bound to a user, an application and an attempt; used once. */
export interface RadiusStatesTable {
  state_hash: string;
  /** The sign-in attempt (signin_flows) the challenge's codes, texts and requests belong to. */
  flow_id: string;
  user_id: string;
  application_id: string;
  /** The registration the challenge asked for (a texted code, a notification). */
  registration_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** An Access-Request being answered (reply null) or answered: retransmissions get the same reply. */
export interface RadiusRequestsTable {
  key: string;
  /** The encoded reply, base64; null while the request is being worked on. */
  reply: string | null;
  created_at: number;
  expires_at: number;
}

/** An app password: only its keyed hash is stored. */
export interface AppPasswordsTable {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  /** JSON array of application ids; empty = usable with any application. */
  scopes: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  last_used_ip: string | null;
}

/** A browser on which the user chose to skip MFA for a number of days. */
export interface RememberedDevicesTable {
  id: string;
  user_id: string;
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_agent: string | null;
  ip: string | null;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
}

/** One record of oidc-provider's state (a model instance), kept through our adapter. */
export interface OidcPayloadsTable {
  model: string;
  id: string;
  payload: string;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  expires_at: number | null;
  consumed_at: number | null;
  /** Whose record it is (the payload's accountId); null for records stored before it was kept. */
  account_id?: string | null;
  /** Sessions: the login time (seconds) of the sign-in it came from. */
  login_ts?: number | null;
}

/** Provider sessions ended whose applications are yet to hear of it (Back-Channel Logout). */
export interface OidcLogoutsTable {
  id: string;
  user_id: string;
  /** JSON: the applications of each ended session (`EndedSession[]`, src/services/sessions-end.ts). */
  sessions: string;
  created_at: number;
}

/** When a device code may poll the token endpoint next (RFC 8628 §3.5), by the code's hash. */
export interface OauthDevicePollsTable {
  id: string;
  next_poll_at: number;
  interval_seconds: number;
  expires_at: number;
}

/** ID token signing keys, sealed at rest; every node uses the same ones. */
export interface SigningKeysTable {
  kid: string;
  alg: string;
  jwk_sealed: string;
  created_at: number;
  retired_at: number | null;
}

/** The SAML identity provider's signing keys: published from creation, signing from `signs_from`. */
export interface SamlKeysTable {
  kid: string;
  /** The PKCS#8 private key (PEM), sealed. */
  key_sealed: string;
  /** Its self-signed certificate (PEM), as published. */
  cert_pem: string;
  created_at: number;
  signs_from: number;
}

/** A SAML application's service provider (kind 'saml'). */
export interface SamlServiceProvidersTable {
  application_id: string;
  entity_id: string;
  /** JSON: SamlAcs[] (src/saml/sp.ts). */
  acs: string;
  /** JSON: SamlSlo[]. */
  slo: string;
  /** JSON: PEM certificates its requests are signed with. */
  signing_certs: string;
  encryption_cert: string | null;
  name_id_format: string;
  want_requests_signed: number;
  /** What is signed: response, assertion or both. */
  sign: string;
  encrypt_assertion: number;
}

/** A SAML sign-on under way, kept until it expires (replays of its request id are refused). */
export interface SamlRequestsTable {
  id: string;
  application_id: string;
  request_id: string | null;
  /** JSON: PendingSignOn (src/saml/sso.ts). */
  request: string;
  created_at: number;
  answered_at: number | null;
  expires_at: number;
}

/** One recovery code of a user's current set (RecoveryCode method): only its keyed hash. */
export interface RecoveryCodesTable {
  user_id: string;
  /** HMAC-SHA-256 of the normalised code, keyed with the credential key. */
  code_hash: string;
  created_at: number;
  /** When the code was used; null while it is still valid. */
  used_at: number | null;
  /** The sign-in attempt that used it. */
  flow_id: string | null;
}

export interface PasskeysTable {
  /** The WebAuthn credential id, base64url. */
  credential_id: string;
  user_id: string;
  /** COSE public key, base64url (public: not sealed). */
  public_key: string;
  /** Signature counter last seen (0 for authenticators that keep none). */
  counter: number;
  /** JSON array of transports the authenticator reported. */
  transports: string;
  /**
   * The authenticator's model as it stated it at registration (lower case;
   * all zeros when the browser blanked it); null for passkeys registered
   * before it was kept.
   */
  aaguid: string | null;
  name: string;
  created_at: number;
  last_used_at: number | null;
  /** When the counter went backwards (a possible clone); the passkey is refused from then on. */
  flagged_at: number | null;
}

/** A user's Temporary Access Pass (at most one): only its HMAC is kept. */
export interface TemporaryAccessPassesTable {
  user_id: string;
  /** The pass's own id (APIs name it; a new pass has a new one). */
  id: string;
  /** HMAC-SHA256 of the pass under the credential HMAC key, base64url. */
  pass_hash: string;
  created_at: number;
  /** Who issued it: an administrator's UPN, `token <name>` or `cli`. */
  created_by: string;
  /** When it starts to work; null: when created. */
  starts_at: number | null;
  expires_at: number;
  /** 1: good for one sign-in; 0: for any number until it expires. */
  one_time: number;
  /** When it was last used to sign in (a one-time pass: spent). */
  used_at: number | null;
}

export interface PasskeyChallengesTable {
  /** base64url; single use. */
  challenge: string;
  flow_id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A Portcullis Authenticator installation: its P-256 public key (JWK) and the hash of its token. */
export interface AuthenticatorDevicesTable {
  id: string;
  user_id: string;
  public_key: string;
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
}

/** A one-time activation code (its keyed hash), claimed by one device. */
export interface AuthenticatorActivationsTable {
  code_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  device_id: string | null;
}

export type PushStatus =
  | 'pending'
  | 'approved'
  | 'consumed'
  | 'denied'
  | 'fraud'
  | 'wrong_number'
  | 'refused'
  | 'expired'
  | 'superseded';

/** A sign-in request sent to a device, approved with the number the sign-in page shows. */
export interface PushRequestsTable {
  id: string;
  flow_id: string;
  user_id: string;
  device_id: string;
  number: string;
  status: PushStatus;
  client_ip: string | null;
  created_at: number;
  expires_at: number;
  resolved_at: number | null;
}

/** A device's Web Push subscription: where and how to notify it while the app is closed. */
export interface AuthenticatorPushSubscriptionsTable {
  device_id: string;
  /** The push service URL (https; http only on loopback in development). */
  endpoint: string;
  /** The browser's P-256 public key and 16-byte auth secret, base64url. */
  p256dh: string;
  auth: string;
  created_at: number;
}

/** One row: moved on by triggers whenever something a per-process cache holds changes (migration 0022). */
export interface CacheEpochTable {
  id: number;
  n: number | string;
}

/** Registration campaign: a user's "Not now"s (migration 0028). */
export interface CampaignSnoozesTable {
  user_id: string;
  /** How many times they have said it. */
  snoozes: number;
  /** Not asked again before this time. */
  snoozed_until: number;
}
