// What the command line can do, behind one interface with two ends: the
// services on the configured database (local-admin.ts), or the admin REST API
// of a running instance (remote-admin.ts, `--url` and a token). Both return the
// same shapes — the API's JSON is the services' views — so every command is
// written once. This file holds types only: a command loads the end it uses.
import type { MfaState } from '../db/schema.ts';
import type { DirectoryStatus, DirectoryTest, SyncReport } from '../directory/admin.ts';
import type { SyncProgress } from '../directory/sync.ts';
import type { SigninView } from '../flows/signin-log.ts';
import type { MailView } from '../mail/mailbox.ts';
import type { MethodsPolicy } from '../policy/methods-policy.ts';
import type { ApiTokenView, TokenScope } from '../services/api-tokens.ts';
import type { AppAccess } from '../services/app-access.ts';
import type { AppPasswordView } from '../services/app-passwords.ts';
import type { ApplicationView, AppPatch } from '../services/applications.ts';
import type { BulkItem, BulkResult, Progress } from '../services/bulk-mfa.ts';
import type { GroupPage, GroupPatch, GroupView, MemberPage } from '../services/groups.ts';
import type { NewLdapServiceAccount } from '../services/ldap-service-accounts.ts';
import type { AuditQuery, AuditView, Page, SigninQuery } from '../services/logs.ts';
import type { SamlAppInput } from '../services/saml-apps.ts';
import type { ServiceSettings } from '../services/settings.ts';
import type {
  NewTemporaryAccessPass,
  TemporaryAccessPassView,
} from '../services/temporary-access-pass.ts';
import type { UserPatch } from '../services/user-admin.ts';
import type { ProfileFields } from '../services/user-fields.ts';
import type { ImportResult } from '../services/user-import.ts';
import type { UserActionResult } from '../services/user-settings.ts';
import type { MethodView, NewUser, UserPage, UserQuery, UserView } from '../services/users.ts';

export type UserAction =
  | 'reset-methods'
  | 'delete-app-passwords'
  | 'restore-remembered-devices'
  | 'unlock-signin';

export interface Admin {
  createUser(input: NewUser & ProfileFields): Promise<UserView>;
  inviteUser(upn: string): Promise<{ userPrincipalName: string; email: string; expiresAt: string }>;
  mailbox(q: { to?: string; limit?: number }): Promise<MailView[]>;
  importUsers(
    csv: string,
    opts: { dryRun: boolean; invite: boolean },
    progress?: { check?: Progress; write?: Progress },
  ): Promise<ImportResult>;
  exportUsers(q: { mfaState?: MfaState; search?: string }): Promise<string>;
  getUser(upn: string): Promise<UserView>;
  listUsers(q: UserQuery): Promise<UserPage>;
  updateUser(upn: string, patch: UserPatch & ProfileFields): Promise<UserView>;
  deleteUser(upn: string): Promise<void>;
  resetPassword(upn: string): Promise<{ user: UserView; oneTimePassword: string }>;
  dismissRisk(upn: string): Promise<{ dismissed: boolean; user: UserView }>;
  /** All or nothing: an unknown user name changes nothing. */
  setMfaState(upns: string[], state: MfaState): Promise<UserView[]>;
  bulk(
    input: { csv: string } | { items: BulkItem[] },
    dryRun: boolean,
    progress?: { check?: Progress; write?: Progress },
  ): Promise<BulkResult>;
  methods(upn: string): Promise<MethodView[]>;
  deleteMethod(upn: string, id: string): Promise<MethodView[]>;
  setDefaultMethod(upn: string, id: string): Promise<MethodView[]>;
  appPasswords(upn: string): Promise<AppPasswordView[]>;
  userAction(action: UserAction, upns: string[]): Promise<UserActionResult[]>;
  settings(): Promise<ServiceSettings>;
  changeSettings(patch: Record<string, unknown>): Promise<ServiceSettings>;
  /** As the API takes it: the start as ISO 8601. */
  issuePass(
    upn: string,
    input: Omit<NewTemporaryAccessPass, 'startsAt'> & { startsAt?: string },
  ): Promise<TemporaryAccessPassView & { temporaryAccessPass: string }>;
  /** The user's Temporary Access Pass; null if there is none. */
  pass(upn: string): Promise<TemporaryAccessPassView | null>;
  revokePass(upn: string): Promise<void>;
  methodsPolicy(): Promise<MethodsPolicy>;
  /** One method's entry changed (groups by id or name); the whole policy after. */
  changeMethodPolicy(method: string, patch: Record<string, unknown>): Promise<MethodsPolicy>;
  signins(q: SigninQuery): Promise<Page<SigninView>>;
  audit(q: AuditQuery): Promise<Page<AuditView>>;
  createToken(input: {
    name: string;
    scope?: TokenScope;
    personalData?: boolean;
  }): Promise<{ token: string; apiToken: ApiTokenView }>;
  tokens(): Promise<ApiTokenView[]>;
  revokeToken(id: string): Promise<void>;
  createApp(input: {
    name: string;
    fronts?: string[];
    radiusSecret?: string;
    radiusMode?: string;
    radiusMessageAuthenticator?: boolean;
    ldapServiceAccount?: boolean;
  }): Promise<ApplicationView & { ldapServiceAccount?: NewLdapServiceAccount }>;
  createClient(input: {
    name: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    backchannelLogoutUri?: string;
    requireMfa: boolean;
    /** none, mfa, passwordless or phishing-resistant (checked by the service). */
    strength?: string;
    firstParty: boolean;
    machine: boolean;
    device: boolean;
    /** RS256 or ES256 (checked by the service). */
    idTokenSigningAlg?: string;
  }): Promise<ApplicationView & { clientSecret?: string }>;
  /** A SAML application, from its metadata (text) or entity id and ACS URLs. */
  createSamlApp(input: SamlAppInput): Promise<ApplicationView>;
  apps(): Promise<ApplicationView[]>;
  app(id: string): Promise<ApplicationView>;
  /**
   * An OpenID Connect client's redirect URIs (a list given replaces the old
   * one), or a legacy application's RADIUS settings.
   */
  updateApp(id: string, patch: AppPatch): Promise<ApplicationView>;
  /** With an OpenID Connect client's grants and tokens, and app passwords for it alone. */
  deleteApp(id: string): Promise<void>;
  /** A new secret for an OpenID Connect confidential client, shown once. */
  newClientSecret(id: string): Promise<{ id: string; clientSecret: string }>;
  /** A legacy application's LDAP service account, made or replaced; the secret shown once. */
  newLdapServiceAccount(id: string): Promise<NewLdapServiceAccount>;
  deleteLdapServiceAccount(id: string): Promise<ApplicationView>;
  /** Who may use a legacy application: all users, or members of groups (replacing the list). */
  setAppAccess(id: string, access: AppAccess): Promise<ApplicationView>;
  directoryStatus(): Promise<DirectoryStatus>;
  /** Binds as the service account and reads a few users (or the one named). */
  directoryTest(upn?: string): Promise<DirectoryTest>;
  directorySync(dryRun: boolean, onProgress?: (p: SyncProgress) => void): Promise<SyncReport>;
  createGroup(input: {
    displayName: string;
    description?: string;
    adminRole?: boolean;
    members?: string[];
  }): Promise<GroupView>;
  groups(q: { search?: string; cursor?: string; limit?: number }): Promise<GroupPage>;
  group(ref: string): Promise<GroupView>;
  updateGroup(ref: string, patch: GroupPatch): Promise<GroupView>;
  deleteGroup(ref: string): Promise<void>;
  groupMembers(ref: string, q: { cursor?: string; limit?: number }): Promise<MemberPage>;
  /** All or nothing: an unknown user name changes nothing. */
  editGroupMembers(ref: string, edit: { add?: string[]; remove?: string[] }): Promise<GroupView>;
  setGroupMfaState(
    ref: string,
    state: MfaState,
  ): Promise<{ group: GroupView; changed: number; members: number }>;
}
