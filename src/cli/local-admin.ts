// The command line's admin on this machine's database: the services themselves.
import type { AppContext } from '../context.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.ts';
import { setAppAccess } from '../services/app-access.ts';
import { listAppPasswords } from '../services/app-passwords.ts';
import {
  createLegacyApp,
  createOidcApp,
  deleteApp,
  getApp,
  listApps,
  newClientSecret,
  updateApp,
} from '../services/applications.ts';
import type { Actor } from '../services/audit.ts';
import {
  createGroup,
  deleteGroup,
  editGroupMembers,
  getGroup,
  groupMembers,
  listGroups,
  setGroupMfaState,
  updateGroup,
} from '../services/groups.ts';
import {
  deleteLdapServiceAccount,
  newLdapServiceAccount,
} from '../services/ldap-service-accounts.ts';
import { listAudit, listSignins } from '../services/logs.ts';
import { changeMethodPolicy, getMethodsPolicy } from '../services/methods-policy.ts';
import { dismissRisk } from '../services/risk.ts';
import { createSamlApp } from '../services/saml-apps.ts';
import { getServiceSettings, updateServiceSettings } from '../services/settings.ts';
import {
  issueTemporaryAccessPass,
  revokeTemporaryAccessPass,
  temporaryAccessPassOf,
  withStartTime,
} from '../services/temporary-access-pass.ts';
import { deleteUser, resetPassword, setMfaState, updateUser } from '../services/user-admin.ts';
import {
  deleteAppPasswordsOf,
  deleteMethod,
  listMethods,
  resetMethods,
  restoreRememberedDevices,
  setDefaultMethod,
  unlockSignin,
} from '../services/user-settings.ts';
import { createUser, getUser, listUsers, requireUser } from '../services/users.ts';
import type { Admin } from './admin.ts';

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
    inviteUser: async (upn) =>
      (await import('../services/invitations.ts')).inviteUser(ctx, actor, upn),
    importUsers: async (csv, opts, progress) => {
      const { applyImport, parseImportCsv, previewImport } = await import(
        '../services/user-import.ts'
      );
      const items = parseImportCsv(csv);
      return opts.dryRun
        ? previewImport(ctx, items, progress?.check)
        : applyImport(ctx, actor, items, { invite: opts.invite }, progress);
    },
    exportUsers: async (q) =>
      (await import('../services/user-import.ts')).exportUsersCsv(ctx, actor, q),
    mailbox: async (q) => (await import('../mail/mailbox.ts')).listMailbox(ctx, actor, q),
    listUsers: (q) => listUsers(ctx, q, actor),
    updateUser: (upn, patch) => updateUser(ctx, actor, upn, patch),
    deleteUser: (upn) => deleteUser(ctx, actor, upn),
    resetPassword: (upn) => resetPassword(ctx, actor, upn),
    dismissRisk: async (upn) => ({
      dismissed: await dismissRisk(ctx, actor, upn),
      user: await getUser(ctx, upn, actor),
    }),
    setMfaState: (upns, state) => setMfaState(ctx, actor, upns, state),
    bulk: async (input, dryRun, progress) => {
      // The CSV reader loads for the one command that uses it.
      const { applyBulk, parseBulkCsv, previewBulk } = await import('../services/bulk-mfa.ts');
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
    issuePass: (upn, input) => issueTemporaryAccessPass(ctx, actor, upn, withStartTime(input)),
    pass: (upn) => temporaryAccessPassOf(ctx, upn),
    revokePass: (upn) => revokeTemporaryAccessPass(ctx, actor, upn),
    methodsPolicy: () => getMethodsPolicy(ctx),
    changeMethodPolicy: (method, patch) => changeMethodPolicy(ctx, method, patch, actor),
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
      return { ...application, ...(clientSecret === null ? {} : { clientSecret }) };
    },
    createSamlApp: (input) => createSamlApp(ctx, input, actor),
    apps: () => listApps(ctx),
    app: (id) => getApp(ctx, id),
    updateApp: (id, patch) => updateApp(ctx, id, patch, actor),
    deleteApp: (id) => deleteApp(ctx, id, actor),
    newClientSecret: async (id) => {
      const { application, clientSecret } = await newClientSecret(ctx, id, actor);
      return { id: application.id, clientSecret };
    },
    newLdapServiceAccount: async (id) => {
      const { dn, secret } = await newLdapServiceAccount(ctx, id, actor);
      return { dn, secret };
    },
    deleteLdapServiceAccount: (id) => deleteLdapServiceAccount(ctx, id, actor),
    setAppAccess: (id, access) => setAppAccess(ctx, id, access, actor),
    // (The directory's code, and its LDAP client, load only for these.)
    directoryStatus: async () => (await import('../directory/admin.ts')).getDirectoryStatus(ctx),
    directoryTest: async (upn) =>
      (await import('../directory/admin.ts')).runDirectoryTest(ctx, upn ? { upn } : {}),
    directorySync: async (dryRun, onProgress) =>
      (await import('../directory/admin.ts')).runDirectorySync(ctx, actor, {
        dryRun,
        trigger: 'cli',
        ...(onProgress ? { onProgress } : {}),
      }),
    createGroup: (input) => createGroup(ctx, actor, input),
    groups: (q) => listGroups(ctx, q),
    group: (ref) => getGroup(ctx, ref),
    updateGroup: (ref, patch) => updateGroup(ctx, actor, ref, patch),
    deleteGroup: (ref) => deleteGroup(ctx, actor, ref),
    groupMembers: (ref, q) => groupMembers(ctx, ref, q),
    editGroupMembers: (ref, edit) => editGroupMembers(ctx, actor, ref, edit),
    setGroupMfaState: (ref, state) => setGroupMfaState(ctx, actor, ref, state),
  };
}
