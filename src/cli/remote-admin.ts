// The command line's admin on a running instance: its admin REST API, with a token.
import { AppError, type ErrorCode, errorCodes, isAppError } from '../errors.ts';
import type { ApiTokenView } from '../services/api-tokens.ts';
import type { AppPasswordView } from '../services/app-passwords.ts';
import type { ApplicationView } from '../services/applications.ts';
import type { UserActionResult } from '../services/user-settings.ts';
import type { MethodView } from '../services/users.ts';
import type { Admin } from './admin.ts';

/** The admin REST API of a running Portcullis, with an admin API token. */
export function remoteAdmin(baseUrl: string, token: string): Admin {
  const base = `${baseUrl.replace(/\/+$/, '')}/api/v1`;
  const call = async <T>(method: string, path: string, body?: unknown, raw = false): Promise<T> => {
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
    if (raw) return text as T;
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
        ...(input.password !== undefined ? { password: input.password } : {}),
        ...(input.email !== undefined && input.email !== null ? { email: input.email } : {}),
        ...(input.mobile !== undefined && input.mobile !== null
          ? { mobilePhone: input.mobile }
          : {}),
        ...(input.invite ? { invite: true } : {}),
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.isAdmin !== undefined ? { isAdmin: input.isAdmin } : {}),
        ...(input.preferredLanguage !== undefined
          ? { preferredLanguage: input.preferredLanguage }
          : {}),
        ...(input.mfaState !== undefined ? { mfaState: input.mfaState } : {}),
      }),
    getUser: (upn) => call('GET', u(upn)),
    inviteUser: (upn) => call('POST', `${u(upn)}/invite`),
    mailbox: (q) => call('GET', `/mail${qs(q)}`),
    importUsers: (csv, opts) => call('POST', '/users/import', { csv, ...opts }),
    exportUsers: (q) => call<string>('GET', `/users/export${qs(q)}`, undefined, true),
    listUsers: (q) => call('GET', `/users${qs(q)}`),
    updateUser: (upn, { mobile, ...patch }) =>
      call('PATCH', u(upn), { ...patch, ...(mobile !== undefined ? { mobilePhone: mobile } : {}) }),
    deleteUser: async (upn) => {
      await call('DELETE', u(upn));
    },
    resetPassword: (upn) => call('POST', `${u(upn)}/reset-password`),
    dismissRisk: (upn) => call('POST', `${u(upn)}/dismiss-risk`),
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
    issuePass: (upn, input) => call('POST', `${u(upn)}/temporary-access-pass`, input),
    pass: async (upn) => {
      try {
        return await call('GET', `${u(upn)}/temporary-access-pass`);
      } catch (e) {
        // No pass is an answer here, not an error; an unknown user still is.
        if (isAppError(e) && e.code === 'not_found') return null;
        throw e;
      }
    },
    revokePass: async (upn) => {
      await call('DELETE', `${u(upn)}/temporary-access-pass`);
    },
    methodsPolicy: () => call('GET', '/methods-policy'),
    changeMethodPolicy: (method, patch) =>
      call('PATCH', `/methods-policy/${encodeURIComponent(method)}`, patch),
    signins: (q) => call('GET', `/signins${qs(q)}`),
    audit: (q) => call('GET', `/audit${qs(q)}`),
    createToken: (input) => call('POST', '/tokens', input),
    tokens: async () => (await call<{ items: ApiTokenView[] }>('GET', '/tokens')).items,
    revokeToken: async (id) => {
      await call('DELETE', `/tokens/${encodeURIComponent(id)}`);
    },
    createApp: (input) => call('POST', '/applications', input),
    // `device` only when asked for: a server from before it knows no such field.
    createClient: ({ device, ...input }) =>
      call('POST', '/applications', { ...input, ...(device ? { device } : {}), kind: 'oidc' }),
    createSamlApp: (input) => call('POST', '/applications', { ...input, kind: 'saml' }),
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
    newLdapServiceAccount: (id) =>
      call('POST', `/applications/${encodeURIComponent(id)}/ldap-service-account`),
    deleteLdapServiceAccount: (id) =>
      call('DELETE', `/applications/${encodeURIComponent(id)}/ldap-service-account`),
    setAppAccess: (id, access) =>
      call('PUT', `/applications/${encodeURIComponent(id)}/access`, access),
    directoryStatus: () => call('GET', '/directory'),
    directoryTest: (upn) => call('POST', '/directory/test', upn ? { upn } : {}),
    directorySync: (dryRun) => call('POST', '/directory/sync', { dryRun }),
    createGroup: (input) => call('POST', '/groups', input),
    groups: (q) => call('GET', `/groups${qs(q)}`),
    group: (ref) => call('GET', `/groups/${encodeURIComponent(ref)}`),
    updateGroup: (ref, patch) => call('PATCH', `/groups/${encodeURIComponent(ref)}`, patch),
    deleteGroup: async (ref) => {
      await call('DELETE', `/groups/${encodeURIComponent(ref)}`);
    },
    groupMembers: (ref, q) => call('GET', `/groups/${encodeURIComponent(ref)}/members${qs(q)}`),
    editGroupMembers: (ref, edit) =>
      call('POST', `/groups/${encodeURIComponent(ref)}/members`, edit),
    setGroupMfaState: (ref, state) =>
      call('POST', `/groups/${encodeURIComponent(ref)}/mfa-state`, { state }),
  };
  return admin;
}
