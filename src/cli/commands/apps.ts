import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { ApplicationView } from '../../services/applications.ts';
import { formatList, table } from '../format.ts';
import { print, withAdmin, withLocalContext } from '../run.ts';

/** The RADIUS modes (services/applications.ts radiusModes), checked here so both ends say the same. */
const RADIUS_MODES = ['app-password', 'mfa'];
function checkRadiusMode(mode: string | undefined): void {
  if (mode !== undefined && !RADIUS_MODES.includes(mode))
    throw new AppError('invalid_request', {
      detail: `Unknown RADIUS mode "${mode.slice(0, 40)}": use ${RADIUS_MODES.join(' or ')}.`,
    });
}

export function appCommands(program: Command): void {
  const app = program.command('app').description('Applications (relying parties)');

  app
    .command('add')
    .description(
      'Register an application. Legacy (--legacy): prints its id. OpenID Connect (--redirect-uri, --machine or --device): prints the client id and secret (once; a device client has none). SAML (--saml with --metadata, or --entity-id and --acs-url): prints its id.',
    )
    .requiredOption('--name <name>', 'what the application is')
    .option('--legacy', 'a legacy application (HTTP verify, forward-auth, LDAP, RADIUS)')
    .option('--fronts <list>', 'legacy: comma-separated fronts it may use (default: all)')
    .option(
      '--radius-secret <secret>',
      'legacy: RADIUS shared secret (the application is then a RADIUS client)',
    )
    .option(
      '--radius-mode <mode>',
      'legacy: app-password (default: an app password, or the account password where MFA allows) or mfa (the account password, then a second factor)',
    )
    .option(
      '--no-radius-message-authenticator',
      'legacy: also accept RADIUS requests without a Message-Authenticator (old clients; weaker)',
    )
    .option(
      '--redirect-uri <uri...>',
      'OpenID Connect: where to send people back (https; http only for localhost)',
    )
    .option(
      '--post-logout-redirect-uri <uri...>',
      'OpenID Connect: where signing out (RP-initiated logout) may send people back (same rules)',
    )
    .option(
      '--backchannel-logout-uri <uri>',
      'OpenID Connect: where it is told (Back-Channel Logout) when a session ends: sign-out, a block, a new password (same rules)',
    )
    .option('--saml', 'a SAML 2.0 service provider')
    .option(
      '--metadata <file-or-url>',
      "SAML: the service provider's metadata (a file, or an https URL)",
    )
    .option('--entity-id <id>', 'SAML, without metadata: its entity id')
    .option(
      '--acs-url <url...>',
      'SAML, without metadata: where responses are posted (the first is the default)',
    )
    .option('--slo-url <url>', 'SAML, without metadata: its Single Logout URL (HTTP-Redirect)')
    .option(
      '--signing-cert <file...>',
      'SAML: PEM certificate(s) its AuthnRequests are signed with (then unsigned ones are refused)',
    )
    .option(
      '--name-id-format <format>',
      'SAML: emailAddress (the UPN; default), persistent or transient',
    )
    .option('--sign <what>', 'SAML: what is signed: response, assertion or both (default)')
    .option(
      '--encrypt-assertion',
      "SAML: encrypt assertions to the metadata's encryption certificate",
    )
    .option(
      '--require-mfa',
      'OpenID Connect and SAML: everyone needs MFA here, whatever their state',
    )
    .option(
      '--strength <strength>',
      'OpenID Connect: the authentication strength it requires: none, mfa (as --require-mfa), passwordless or phishing-resistant (a passkey for both)',
    )
    .option('--first-party', 'OpenID Connect: our own application, no consent page')
    .option('--machine', 'OpenID Connect: a machine client (client credentials, no users)')
    .option(
      '--device',
      'OpenID Connect: a device client (command-line tools, TVs): its users sign in at /device with a code it shows; public, no secret',
    )
    .option(
      '--id-token-alg <alg>',
      'OpenID Connect: sign its ID tokens with RS256 (the default) or ES256',
    )
    .option(
      '--ldap-service-account',
      'legacy: make its LDAP service account for search-then-bind (DN and secret printed once)',
    )
    .option('--json', 'print JSON')
    .action(
      async (o: {
        name: string;
        legacy?: boolean;
        fronts?: string;
        radiusSecret?: string;
        radiusMode?: string;
        radiusMessageAuthenticator?: boolean;
        redirectUri?: string[];
        postLogoutRedirectUri?: string[];
        backchannelLogoutUri?: string;
        requireMfa?: boolean;
        strength?: string;
        firstParty?: boolean;
        machine?: boolean;
        device?: boolean;
        idTokenAlg?: string;
        ldapServiceAccount?: boolean;
        saml?: boolean;
        metadata?: string;
        entityId?: string;
        acsUrl?: string[];
        sloUrl?: string;
        signingCert?: string[];
        nameIdFormat?: string;
        sign?: string;
        encryptAssertion?: boolean;
        json?: boolean;
      }) => {
        const samlOnly = !!(
          o.metadata ||
          o.entityId ||
          o.acsUrl?.length ||
          o.sloUrl ||
          o.signingCert?.length ||
          o.nameIdFormat ||
          o.sign ||
          o.encryptAssertion
        );
        if (samlOnly && !o.saml)
          throw new AppError('invalid_request', {
            detail:
              '--metadata, --entity-id, --acs-url, --slo-url, --signing-cert, --name-id-format, --sign and --encrypt-assertion are for SAML applications (--saml).',
          });
        if (o.saml) return addSamlApp(o);
        const oidc = !!(
          o.redirectUri?.length ||
          o.postLogoutRedirectUri?.length ||
          o.backchannelLogoutUri ||
          o.machine ||
          o.device ||
          o.requireMfa ||
          o.strength ||
          o.firstParty ||
          o.idTokenAlg
        );
        checkRadiusMode(o.radiusMode);
        if (oidc && (o.radiusMode || o.radiusMessageAuthenticator === false))
          throw new AppError('invalid_request', {
            detail: '--radius-mode and --no-radius-message-authenticator are for --legacy.',
          });
        if (o.ldapServiceAccount && !o.legacy)
          throw new AppError('invalid_request', {
            detail: '--ldap-service-account is for legacy applications (--legacy).',
          });
        if (o.legacy === oidc)
          throw new AppError('invalid_request', {
            detail:
              'Say what kind of application it is: --legacy, or an OpenID Connect client with --redirect-uri URI (or --machine, or --device).',
          });
        if (o.legacy) {
          const created = await withAdmin((a) =>
            a.createApp({
              name: o.name,
              ...(o.fronts ? { fronts: o.fronts.split(',').map((f) => f.trim()) } : {}),
              ...(o.radiusSecret ? { radiusSecret: o.radiusSecret } : {}),
              ...(o.radiusMode ? { radiusMode: o.radiusMode } : {}),
              ...(o.radiusMessageAuthenticator === false
                ? { radiusMessageAuthenticator: false }
                : {}),
              ...(o.ldapServiceAccount ? { ldapServiceAccount: true } : {}),
            }),
          );
          const account = created.ldapServiceAccount;
          return print(!!o.json, created, () =>
            account ? `${created.id}\n${shownOnce(account)}` : created.id,
          );
        }
        const created = await withAdmin((a) =>
          a.createClient({
            name: o.name,
            redirectUris: o.redirectUri ?? [],
            postLogoutRedirectUris: o.postLogoutRedirectUri ?? [],
            ...(o.backchannelLogoutUri ? { backchannelLogoutUri: o.backchannelLogoutUri } : {}),
            requireMfa: !!o.requireMfa,
            ...(o.strength ? { strength: o.strength } : {}),
            firstParty: !!o.firstParty,
            machine: !!o.machine,
            device: !!o.device,
            ...(o.idTokenAlg ? { idTokenSigningAlg: o.idTokenAlg } : {}),
          }),
        );
        print(!!o.json, created, () =>
          created.clientSecret === undefined
            ? `client_id:     ${created.id}\n(A public client: no secret. Its users sign in at /device with the code it shows.)`
            : `client_id:     ${created.id}\nclient_secret: ${created.clientSecret}\n(Store the secret now: it is shown only once.)`,
        );
      },
    );

  app
    .command('list')
    .description('List applications')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const apps = await withAdmin((a) => a.apps());
      print(!!o.json, apps, () =>
        table(
          [
            'Id',
            'Name',
            'Kind',
            'Fronts',
            'Radius',
            'RedirectUris',
            'PostLogoutRedirectUris',
            'Strength',
          ],
          apps.map((a) => [
            a.id,
            a.name,
            a.kind,
            a.fronts.join(','),
            a.hasRadiusSecret ? (a.radiusMode === 'mfa' ? 'yes (mfa)' : 'yes') : '',
            a.redirectUris.join(' '),
            a.postLogoutRedirectUris.join(' '),
            a.strength === 'none' ? '' : a.strength,
          ]),
        ),
      );
    });

  app
    .command('get <id>')
    .description('Show one application')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const found = await withAdmin((a) => a.app(id));
      print(!!o.json, found, () => formatApp(found));
    });

  app
    .command('set <id>')
    .description(
      "Change an OpenID Connect client's redirect URIs, post-logout redirect URIs (the URIs given replace the old ones), ID token signing algorithm or strength; a legacy application's RADIUS settings, who may use it (--groups, --all-users), or its LDAP service account",
    )
    .option(
      '--groups <list>',
      'legacy: only members of these groups (comma-separated names; replaces the list) may use it',
    )
    .option('--all-users', 'legacy: every user may use it (no group needed)')
    .option(
      '--ldap-service-account',
      'legacy: make (or replace) its LDAP service account; DN and secret printed once',
    )
    .option('--redirect-uri <uri...>', 'where to send people back after signing in')
    .option(
      '--post-logout-redirect-uri <uri...>',
      'where signing out (RP-initiated logout) may send people back',
    )
    .option('--no-post-logout-redirect-uri', 'remove every post-logout redirect URI')
    .option('--backchannel-logout-uri <uri>', 'where it is told when a session ends')
    .option('--no-backchannel-logout-uri', 'tell it nothing when sessions end')
    .option('--id-token-alg <alg>', 'sign its ID tokens with RS256 or ES256')
    .option(
      '--strength <strength>',
      'the authentication strength it requires: none, mfa, passwordless or phishing-resistant',
    )
    .option('--radius-mode <mode>', 'legacy: app-password or mfa')
    .option(
      '--radius-message-authenticator <required>',
      'legacy: yes (drop RADIUS requests without a Message-Authenticator) or no (accept them: old clients)',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        o: {
          redirectUri?: string[];
          postLogoutRedirectUri?: string[] | false;
          backchannelLogoutUri?: string | false;
          idTokenAlg?: string;
          strength?: string;
          radiusMode?: string;
          radiusMessageAuthenticator?: string;
          groups?: string;
          allUsers?: boolean;
          ldapServiceAccount?: boolean;
          json?: boolean;
        },
      ) => {
        if (o.groups !== undefined && o.allUsers)
          throw new AppError('invalid_request', {
            detail: 'Give either --groups or --all-users.',
          });
        checkRadiusMode(o.radiusMode);
        const ma = o.radiusMessageAuthenticator?.toLowerCase();
        if (ma !== undefined && ma !== 'yes' && ma !== 'no')
          throw new AppError('invalid_request', {
            detail: '--radius-message-authenticator takes yes or no.',
          });
        const settings =
          o.redirectUri !== undefined ||
          o.postLogoutRedirectUri !== undefined ||
          o.backchannelLogoutUri !== undefined ||
          o.idTokenAlg !== undefined ||
          o.strength !== undefined ||
          o.radiusMode !== undefined ||
          ma !== undefined;
        const access = o.groups !== undefined || !!o.allUsers || !!o.ldapServiceAccount;
        if (settings && access)
          throw new AppError('invalid_request', {
            detail:
              'Change who may use it (--groups, --all-users) or its LDAP service account in a command of its own.',
          });
        if (access) return setLegacy(id, o);
        if (!settings)
          throw new AppError('invalid_request', {
            detail:
              'Say what to change: --redirect-uri URI, --post-logout-redirect-uri URI, --no-post-logout-redirect-uri, --backchannel-logout-uri URI, --no-backchannel-logout-uri, --id-token-alg ALG, --strength STRENGTH, --radius-mode MODE or --radius-message-authenticator yes|no; --groups LIST, --all-users or --ldap-service-account.',
          });
        const changed = await withAdmin((a) =>
          a.updateApp(id, {
            ...(o.redirectUri ? { redirectUris: o.redirectUri } : {}),
            ...(o.postLogoutRedirectUri !== undefined
              ? { postLogoutRedirectUris: o.postLogoutRedirectUri || [] }
              : {}),
            ...(o.backchannelLogoutUri !== undefined
              ? { backchannelLogoutUri: o.backchannelLogoutUri || null }
              : {}),
            ...(o.idTokenAlg ? { idTokenSigningAlg: o.idTokenAlg } : {}),
            ...(o.strength !== undefined ? { strength: o.strength } : {}),
            ...(o.radiusMode !== undefined ? { radiusMode: o.radiusMode } : {}),
            ...(ma !== undefined ? { radiusMessageAuthenticator: ma === 'yes' } : {}),
          }),
        );
        print(!!o.json, changed, () => formatApp(changed));
      },
    );

  app
    .command('remove <id>')
    .description(
      "Delete an application: an OpenID Connect client's grants and tokens stop working at once, and app passwords for it alone are deleted",
    )
    .requiredOption('--yes', 'yes, delete (there is no undo)')
    .action(async (id: string) => {
      await withAdmin((a) => a.deleteApp(id));
      console.log(`Deleted application ${id}.`);
    });

  app
    .command('ldap-service-account <id>')
    .description(
      "Make (or replace) a legacy application's LDAP service account for search-then-bind, printed once; --remove deletes it",
    )
    .option(
      '--remove',
      'delete the service account (applications binding with it stop finding users)',
    )
    .option('--json', 'print JSON')
    .action(async (id: string, o: { remove?: boolean; json?: boolean }) => {
      if (o.remove) {
        const changed = await withAdmin((a) => a.deleteLdapServiceAccount(id));
        return print(!!o.json, changed, () => `Deleted the LDAP service account of ${id}.`);
      }
      const account = await withAdmin((a) => a.newLdapServiceAccount(id));
      print(!!o.json, account, () => shownOnce(account));
    });

  app
    .command('secret <id>')
    .description(
      'Give an OpenID Connect client a new client secret, printed once; the old one stops working at once',
    )
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const rotated = await withAdmin((a) => a.newClientSecret(id));
      print(
        !!o.json,
        rotated,
        () =>
          `client_id:     ${rotated.id}\nclient_secret: ${rotated.clientSecret}\n(Store the secret now: it is shown only once.)`,
      );
    });
}

/** A service account's DN and secret, as printed once. */
const shownOnce = (a: { dn: string; secret: string }) =>
  `bind_dn:       ${a.dn}\nbind_password: ${a.secret}\n(Store the secret now: it is shown only once.)`;

/** `app set` for a legacy application: who may use it, then its service account. */
async function setLegacy(
  id: string,
  o: { groups?: string; allUsers?: boolean; ldapServiceAccount?: boolean; json?: boolean },
) {
  let changed: ApplicationView | undefined;
  if (o.groups !== undefined || o.allUsers) {
    const groups = (o.groups ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    changed = await withAdmin((a) =>
      a.setAppAccess(id, o.allUsers ? { allUsers: true } : { groups }),
    );
  }
  const account = o.ldapServiceAccount
    ? await withAdmin((a) => a.newLdapServiceAccount(id))
    : undefined;
  const out = { ...(changed ?? {}), ...(account ? { ldapServiceAccount: account } : {}) };
  print(!!o.json, out, () =>
    [changed ? formatApp(changed) : '', account ? shownOnce(account) : '']
      .filter(Boolean)
      .join('\n'),
  );
}

/** `app add --saml`: the metadata read here (a file, or fetched), then registered like any other. */
async function addSamlApp(o: {
  name: string;
  legacy?: boolean;
  metadata?: string;
  entityId?: string;
  acsUrl?: string[];
  sloUrl?: string;
  signingCert?: string[];
  nameIdFormat?: string;
  sign?: string;
  encryptAssertion?: boolean;
  requireMfa?: boolean;
  strength?: string;
  redirectUri?: string[];
  machine?: boolean;
  device?: boolean;
  fronts?: string;
  radiusSecret?: string;
  firstParty?: boolean;
  json?: boolean;
}): Promise<void> {
  if (
    o.legacy ||
    o.redirectUri?.length ||
    o.machine ||
    o.device ||
    o.fronts ||
    o.radiusSecret ||
    o.firstParty
  )
    throw new AppError('invalid_request', {
      detail:
        'A SAML application (--saml) takes --metadata or --entity-id and --acs-url, and SAML options; not legacy or OpenID Connect ones.',
    });
  const { readFile } = await import('node:fs/promises');
  const text = async (source: string, what: string) => {
    try {
      return await readFile(source, 'utf8');
    } catch {
      throw new AppError('invalid_request', {
        detail: `Cannot read the ${what} file "${source.slice(0, 200)}".`,
      });
    }
  };
  const metadata =
    o.metadata === undefined
      ? undefined
      : /^https?:\/\//i.test(o.metadata)
        ? await fetchMetadata(o.metadata)
        : await text(o.metadata, 'metadata');
  const certs = o.signingCert
    ? await Promise.all(o.signingCert.map((f) => text(f, 'certificate')))
    : undefined;
  const created = await withAdmin((a) =>
    a.createSamlApp({
      name: o.name,
      ...(metadata !== undefined ? { metadata } : {}),
      ...(o.entityId ? { entityId: o.entityId } : {}),
      ...(o.acsUrl ? { acsUrls: o.acsUrl } : {}),
      ...(o.sloUrl ? { sloUrl: o.sloUrl } : {}),
      ...(certs ? { signingCertificates: certs } : {}),
      ...(o.nameIdFormat ? { nameIdFormat: o.nameIdFormat } : {}),
      ...(o.sign ? { sign: o.sign } : {}),
      ...(o.encryptAssertion ? { encryptAssertion: true } : {}),
      requireMfa: !!o.requireMfa,
      ...(o.strength ? { strength: o.strength } : {}),
    }),
  );
  print(!!o.json, created, () => created.id);
}

/** A service provider's metadata from its URL: https (http only for localhost), 10 s, 60 KB at most. */
async function fetchMetadata(url: string): Promise<string> {
  const u = new URL(url);
  if (u.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname))
    throw new AppError('invalid_request', {
      detail: 'Metadata URLs use https (http only for localhost).',
    });
  let res: Response;
  try {
    res = await fetch(u, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
  } catch {
    throw new AppError('invalid_request', {
      detail: `The metadata could not be fetched from ${u.origin}.`,
    });
  }
  const body = await res.text();
  if (!res.ok)
    throw new AppError('invalid_request', { detail: `The metadata URL answered ${res.status}.` });
  if (body.length > 60_000)
    throw new AppError('invalid_request', { detail: 'The metadata is larger than 60 KB.' });
  return body;
}

/** One application, as `Get-… | fl` lays it out. */
const formatApp = (a: ApplicationView) =>
  formatList({
    Id: a.id,
    Name: a.name,
    Kind: a.kind,
    CreatedAt: a.createdAt,
    ...(a.saml
      ? {
          EntityId: a.saml.entityId,
          AcsUrls: a.saml.acsUrls,
          SloUrls: a.saml.sloUrls,
          NameIdFormat: a.saml.nameIdFormat,
          Signed: a.saml.sign,
          EncryptAssertion: a.saml.encryptAssertion,
          WantRequestsSigned: a.saml.wantRequestsSigned,
          RequireMfa: a.requireMfa,
          Strength: a.strength,
        }
      : a.kind === 'legacy'
        ? {
            Fronts: a.fronts,
            HasRadiusSecret: a.hasRadiusSecret,
            RadiusMode: a.radiusMode,
            RadiusMessageAuthenticator: a.radiusMessageAuthenticator ? 'required' : 'optional',
            HasLdapServiceAccount: a.hasLdapServiceAccount,
            UsedBy: !a.assignmentRequired
              ? 'all users'
              : a.groups.length
                ? a.groups.map((g) => `group ${g}`)
                : 'no one (its groups were deleted)',
          }
        : {
            RedirectUris: a.redirectUris,
            PostLogoutRedirectUris: a.postLogoutRedirectUris,
            BackchannelLogoutUri: a.backchannelLogoutUri ?? '',
            GrantTypes: a.grantTypes,
            HasClientSecret: a.hasClientSecret,
            RequireMfa: a.requireMfa,
            Strength: a.strength,
            FirstParty: a.firstParty,
            IdTokenSigningAlg: a.idTokenSigningAlg,
          }),
  });

export function outboxCommands(program: Command): void {
  const outbox = program
    .command('outbox')
    .description(
      'The built-in telephony outbox: texts and calls sent (PORTCULLIS_TELEPHONY=outbox)',
    )
    .option('--number <e164>', 'only this phone number (E.164, e.g. +420601123456)')
    .option('--limit <n>', 'how many, newest first', '20')
    .option('--json', 'print JSON')
    .action(async (o: { number?: string; limit: string; json?: boolean }) => {
      const limit = Number.parseInt(o.limit, 10);
      if (!Number.isInteger(limit) || limit < 1)
        throw new AppError('invalid_request', { detail: '--limit must be a positive number.' });
      const { listOutbox } = await import('../../services/outbox.ts');
      const entries = await withLocalContext((ctx) =>
        listOutbox(ctx, { limit, ...(o.number ? { number: o.number } : {}) }),
      );
      print(!!o.json, entries, () =>
        table(
          ['Id', 'Kind', 'To', 'Status', 'Sent', 'Text'],
          entries.map((e) => [
            e.id,
            e.kind,
            e.to + (e.extension ? ` x${e.extension}` : ''),
            e.status,
            e.createdAt,
            e.text,
          ]),
        ),
      );
    });

  outbox
    .command('answer <callId>')
    .description(
      "Answer a ringing call: --keys '#' approves, --keys '0#' reports fraud, --hang-up declines",
    )
    .option('--keys <keys>', 'keys pressed on the phone')
    .option('--hang-up', 'hang up without pressing anything')
    .option('--json', 'print JSON')
    .action(async (callId: string, o: { keys?: string; hangUp?: boolean; json?: boolean }) => {
      if (!o.keys === !o.hangUp)
        throw new AppError('invalid_request', {
          detail: "Give either --keys '#' (or '0#') or --hang-up.",
        });
      const { answerCall } = await import('../../services/outbox.ts');
      const answered = await withLocalContext((ctx) =>
        answerCall(ctx, callId, o.hangUp ? { hangUp: true } : { keys: o.keys! }),
      );
      print(!!o.json, answered, () => `Call ${answered.id} to ${answered.to}: ${answered.status}`);
    });
}

export function keyCommands(program: Command): void {
  program
    .command('keys')
    .description('Signing keys (OpenID Connect and SAML)')
    .command('rotate')
    .description(
      'Make new signing keys. OpenID Connect: the new keys sign at once, the old stay published until the tokens they signed expire. SAML: the new key is published in the metadata at once and signs only after --saml-switch-in days (service providers read the metadata from a file: give them the new one first); the old key stays published a week longer',
    )
    .option(
      '--saml-switch-in <days>',
      'SAML: days until the new key signs (0: at once, e.g. after a compromise)',
      '7',
    )
    .option('--json', 'print JSON')
    .action(async (o: { samlSwitchIn: string; json?: boolean }) => {
      const days = Number(o.samlSwitchIn);
      if (!Number.isFinite(days) || days < 0 || days > 365)
        throw new AppError('invalid_request', {
          detail: '--saml-switch-in is a number of days from 0 to 365.',
        });
      const [{ rotateSigningKeys }, { rotateSamlKey, DAY_MS }, { cliActor }] = await Promise.all([
        import('../../oidc/keys.ts'),
        import('../../saml/keys.ts'),
        import('../../services/audit.ts'),
      ]);
      const rotated = await withLocalContext(async (ctx) => ({
        ...(await rotateSigningKeys(ctx, cliActor())),
        saml: await rotateSamlKey(ctx, cliActor(), days * DAY_MS),
      }));
      print(
        !!o.json,
        rotated,
        () =>
          `New signing keys: ${Object.entries(rotated.kids)
            .map(([alg, kid]) => `${kid} (${alg})`)
            .join(
              ', ',
            )}.\nNew SAML signing key ${rotated.saml.kid}: in the metadata now, signing from ${rotated.saml.signsFrom}${days > 0 ? ' (give service providers the metadata before then)' : ''}.`,
      );
    });
}
