// The MFA-state × credential table of the legacy fronts (issue 4, Microsoft's
// rules), seeded once and run against every front and mode (issue 20) — HTTP
// verify (one process and two workers), forward-auth, LDAP (in the clear, over
// StartTLS, search-then-bind) and RADIUS (app-password and mfa mode) — so the
// fronts cannot drift apart.
import assert from 'node:assert/strict';
import type { AppContext } from '../../src/context.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { setBlocked } from '../../src/services/user-admin.ts';
import { createUser } from '../../src/services/users.ts';

export const MATRIX_PASSWORD = 'matrix account password 1';
export const MATRIX_RADIUS_SECRETS = {
  main: 'matrix-main-secret-0001',
  other: 'matrix-other-secret-02',
};

export interface MatrixCase {
  title: string;
  upn: string;
  secret: string;
  /** The application the front names: the one every password is for, or another. */
  app: 'main' | 'other';
  accept: boolean;
  /** The reason the sign-in log must give for a refusal. */
  reason?: RegExp;
}

/** A sign-in log entry a case must leave. */
export interface LoggedEntry {
  result: 'success' | 'failure' | 'interrupted';
  reason?: RegExp;
}

export interface LegacyMatrix {
  apps: { main: string; other: string };
  /** The applications' LDAP service accounts (search-then-bind), when the seed asked for them. */
  serviceAccounts: { main: ServiceAccount; other: ServiceAccount } | null;
  cases: MatrixCase[];
  /**
   * Asserts that every case left its sign-in log entries (by default one, with
   * the case's result and reason; `expect` names others, e.g. for RADIUS mfa
   * mode) with the front and application — and that the table left no others.
   */
  assertLogged(
    ctx: AppContext,
    front: string,
    expect?: (c: MatrixCase) => LoggedEntry[],
  ): Promise<void>;
}

interface ServiceAccount {
  dn: string;
  secret: string;
}

/** The authenticator-app secret of the table's users with a registered method (Enabled after proof-up, Enforced). */
export const MATRIX_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const TOTP = { ok: true as const, secret: MATRIX_TOTP_SECRET, details: {} };

export interface MatrixOptions {
  /** Both applications' RADIUS mode (default `app-password`). */
  radiusMode?: 'app-password' | 'mfa';
  /** Give both applications an LDAP service account (search-then-bind). */
  ldapServiceAccounts?: boolean;
}

/** Creates the users, applications and app passwords of the table (UPNs get `prefix`). */
export async function seedLegacyMatrix(
  ctx: AppContext,
  prefix: string,
  opts: MatrixOptions = {},
): Promise<LegacyMatrix> {
  const app = (name: string, radiusSecret: string) =>
    createLegacyApp(ctx, {
      name,
      radiusSecret,
      ...(opts.radiusMode ? { radiusMode: opts.radiusMode } : {}),
      ...(opts.ldapServiceAccounts ? { ldapServiceAccount: true } : {}),
    });
  const main = await app('Matrix main', MATRIX_RADIUS_SECRETS.main);
  const other = await app('Matrix other', MATRIX_RADIUS_SECRETS.other);
  const apps = { main: main.id, other: other.id };
  const serviceAccounts =
    main.ldapServiceAccount && other.ldapServiceAccount
      ? { main: main.ldapServiceAccount, other: other.ldapServiceAccount }
      : null;
  const upn = (name: string) => `${prefix}-${name}@matrix.example`;
  const user = async (
    name: string,
    mfaState: 'Disabled' | 'Enabled' | 'Enforced',
    opts: { registered?: boolean; blocked?: boolean } = {},
  ) => {
    const u = await createUser(ctx, { upn: upn(name), password: MATRIX_PASSWORD, mfaState });
    if (opts.registered) await addRegistration(ctx, u.id, 'PhoneAppOTP', TOTP);
    if (opts.blocked) await setBlocked(ctx, cliActor(), u.userPrincipalName, true);
    const unscoped = (await createAppPassword(ctx, u.id, { name: 'Any program' })).password;
    return { id: u.id, upn: u.userPrincipalName, unscoped };
  };
  const dis = await user('disabled', 'Disabled');
  const ena = await user('enabled', 'Enabled');
  const proofed = await user('proofed', 'Enabled', { registered: true });
  const enf = await user('enforced', 'Enforced', { registered: true });
  const blk = await user('blocked', 'Disabled', { blocked: true });
  const scoped = (await createAppPassword(ctx, enf.id, { name: 'Main only', scopes: [apps.main] }))
    .password;
  const expiring = await createAppPassword(ctx, enf.id, {
    name: 'Expired',
    expiresAt: ctx.clock.now() + 60_000,
  });
  await ctx.db
    .updateTable('app_passwords')
    .set({ expires_at: ctx.clock.now() - 1 })
    .where('id', '=', expiring.appPassword.id)
    .execute();

  const mfaRequired =
    /^MFA required: the account password is right, but this user needs an app password here$/;
  const cases: MatrixCase[] = [
    {
      title: 'Disabled, account password',
      upn: dis.upn,
      secret: MATRIX_PASSWORD,
      app: 'main',
      accept: true,
    },
    {
      title: 'Disabled, app password',
      upn: dis.upn,
      secret: dis.unscoped,
      app: 'main',
      accept: true,
    },
    {
      title: 'Enabled before proof-up, account password',
      upn: ena.upn,
      secret: MATRIX_PASSWORD,
      app: 'main',
      accept: true,
    },
    {
      title: 'Enabled before proof-up, app password',
      upn: ena.upn,
      secret: ena.unscoped,
      app: 'main',
      accept: true,
    },
    {
      title: 'Enabled after proof-up, account password',
      upn: proofed.upn,
      secret: MATRIX_PASSWORD,
      app: 'main',
      accept: false,
      reason: mfaRequired,
    },
    {
      title: 'Enabled after proof-up, app password',
      upn: proofed.upn,
      secret: proofed.unscoped,
      app: 'main',
      accept: true,
    },
    {
      title: 'Enforced, account password',
      upn: enf.upn,
      secret: MATRIX_PASSWORD,
      app: 'main',
      accept: false,
      reason: mfaRequired,
    },
    {
      title: 'Enforced, app password',
      upn: enf.upn,
      secret: enf.unscoped,
      app: 'main',
      accept: true,
    },
    {
      title: 'Enforced, app password scoped to this application',
      upn: enf.upn,
      secret: scoped,
      app: 'main',
      accept: true,
    },
    {
      title: 'Enforced, app password scoped to another application',
      upn: enf.upn,
      secret: scoped,
      app: 'other',
      accept: false,
      reason: /is not for app-/,
    },
    {
      title: 'Enforced, expired app password',
      upn: enf.upn,
      secret: expiring.password,
      app: 'main',
      accept: false,
      reason: /has expired/,
    },
    {
      title: 'Enforced, wrong password',
      upn: enf.upn,
      secret: 'not the password',
      app: 'main',
      accept: false,
      // The helpdesk tells a mistyped password from a right one refused for MFA.
      reason: /^wrong password$/,
    },
    {
      title: 'Disabled, wrong password',
      upn: dis.upn,
      secret: 'not the password',
      app: 'main',
      accept: false,
      reason: /^wrong password$/,
    },
    {
      title: 'blocked, account password',
      upn: blk.upn,
      secret: MATRIX_PASSWORD,
      app: 'main',
      accept: false,
      reason: /blocked/,
    },
    {
      title: 'blocked, app password',
      upn: blk.upn,
      secret: blk.unscoped,
      app: 'main',
      accept: false,
      reason: /blocked/,
    },
    {
      title: 'unknown user',
      upn: upn('nobody'),
      secret: MATRIX_PASSWORD,
      app: 'main',
      accept: false,
      reason: /^unknown user$/,
    },
  ];

  const byDefault = (c: MatrixCase): LoggedEntry[] => [
    { result: c.accept ? 'success' : 'failure', ...(c.reason ? { reason: c.reason } : {}) },
  ];

  return {
    apps,
    serviceAccounts,
    cases,
    async assertLogged(ctx, front, expect = byDefault) {
      const rows = await ctx.db
        .selectFrom('signin_log')
        .select(['upn', 'result', 'reason', 'application'])
        .where('front', '=', front)
        .where('upn', 'like', `${prefix}-%`)
        .execute();
      for (const c of cases) {
        const application = apps[c.app];
        for (const e of expect(c)) {
          const hit = rows.findIndex(
            (r) =>
              r.upn.toLowerCase() === c.upn.toLowerCase() &&
              r.application === application &&
              r.result === e.result &&
              (!e.reason || e.reason.test(r.reason)),
          );
          assert.ok(
            hit >= 0,
            `no ${front} log entry ${e.result} ${e.reason ?? ''} for "${c.title}"`,
          );
          rows.splice(hit, 1);
        }
      }
      // A front that logged twice, or logged what it refused before looking (StartTLS required).
      assert.deepEqual(rows, [], `${front} log entries the table did not make`);
    },
  };
}

/** The "app passwords turned off" row: an otherwise good app password is refused. */
export function appPasswordsOffCase(m: LegacyMatrix): MatrixCase {
  const good = m.cases.find((c) => c.title === 'Enforced, app password')!;
  return { ...good, title: 'app passwords turned off', accept: false };
}
