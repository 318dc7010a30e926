// What the command line can do, behind one interface with two ends: the
// services on the configured database (running on the server), or the admin
// REST API of a running instance (`--url` and a token). Both return the same
// shapes — the API's JSON is the services' views — so every command is written once.
import type { AppContext } from '../context.ts';
import type { MfaState } from '../db/schema.ts';
import { AppError, type ErrorCode, errorCodes } from '../errors.ts';
import type { SigninView } from '../flows/signin-log.ts';
import {
  type ApiTokenView,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type TokenScope,
} from '../services/api-tokens.ts';
import { type AppPasswordView, listAppPasswords } from '../services/app-passwords.ts';
import {
  type ApplicationView,
  createLegacyApp,
  createOidcApp,
  deleteApp,
  getApp,
  listApps,
  newClientSecret,
  type OidcAppPatch,
  updateOidcApp,
} from '../services/applications.ts';
import type { Actor } from '../services/audit.ts';
import {
  applyBulk,
  type BulkItem,
  type BulkResult,
  type Progress,
  parseBulkCsv,
  previewBulk,
} from '../services/bulk-mfa.ts';
import {
  type AuditQuery,
  type AuditView,
  listAudit,
  listSignins,
  type Page,
  type SigninQuery,
} from '../services/logs.ts';
import {
  getServiceSettings,
  type ServiceSettings,
  updateServiceSettings,
} from '../services/settings.ts';
import {
  deleteUser,
  resetPassword,
  setMfaState,
  type UserPatch,
  updateUser,
} from '../services/user-admin.ts';
import {
  deleteAppPasswordsOf,
  deleteMethod,
  listMethods,
  resetMethods,
  restoreRememberedDevices,
  setDefaultMethod,
  type UserActionResult,
  unlockSignin,
} from '../services/user-settings.ts';
import {
  createUser,
  getUser,
  listUsers,
  type MethodView,
  type NewUser,
  requireUser,
  type UserPage,
  type UserQuery,
  type UserView,
} from '../services/users.ts';

export type UserAction =
  | 'reset-methods'
  | 'delete-app-passwords'
  | 'restore-remembered-devices'
  | 'unlock-signin';

export interface Admin {
  createUser(input: NewUser): Promise<UserView>;
  getUser(upn: string): Promise<UserView>;
  listUsers(q: UserQuery): Promise<UserPage>;
  updateUser(upn: string, patch: UserPatch): Promise<UserView>;
  deleteUser(upn: string): Promise<void>;
  resetPassword(upn: string): Promise<{ user: UserView; oneTimePassword: string }>;
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
  }): Promise<ApplicationView>;
  createClient(input: {
    name: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    requireMfa: boolean;
    firstParty: boolean;
    machine: boolean;
  }): Promise<ApplicationView & { clientSecret: string }>;
  apps(): Promise<ApplicationView[]>;
  app(id: string): Promise<ApplicationView>;
  /** An OpenID Connect client's redirect URIs; a list given replaces the old one. */
  updateApp(id: string, patch: OidcAppPatch): Promise<ApplicationView>;
  /** With an OpenID Connect client's grants and tokens, and app passwords for it alone. */
  deleteApp(id: string): Promise<void>;
  /** A new secret for an OpenID Connect confidential client, shown once. */
  newClientSecret(id: string): Promise<{ id: string; clientSecret: string }>;
}

/** The services, on this machine's database, acting as `actor`. */
export function localAdmin(ctx: AppContext, actor: Actor): Admin {
  const actions = {
    'reset-methods': resetMethods,
    'delete-app-passwords': deleteAppPasswordsOf,
    'restore-remembered-devices': restoreRememberedDevices,
    'unlock-signin': unlockSignin,
  };
  return {
    createUser: (input) => createUser(ctx, input, actor),
    getUser: (upn) => getUser(ctx, upn, actor),
    listUsers: (q) => listUsers(ctx, q, actor),
    updateUser: (upn, patch) => updateUser(ctx, actor, upn, patch),
    deleteUser: (upn) => deleteUser(ctx, actor, upn),
    resetPassword: (upn) => resetPassword(ctx, actor, upn),
    setMfaState: (upns, state) => setMfaState(ctx, actor, upns, state),
    bulk: (input, dryRun, progress) => {
      const items = 'csv' in input ? parseBulkCsv(input.csv) : input.items;
      return dryRun
        ? previewBulk(ctx, items, progress?.check)
        : applyBulk(ctx, actor, items, progress);
    },
    methods: (upn) => listMethods(ctx, actor, upn),
    deleteMethod: (upn, id) => deleteMethod(ctx, actor, upn, id),
    setDefaultMethod: (upn, id) => setDefaultMethod(ctx, actor, upn, id),
    appPasswords: async (upn) => listAppPasswords(ctx, (await requireUser(ctx, upn)).id),
    userAction: (action, upns) => actions[action](ctx, actor, upns),
    settings: () => getServiceSettings(ctx),
    changeSettings: (patch) => updateServiceSettings(ctx, patch, actor),
    signins: (q) => listSignins(ctx, q),
    audit: (q) => listAudit(ctx, q),
    createToken: (input) =>
      createApiToken(ctx, actor, {
        name: input.name,
        ...(input.scope ? { scope: input.scope } : {}),
        rights: input.personalData ? ['personal-data'] : [],
      }),
    tokens: () => listApiTokens(ctx),
    revokeToken: (id) => revokeApiToken(ctx, actor, id),
    createApp: (input) => createLegacyApp(ctx, input, actor),
    createClient: async (input) => {
      const { application, clientSecret } = await createOidcApp(ctx, input, actor);
      return { ...application, clientSecret };
    },
    apps: () => listApps(ctx),
    app: (id) => getApp(ctx, id),
    updateApp: (id, patch) => updateOidcApp(ctx, id, patch, actor),
    deleteApp: (id) => deleteApp(ctx, id, actor),
    newClientSecret: async (id) => {
      const { application, clientSecret } = await newClientSecret(ctx, id, actor);
      return { id: application.id, clientSecret };
    },
  };
}

/** The admin REST API of a running Portcullis, with an admin API token. */
export function remoteAdmin(baseUrl: string, token: string): Admin {
  const base = `${baseUrl.replace(/\/+$/, '')}/api/v1`;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      throw new AppError('service_unavailable', {
        detail: `Cannot reach ${baseUrl}: ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}`,
      });
    }
    const text = await res.text();
    // 204 No Content (a deletion): nothing to read.
    if (res.status === 204) return undefined as T;
    if (!res.ok) {
      let problem: { code?: string; detail?: string; title?: string } = {};
      try {
        problem = JSON.parse(text) as typeof problem;
      } catch {
        // not problem+json (a proxy's error page)
      }
      const code = (
        problem.code && problem.code in errorCodes ? problem.code : 'internal_error'
      ) as ErrorCode;
      throw new AppError(code, { detail: problem.detail ?? problem.title ?? `HTTP ${res.status}` });
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new AppError('service_unavailable', {
        detail: `${baseUrl} did not answer as a Portcullis admin API (give the server's base URL, without /api/v1).`,
      });
    }
  };
  const u = (upn: string) => `/users/${encodeURIComponent(upn)}`;
  const qs = (q: object) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
    const s = p.toString();
    return s ? `?${s}` : '';
  };
  const admin: Admin = {
    createUser: (input) =>
      call('POST', '/users', {
        userPrincipalName: input.upn,
        password: input.password,
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.isAdmin !== undefined ? { isAdmin: input.isAdmin } : {}),
        ...(input.preferredLanguage !== undefined
          ? { preferredLanguage: input.preferredLanguage }
          : {}),
        ...(input.mfaState !== undefined ? { mfaState: input.mfaState } : {}),
      }),
    getUser: (upn) => call('GET', u(upn)),
    listUsers: (q) => call('GET', `/users${qs(q)}`),
    updateUser: (upn, patch) => call('PATCH', u(upn), patch),
    deleteUser: async (upn) => {
      await call('DELETE', u(upn));
    },
    resetPassword: (upn) => call('POST', `${u(upn)}/reset-password`),
    setMfaState: async (upns, state) => {
      // One user named twice (any case) is one change, as on the server.
      const unique = [...new Map(upns.map((u) => [u.trim().toLowerCase(), u.trim()])).values()];
      const items = unique.map((p) => ({ userPrincipalName: p, state }));
      await call('POST', '/users/mfa-state', { items, allOrNothing: true });
      return Promise.all(unique.map((p) => admin.getUser(p)));
    },
    bulk: (input, dryRun) =>
      call('POST', '/users/mfa-state', {
        ...('csv' in input
          ? { csv: input.csv }
          : {
              items: input.items.map((i) => ({
                userPrincipalName: i.userPrincipalName,
                state: i.state,
              })),
            }),
        dryRun,
      }),
    methods: async (upn) => (await call<{ items: MethodView[] }>('GET', `${u(upn)}/methods`)).items,
    deleteMethod: async (upn, id) =>
      (await call<{ items: MethodView[] }>('DELETE', `${u(upn)}/methods/${encodeURIComponent(id)}`))
        .items,
    setDefaultMethod: async (upn, id) =>
      (
        await call<{ items: MethodView[] }>(
          'PUT',
          `${u(upn)}/methods/${encodeURIComponent(id)}/default`,
        )
      ).items,
    appPasswords: async (upn) =>
      (await call<{ items: AppPasswordView[] }>('GET', `${u(upn)}/app-passwords`)).items,
    userAction: async (action, upns) =>
      (
        await call<{ results: UserActionResult[] }>('POST', `/user-actions/${action}`, {
          users: upns,
        })
      ).results,
    settings: () => call('GET', '/settings'),
    changeSettings: (patch) => call('PATCH', '/settings', patch),
    signins: (q) => call('GET', `/signins${qs(q)}`),
    audit: (q) => call('GET', `/audit${qs(q)}`),
    createToken: (input) => call('POST', '/tokens', input),
    tokens: async () => (await call<{ items: ApiTokenView[] }>('GET', '/tokens')).items,
    revokeToken: async (id) => {
      await call('DELETE', `/tokens/${encodeURIComponent(id)}`);
    },
    createApp: (input) => call('POST', '/applications', input),
    createClient: (input) => call('POST', '/applications', { ...input, kind: 'oidc' }),
    apps: async () => (await call<{ items: ApplicationView[] }>('GET', '/applications')).items,
    app: (id) => call('GET', `/applications/${encodeURIComponent(id)}`),
    updateApp: (id, patch) => call('PATCH', `/applications/${encodeURIComponent(id)}`, patch),
    deleteApp: async (id) => {
      await call('DELETE', `/applications/${encodeURIComponent(id)}`);
    },
    newClientSecret: async (id) => {
      const { clientSecret } = await call<{ clientSecret: string }>(
        'POST',
        `/applications/${encodeURIComponent(id)}/secret`,
      );
      return { id, clientSecret };
    },
  };
  return admin;
}
