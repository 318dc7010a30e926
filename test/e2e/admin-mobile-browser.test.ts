// The admin portal on a phone (issue 19): on a 390×844 screen every admin page
// fits the screen's width — the document never scrolls sideways — over data like
// a real organisation's (long user names and display names, wide logs, JSON
// details, tokens, a directory). A full-page screenshot of each page is kept in
// test-artifacts/screenshots/mobile/ for a person to look at. Also: buttons do
// not touch, settings headings stand above their fields, and an apply shows one
// progress bar.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { recordSignin } from '../../src/flows/signin-log.ts';
import { createLogger } from '../../src/log.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp, createOidcApp } from '../../src/services/applications.ts';
import type { Actor } from '../../src/services/audit.ts';
import { createGroup } from '../../src/services/groups.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { setBlocked, setMfaState } from '../../src/services/user-admin.ts';
import { createUser } from '../../src/services/users.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { hasOathtool, oathtoolCode } from '../helpers/oathtool.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  startSlapd,
} from '../helpers/slapd.ts';

const skip =
  skipChromium || requireTool(hasOathtool, 'oathtool') || requireTool(slapdAvailable(), 'slapd');
const ADMIN = 'ada@contoso.com';
const ADMIN_SECRET = 'JBSWY3DPEHPK3PXP';
// Not Chromium's mobile emulation (isMobile): it zooms out of a page wider than
// the screen, and the window then is as wide as the page.
const PHONE = { width: 390, height: 844 };
const SHOTS = new URL('../../test-artifacts/screenshots/mobile/', import.meta.url).pathname;

// Names as long as real ones get: the user name (UPN) is at most 113 characters.
const DOMAIN = 'research-and-development.northwind-international.example';
const LONG_UPN = `maximilian.alexander.wolfeschlegelsteinhausen@${DOMAIN}`;
const PEOPLE: [upn: string, displayName: string][] = [
  [LONG_UPN, 'Maximilian Alexander Wolfeschlegelsteinhausenbergerdorff (Laboratory systems)'],
  [`anna-katharina.oberndorfer-lichtenstein@${DOMAIN}`, 'Anna-Katharina Oberndorfer-Lichtenstein'],
  [`svc-nightly-backup-verification-robot@${DOMAIN}`, 'svc-nightly-backup-verification-robot'],
  [`jean-baptiste.de-la-fontaine-desrosiers@${DOMAIN}`, 'Jean-Baptiste de la Fontaine-Desrosiers'],
  ['bo@contoso.com', 'Bo'],
  ['chandrasekhar.venkataraman@contoso.com', 'Chandrasekhar Venkataraman'],
  ['dolores.umbridge-featherstonehaugh@contoso.com', 'Dolores Umbridge-Featherstonehaugh'],
  ['eve@contoso.com', 'Eve Example'],
  ['fatima.al-zahrawi@contoso.com', 'Fatima al-Zahrawi'],
  ['gunnar.thorvaldsdottir-johannesson@contoso.com', 'Gunnar Thorvaldsdóttir-Jóhannesson'],
  ['sukru.caglayan-ozturk@contoso.com', 'Şükrü Çağlayan-Öztürk'],
  ['ingrid.bergstrom@contoso.com', 'Ingrid Bergström'],
];
const REDIRECT = `https://laboratory-information-system.${DOMAIN}/oauth2/callback/portcullis?tenant=northwind&return=%2Fdashboard%2Foverview`;

describe('admin portal on a 390×844 phone screen: every page fits, nothing touches', {
  skip,
}, () => {
  let db: TestDatabase;
  let slapd: Slapd;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let groupId = '';
  let webAppId = '';

  /** Fits the width (no sideways scroll of the document, nothing hidden to get there); screenshot kept. */
  async function fits(name: string) {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    const m = await page.evaluate(() => {
      const scrolls = (e: Element | null) => {
        for (; e && e !== document.body; e = e.parentElement)
          if (getComputedStyle(e).overflowX !== 'visible') return true;
        return false;
      };
      // Where the overflow starts, to say in the message: what sticks out while its
      // parent does not (and not inside a box that scrolls itself).
      const out = (e: Element | null) =>
        !!e && e.getBoundingClientRect().right > window.innerWidth + 0.5;
      const sticking = [...document.body.querySelectorAll('*')]
        .filter((e) => out(e) && !out(e.parentElement) && !scrolls(e.parentElement))
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${e.className}` : ''}`);
      // Nor does anything reach into the bar's or the page's margin (cramped at the edge).
      const margins = [...document.querySelectorAll('.admin-bar, .admin-main')].flatMap((box) => {
        const edge =
          box.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(box).paddingRight);
        const over = (e: Element | null) =>
          !!e && e !== box && e.getBoundingClientRect().right > edge + 0.5;
        return [...box.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().width > 1)
          .filter((e) => over(e) && !over(e.parentElement) && !scrolls(e.parentElement))
          .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`);
      });
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        hidden: [document.documentElement, document.body].some(
          (e) => getComputedStyle(e).overflowX !== 'visible',
        ),
        sticking,
        margins,
      };
    });
    assert.ok(
      m.scrollWidth <= m.innerWidth,
      `${name}: the page is ${m.scrollWidth} px wide on a ${m.innerWidth} px screen (wide: ${m.sticking.join(', ')})`,
    );
    assert.equal(m.hidden, false, `${name}: the page hides what is too wide instead of fitting`);
    assert.deepEqual(m.margins, [], `${name}: these reach into the margin`);
    await buttonsApart(name);
  }

  /** No button touches or overlaps another button or a link: at least 4 px between them. */
  async function buttonsApart(name: string) {
    const touching = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('button, a')]
        .map((e) => ({
          text: (e.textContent ?? '').trim(),
          button: e.matches('button, a.button-like, a.button'),
          r: e.getBoundingClientRect(),
        }))
        .filter(({ r }) => r.width > 1 && r.height > 1);
      const out: string[] = [];
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          if (!a.button && !b.button) continue;
          const dx = Math.max(0, b.r.left - a.r.right, a.r.left - b.r.right);
          const dy = Math.max(0, b.r.top - a.r.bottom, a.r.top - b.r.bottom);
          if (Math.max(dx, dy) < 4) out.push(`"${a.text}" and "${b.text}"`);
        }
      return out;
    });
    assert.deepEqual(touching, [], `${name}: buttons touch`);
  }

  const open = async (name: string, url: string) => {
    await page.goto(`${server.url}${url}`);
    await fits(name);
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const suffix = 'dc=research-and-development,dc=northwind-international,dc=example';
    slapd = await startSlapd({
      suffix,
      ldif: [
        `dn: ou=people,${suffix}\nobjectClass: organizationalUnit\nou: people\n`,
        person(suffix, {
          uid: 'konstantinos.papadopoulos-athanasiou',
          password: 'x password 1',
          mail: `konstantinos.papadopoulos-athanasiou@${DOMAIN}`,
          displayName: 'Konstantinos Papadopoulos-Athanasiou',
          mobile: '+30 694 123 4567',
          preferredLanguage: 'el',
        }),
        person(suffix, {
          uid: 'leonie',
          password: 'x password 1',
          mail: `leonie@${DOMAIN}`,
          displayName: 'Léonie Marchetti',
        }),
        person(suffix, { uid: 'meeting-room-display-without-mail', password: 'x password 1' }),
      ].join('\n'),
    });
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'first admin password',
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_BASE_DN: suffix,
      PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
      PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
      PORTCULLIS_DIRECTORY_TIMEOUT_MS: '2000',
      // Synced from the page only: its report then has changes to show.
      PORTCULLIS_DIRECTORY_SYNC_MINUTES: '0',
    });
    const ctx = createContext(db.config, { log: createLogger('silent') });
    try {
      await migrate(ctx.db, ctx.dialect);
      const actor: Actor = { name: ADMIN, ip: '2001:db8:85a3::8a2e:370:7334', personalData: true };
      const admin = await createUser(ctx, {
        upn: ADMIN,
        displayName: 'Ada Admin',
        password: 'ada password 1',
        isAdmin: true,
        mfaState: 'Enforced',
      });
      await addRegistration(ctx, admin.id, 'PhoneAppOTP', {
        ok: true,
        secret: ADMIN_SECRET,
        details: {},
      });
      await updateServiceSettings(ctx, {
        namedLocations: [
          '10.1.0.0/16 Prague office',
          '2001:db8:1234::/48 Research and development campus — building 7 (laboratories)',
        ],
        trustedIps: ['10.0.0.0/8', '2001:db8:1234:5678::/64'],
      });
      const wiki = await createOidcApp(
        ctx,
        {
          name: 'Laboratory information system (LIMS) — production',
          redirectUris: [REDIRECT, 'https://lims.contoso.com/callback'],
          postLogoutRedirectUris: [`https://laboratory-information-system.${DOMAIN}/signed-out`],
          requireMfa: true,
        },
        actor,
      );
      webAppId = wiki.application.id;
      await createOidcApp(ctx, { name: 'Nightly HR sync', machine: true }, actor);
      const mail = await createLegacyApp(
        ctx,
        {
          name: 'Mail server (IMAP and SMTP submission)',
          fronts: ['verify', 'ldap', 'radius'],
          radiusSecret: 'a radius secret of some length',
        },
        actor,
      );
      for (const [i, [upn, displayName]] of PEOPLE.entries()) {
        const u = await createUser(
          ctx,
          { upn, displayName, mfaState: (['Enforced', 'Enabled', 'Disabled'] as const)[i % 3] },
          actor,
        );
        if (i % 2 === 0)
          await addRegistration(ctx, u.id, 'PhoneAppOTP', {
            ok: true,
            secret: 'KRSXG5CTMVRXEZLU',
            details: {},
          });
        if (i % 4 === 0)
          await addRegistration(ctx, u.id, 'OneWaySMS', {
            ok: true,
            secret: '+420601999942',
            details: { masked: '+••••••••••42' },
          });
      }
      const long = (await ctx.stores.users.findByUpn(LONG_UPN))!;
      for (const name of [
        'Thunderbird on the kitchen laptop (Debian, with calendar sync)',
        'Printer scan-to-mail',
      ])
        await createAppPassword(ctx, long.id, { name, scopes: [mail.id] });
      await setBlocked(ctx, actor, PEOPLE[3]![0], true);
      await setMfaState(ctx, actor, [PEOPLE[4]![0], PEOPLE[5]![0]], 'Enforced');
      const group = await createGroup(ctx, actor, {
        displayName: 'Research and development — laboratory information systems administrators',
        description: 'Everyone who runs the LIMS and its instruments, on call included',
        members: PEOPLE.slice(0, 6).map(([upn]) => upn),
      });
      groupId = group.id;
      await createGroup(ctx, actor, { displayName: 'Finance', adminRole: true, members: [] });
      await createApiToken(ctx, actor, {
        name: 'Nightly HR provisioning from Workday (production tenant)',
        scope: 'read-write',
        rights: ['personal-data'],
      });
      await createApiToken(ctx, actor, { name: 'Monitoring', scope: 'read' });
      const results = ['success', 'failure', 'interrupted'] as const;
      for (let i = 0; i < 30; i++) {
        const [upn] = PEOPLE[i % PEOPLE.length]!;
        const result = results[i % 3]!;
        await recordSignin(ctx, {
          upn,
          userId: null,
          result,
          reason:
            result === 'success'
              ? 'MFA completed: Authenticator app notification approved with number matching'
              : result === 'failure'
                ? 'Wrong password (the 3rd in a row; the account locks after 10)'
                : 'MFA required: the user closed the page before answering',
          method: i % 2 ? 'PhoneAppOTP' : 'password',
          client: {
            ip: i % 2 ? `2001:db8:85a3:0:0:8a2e:370:${7000 + i}` : `198.51.100.${i}`,
            userAgent: 'Mozilla/5.0',
            application: i % 3 ? webAppId : mail.id,
          },
          front: (['browser', 'ldap', 'radius', 'verify'] as const)[i % 4],
        });
      }
    } finally {
      await ctx.db.destroy();
    }
    server = await startServerProcess(db.env);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: PHONE });
    // tsx compiles the functions given to page.evaluate with esbuild's keepNames,
    // which wraps named inner functions in a call to its __name helper: the page needs one.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Username').fill(ADMIN);
    await page.getByLabel('Password').fill('ada password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Code', { exact: true }).fill(oathtoolCode(ADMIN_SECRET, Date.now()));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
    await slapd?.close();
  });

  it('users: the list, a confirmation for the selected, a user, their confirmation, new and edit forms', async () => {
    await open('users', '/admin/users');
    await page.getByRole('checkbox', { name: /Select Maximilian/ }).check();
    await page.getByRole('checkbox', { name: /Select Anna-Katharina/ }).check();
    await page.getByRole('button', { name: 'Enforce', exact: true }).click();
    await page.getByRole('heading', { name: 'Please confirm' }).waitFor();
    await fits('users-confirm');
    const user = `/admin/users/${encodeURIComponent(LONG_UPN)}`;
    await open('user', user);
    await page.getByRole('button', { name: 'Reset password…' }).click();
    await page.getByRole('heading', { name: 'Please confirm' }).waitFor();
    await fits('user-confirm');
    await open('user-new', '/admin/users/new');
    await open('user-edit', `${user}/edit`);
  });

  it('import: the upload form, a preview, and an apply with one progress bar', async () => {
    await open('user-import', '/admin/users/import');
    const lines = ['UserPrincipalName,DisplayName,Mobile,Language,MFA Status,Email'];
    for (const [upn, name] of PEOPLE) lines.push(`${upn},${name} (imported),,en,Enforced,`);
    lines.push(
      `new.colleague.with.a.long.name@${DOMAIN},New Colleague,,de,Enabled,`,
      'not-a-user-name,Broken,,,,',
    );
    await page.getByLabel('CSV file').setInputFiles({
      name: 'users.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\r\n')),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    await fits('user-import-preview');
    await page.getByRole('button', { name: /^Apply \d+ changes/ }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    await fits('user-import-apply');
    assert.equal(await page.locator('progress:visible').count(), 1, 'import: one progress bar');
  });

  it('groups: the list and a group', async () => {
    await open('groups', '/admin/groups');
    await open('group', `/admin/groups/${encodeURIComponent(groupId)}`);
  });

  it('bulk update: the upload form, a preview, and an apply with one progress bar', async () => {
    await open('bulk', '/admin/bulk');
    const rows = PEOPLE.map(([upn], i) => `${upn},${i % 2 ? 'Enforced' : 'Disabled'}`);
    rows.push(`someone.who.left.last.year@${DOMAIN},Enforced`, `${LONG_UPN},Sometimes`);
    await page.getByLabel('CSV file').setInputFiles({
      name: 'mfa.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Username,MFA Status\r\n${rows.join('\r\n')}\r\n`),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    await fits('bulk-preview');
    await page.getByRole('button', { name: /^Apply \d+ changes/ }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    await fits('bulk-apply');
    assert.equal(
      await page.locator('progress:visible').count(),
      1,
      'bulk apply: one progress bar, not one per step',
    );
  });

  it('service settings and a method of the methods policy: fit, each heading stands above its first field, each field’s name above its box', async () => {
    for (const [name, path] of [
      ['settings', '/admin/settings'],
      ['methods-policy', '/admin/methods-policy'],
      ['methods-policy-voice', '/admin/methods-policy/voice'],
    ] as const) {
      await open(name, path);
      const misplaced = await page.evaluate(() =>
        [...document.querySelectorAll('form.settings fieldset')].flatMap((f) => {
          const legend = f.querySelector('legend')!.getBoundingClientRect();
          const first = f.querySelector('label, p');
          if (!first) return [];
          return legend.bottom <= first.getBoundingClientRect().top
            ? []
            : [f.querySelector('legend')!.textContent];
        }),
      );
      assert.deepEqual(misplaced, [], `${name}: these headings are not above their first label`);
      // A number or a list is typed under its name, not beside the name's last words.
      const beside = await page.evaluate(() =>
        [...document.querySelectorAll('form.settings label:not(.choice)')].flatMap((l) => {
          const text = document.createRange();
          text.selectNodeContents(l);
          text.setEndBefore(l.querySelector('input, textarea, select')!);
          const box = l.querySelector('input, textarea, select')!.getBoundingClientRect();
          return box.top >= text.getBoundingClientRect().bottom - 1
            ? []
            : [(l.textContent ?? '').trim().slice(0, 40)];
        }),
      );
      assert.deepEqual(beside, [], `${name}: these fields sit beside their names`);
    }
  });

  it('service settings → branding: fits', async () => {
    await open('branding', '/admin/settings/branding');
  });

  it('reports: the figures, users by registration, the charts, and the figures day by day', async () => {
    await open('reports', '/admin/reports');
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await fits('reports-figures');
  });

  it('logs: sign-ins and audit', async () => {
    await open('signins', '/admin/logs/signins');
    await open('audit', '/admin/logs/audit');
  });

  it('API tokens: the list, and a new token shown once', async () => {
    await open('tokens', '/admin/tokens');
    await page.getByLabel('Name (what it is for)').fill('Backup verification robot');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page
      .getByRole('heading', { name: /Token "Backup verification robot" created/ })
      .waitFor();
    await fits('token-created');
  });

  it('applications: the list and an application’s redirect URIs', async () => {
    await open('apps', '/admin/apps');
    await open('app', `/admin/apps/${encodeURIComponent(webAppId)}/uris`);
  });

  it('directory: the status, a connection test, a sync and its history', async () => {
    await open('directory', '/admin/directory');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('heading', { name: 'Connection works' }).waitFor();
    await fits('directory-test');
    await page.getByLabel(/Dry run/).check();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('heading', { name: /Dry run/ }).waitFor();
    await fits('directory-dry-run');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('heading', { name: 'Synced' }).waitFor();
    await fits('directory-sync');
    await open('users-with-directory', '/admin/users');
  });
});
