import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors.ts';
import { APP_STRENGTHS, type AppStrength } from '../../policy/strength.ts';
import { NAMEID_FORMATS, type NameIdFormat } from '../../saml/constants.ts';
import { setAppAccess } from '../../services/app-access.ts';
import {
  createLegacyApp,
  createOidcApp,
  deleteApp,
  getApp,
  listApps,
  newClientSecret,
  updateApp,
} from '../../services/applications.ts';
import {
  deleteLdapServiceAccount,
  newLdapServiceAccount,
} from '../../services/ldap-service-accounts.ts';
import { createSamlApp, SAML_SIGN_MODES } from '../../services/saml-apps.ts';
import { ID_TOKEN_ALGS } from '../../services/signing-algs.ts';
import type { HttpEnv } from '../env.ts';
import { actorOf } from './auth.ts';
import { route } from './route.ts';
import { problemResponses } from './schemas.ts';

const FrontSchema = z.enum(['verify', 'forward-auth', 'ldap', 'radius']);
const IdTokenAlgSchema = z.enum(ID_TOKEN_ALGS);
/** Checked by the service, which says what it takes. */
const AlgInput = z
  .string()
  .max(20)
  .optional()
  .openapi({ description: 'RS256 (the default) or ES256', example: 'ES256' });
const RadiusModeSchema = z.enum(['app-password', 'mfa']).openapi({
  description:
    'Legacy applications on the RADIUS front: app-password (an app password, or the account password where the MFA state allows) or mfa (the account password, then a second factor: Access-Challenge for a code, or an approval on the phone)',
});
const RadiusMessageAuthenticatorSchema = z.boolean().openapi({
  description:
    'Legacy applications: true drops RADIUS requests without a Message-Authenticator (Blast-RADIUS, CVE-2024-3596); false accepts them from old clients',
});
const StrengthSchema = z.enum(APP_STRENGTHS as [AppStrength, ...AppStrength[]]).openapi({
  description:
    "The authentication strength the application requires (OpenID Connect clients): none (the user's own MFA state decides), mfa, passwordless or phishing-resistant (a passkey for both); its sign-ins step up to it, and the ID token's acr names it",
});

const SamlSchema = z
  .object({
    entityId: z.string(),
    acsUrls: z
      .array(z.string())
      .openapi({ description: 'Where responses may be posted (HTTP-POST)' }),
    sloUrls: z.array(z.string()),
    nameIdFormat: z.enum(NAMEID_FORMATS as [NameIdFormat, ...NameIdFormat[]]),
    sign: z.enum(SAML_SIGN_MODES),
    encryptAssertion: z.boolean(),
    wantRequestsSigned: z.boolean().openapi({
      description: 'Unsigned AuthnRequests (or ones not signed by its certificates) are refused',
    }),
    signingCertificates: z.number().int(),
  })
  .openapi('SamlServiceProvider');

const ApplicationSchema = z
  .object({
    id: z.string().openapi({ description: 'Also the OpenID Connect client_id' }),
    name: z.string(),
    kind: z.enum(['legacy', 'oidc', 'saml']),
    fronts: z.array(FrontSchema),
    hasRadiusSecret: z.boolean(),
    createdAt: z.string(),
    redirectUris: z.array(z.string()),
    postLogoutRedirectUris: z.array(z.string()).openapi({
      description:
        'Where RP-initiated logout (/oidc/session/end) may send people back; empty for legacy applications and machine clients',
    }),
    grantTypes: z.array(z.string()),
    backchannelLogoutUri: z.string().nullable().openapi({
      description:
        'Web clients: where OpenID Connect Back-Channel Logout tokens are posted when a session ends (sign-out, a block, a new password); null: none',
    }),
    hasClientSecret: z
      .boolean()
      .openapi({ description: 'A confidential OpenID Connect client (it has a client secret)' }),
    requireMfa: z.boolean().openapi({
      description: 'Everyone needs MFA for it: its strength is not `none`',
    }),
    strength: StrengthSchema,
    firstParty: z.boolean(),
    idTokenSigningAlg: IdTokenAlgSchema.openapi({
      description: 'How ID tokens for this OpenID Connect client are signed',
    }),
    radiusMode: RadiusModeSchema,
    radiusMessageAuthenticator: RadiusMessageAuthenticatorSchema,
    hasLdapServiceAccount: z.boolean().openapi({
      description:
        'A legacy application with an LDAP service account (cn=service,o=<id>,<base DN>) for search-then-bind',
    }),
    assignmentRequired: z.boolean().openapi({
      description: 'Only members of `groups` may use it (legacy fronts); false: all users',
    }),
    groups: z.array(z.string()).openapi({ description: 'The groups assigned to it, by name' }),
    saml: SamlSchema.nullable().openapi({
      description: 'SAML applications: their service provider',
    }),
  })
  .openapi('Application');

const LdapServiceAccountSchema = z
  .object({
    dn: z.string().openapi({ example: 'cn=service,o=app-3f9a1c2b7d4e,dc=portcullis' }),
    secret: z.string().openapi({ description: 'Shown in this answer only' }),
  })
  .openapi('LdapServiceAccount');

const list = route({
  method: 'get',
  path: '/applications',
  tag: 'Applications',
  summary: 'List applications (legacy ones and OpenID Connect clients)',
  response: z.object({ items: z.array(ApplicationSchema) }),
});

const create = route({
  method: 'post',
  path: '/applications',
  tag: 'Applications',
  summary:
    'Register a legacy application (IMAP server, VPN, proxied site) or an OpenID Connect client',
  description:
    'kind "legacy" (the default) takes fronts, radiusSecret, radiusMode, radiusMessageAuthenticator and ldapServiceAccount (then the answer holds its DN and secret, once); kind "oidc" takes redirectUris, postLogoutRedirectUris, backchannelLogoutUri (web clients: told when sessions end), strength (or requireMfa, the same as strength "mfa"), firstParty, machine (client credentials), device (the device authorization grant: a public client, without a secret) and idTokenSigningAlg (RS256, the default, or ES256), and answers with the client secret, once. URIs are absolute https URLs (http only for localhost) without a fragment.',
  body: z
    .object({
      name: z.string().max(100),
      kind: z.enum(['legacy', 'oidc', 'saml']).optional(),
      fronts: z.array(FrontSchema).optional(),
      radiusSecret: z.string().max(128).optional(),
      radiusMode: RadiusModeSchema.optional(),
      radiusMessageAuthenticator: RadiusMessageAuthenticatorSchema.optional(),
      redirectUris: z.array(z.string().max(2000)).max(20).optional(),
      postLogoutRedirectUris: z.array(z.string().max(2000)).max(20).optional(),
      backchannelLogoutUri: z.string().max(2000).optional(),
      requireMfa: z.boolean().optional().openapi({ description: 'The same as strength "mfa"' }),
      strength: StrengthSchema.optional(),
      firstParty: z.boolean().optional(),
      machine: z.boolean().optional(),
      device: z.boolean().optional().openapi({
        description:
          'A device client (RFC 8628 device authorization grant): a public client, no redirect URIs, no client secret',
      }),
      idTokenSigningAlg: AlgInput,
      ldapServiceAccount: z.boolean().optional(),
      metadata: z.string().max(60_000).optional().openapi({
        description: "SAML: the service provider's metadata (one md:EntityDescriptor)",
      }),
      entityId: z.string().max(512).optional().openapi({ description: 'SAML, without metadata' }),
      acsUrls: z.array(z.string().max(2000)).max(20).optional(),
      sloUrl: z.string().max(2000).optional(),
      signingCertificates: z.array(z.string().max(16_384)).max(4).optional().openapi({
        description:
          'SAML: PEM certificates its AuthnRequests are signed with (instead of the metadata’s)',
      }),
      nameIdFormat: z.enum(NAMEID_FORMATS as [NameIdFormat, ...NameIdFormat[]]).optional(),
      sign: z.enum(SAML_SIGN_MODES).optional(),
      encryptAssertion: z.boolean().optional(),
      wantRequestsSigned: z.boolean().optional(),
    })
    .strict(),
  response: ApplicationSchema.extend({
    clientSecret: z.string().optional(),
    ldapServiceAccount: LdapServiceAccountSchema.optional(),
  }),
  status: 201,
});

const IdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'app-3f9a1c2b7d4e' }),
});

const get = route({
  method: 'get',
  path: '/applications/{id}',
  tag: 'Applications',
  summary: 'One application',
  params: IdParam,
  response: ApplicationSchema,
});

const ApplicationPatchSchema = z
  .object({
    redirectUris: z.array(z.string().max(2000)).max(20).optional(),
    postLogoutRedirectUris: z.array(z.string().max(2000)).max(20).optional(),
    backchannelLogoutUri: z
      .string()
      .max(2000)
      .nullable()
      .optional()
      .openapi({ description: 'null (or "") removes it' }),
    idTokenSigningAlg: AlgInput,
    strength: StrengthSchema.optional(),
    radiusMode: RadiusModeSchema.optional(),
    radiusMessageAuthenticator: RadiusMessageAuthenticatorSchema.optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Give at least one field to change.' })
  .openapi('ApplicationPatch');

const patch = route({
  method: 'patch',
  path: '/applications/{id}',
  tag: 'Applications',
  summary:
    "Change an OpenID Connect client's redirect URIs, post-logout redirect URIs, ID token signing algorithm or authentication strength, or a legacy application's RADIUS settings",
  description:
    'A list given replaces the old one whole (an empty postLogoutRedirectUris removes them all); all or nothing. A web client keeps at least one redirect URI; a machine client has neither kind. radiusMode and radiusMessageAuthenticator are for legacy applications (an OpenID Connect client is refused, 400); URIs and RADIUS settings are not changed in one request.',
  params: IdParam,
  body: ApplicationPatchSchema,
  response: ApplicationSchema,
});

// 204 has no body, which route() (a JSON answer) does not describe: the same shape by hand.
const remove = createRoute({
  method: 'delete',
  path: '/applications/{id}',
  tags: ['Applications'],
  summary: 'Delete an application',
  description:
    "Also deletes an OpenID Connect client's grants, codes and tokens (they stop working at once), and the app passwords limited to this application alone (others only lose it from their list).",
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problemResponses },
});

const secret = route({
  method: 'post',
  path: '/applications/{id}/secret',
  tag: 'Applications',
  summary: 'Give an OpenID Connect client a new client secret; the secret is in this answer only',
  description:
    'The old secret stops working at once. Tokens already issued stay valid until they expire. Legacy applications and public clients have no secret (400).',
  params: IdParam,
  response: z.object({ clientSecret: z.string() }),
});

const newServiceAccount = route({
  method: 'post',
  path: '/applications/{id}/ldap-service-account',
  tag: 'Applications',
  summary:
    "Make (or replace) a legacy application's LDAP service account; the secret is in this answer only",
  description:
    'The service account binds as the DN answered and searches the users who may use the application (search-then-bind). A secret it had before stops working at once. The application must be allowed the ldap front.',
  params: IdParam,
  response: LdapServiceAccountSchema,
});

const deleteServiceAccount = route({
  method: 'delete',
  path: '/applications/{id}/ldap-service-account',
  tag: 'Applications',
  summary: "Delete a legacy application's LDAP service account",
  params: IdParam,
  response: ApplicationSchema,
});

const access = route({
  method: 'put',
  path: '/applications/{id}/access',
  tag: 'Applications',
  summary: 'Who may use a legacy application: all users, or the members of groups',
  description:
    '{"groups": [...]} (names or ids; they replace the old list) lets only their members sign in through the application on every legacy front, and its LDAP service account sees only them; {"allUsers": true} opens it to everyone again. All or nothing: an unknown group changes nothing (404).',
  params: IdParam,
  body: z
    .union([
      z.object({ allUsers: z.literal(true) }).strict(),
      z.object({ groups: z.array(z.string().max(256)).min(1).max(100) }).strict(),
    ])
    .openapi('ApplicationAccess'),
  response: ApplicationSchema,
});

export const applicationsApi = new OpenAPIHono<HttpEnv>()
  .openapi(list, async (c) => c.json({ items: await listApps(c.var.ctx) }, 200))
  .openapi(create, async (c) => {
    const b = c.req.valid('json');
    const { metadata, entityId, acsUrls, sloUrl, signingCertificates, nameIdFormat, sign } = b;
    const samlOnly = {
      metadata,
      entityId,
      acsUrls,
      sloUrl,
      signingCertificates,
      nameIdFormat,
      sign,
    };
    if (
      b.kind !== 'saml' &&
      (Object.values(samlOnly).some((v) => v !== undefined) ||
        b.encryptAssertion !== undefined ||
        b.wantRequestsSigned !== undefined)
    )
      throw new AppError('invalid_request', {
        detail:
          'metadata, entityId, acsUrls, sloUrl, signingCertificates, nameIdFormat, sign, encryptAssertion and wantRequestsSigned are for kind "saml".',
      });
    if (b.kind === 'saml') {
      if (
        b.fronts ||
        b.radiusSecret ||
        b.radiusMode ||
        b.radiusMessageAuthenticator !== undefined ||
        b.ldapServiceAccount ||
        b.redirectUris ||
        b.postLogoutRedirectUris ||
        b.backchannelLogoutUri ||
        b.firstParty ||
        b.machine ||
        b.device ||
        b.idTokenSigningAlg
      )
        throw new AppError('invalid_request', {
          detail:
            'A SAML application takes metadata (or entityId and acsUrls), sloUrl, signingCertificates, nameIdFormat, sign, encryptAssertion, wantRequestsSigned, strength and requireMfa.',
        });
      const app = await createSamlApp(
        c.var.ctx,
        {
          name: b.name,
          ...(Object.fromEntries(
            Object.entries(samlOnly).filter(([, v]) => v !== undefined),
          ) as typeof samlOnly),
          ...(b.encryptAssertion !== undefined ? { encryptAssertion: b.encryptAssertion } : {}),
          ...(b.wantRequestsSigned !== undefined
            ? { wantRequestsSigned: b.wantRequestsSigned }
            : {}),
          requireMfa: !!b.requireMfa,
          ...(b.strength ? { strength: b.strength } : {}),
        },
        actorOf(c),
      );
      return c.json(app, 201);
    }
    if ((b.kind ?? 'legacy') === 'legacy') {
      if (
        b.redirectUris ||
        b.postLogoutRedirectUris ||
        b.backchannelLogoutUri ||
        b.requireMfa ||
        b.strength ||
        b.firstParty ||
        b.machine ||
        b.device ||
        b.idTokenSigningAlg
      )
        throw new AppError('invalid_request', {
          detail:
            'redirectUris, postLogoutRedirectUris, backchannelLogoutUri, requireMfa, strength, firstParty, machine, device and idTokenSigningAlg are for kind "oidc" (legacy fronts and app passwords never prove more than MFA).',
        });
      const app = await createLegacyApp(
        c.var.ctx,
        {
          name: b.name,
          ...(b.fronts ? { fronts: b.fronts } : {}),
          ...(b.radiusSecret !== undefined ? { radiusSecret: b.radiusSecret } : {}),
          ...(b.radiusMode ? { radiusMode: b.radiusMode } : {}),
          ...(b.radiusMessageAuthenticator !== undefined
            ? { radiusMessageAuthenticator: b.radiusMessageAuthenticator }
            : {}),
          ...(b.ldapServiceAccount ? { ldapServiceAccount: true } : {}),
        },
        actorOf(c),
      );
      return c.json(app, 201);
    }
    if (
      b.fronts ||
      b.radiusSecret ||
      b.radiusMode ||
      b.radiusMessageAuthenticator !== undefined ||
      b.ldapServiceAccount
    )
      throw new AppError('invalid_request', {
        detail:
          'fronts, radiusSecret, radiusMode, radiusMessageAuthenticator and ldapServiceAccount are for kind "legacy".',
      });
    const { application, clientSecret } = await createOidcApp(
      c.var.ctx,
      {
        name: b.name,
        redirectUris: b.redirectUris ?? [],
        postLogoutRedirectUris: b.postLogoutRedirectUris ?? [],
        ...(b.backchannelLogoutUri ? { backchannelLogoutUri: b.backchannelLogoutUri } : {}),
        requireMfa: !!b.requireMfa,
        ...(b.strength ? { strength: b.strength } : {}),
        firstParty: !!b.firstParty,
        machine: !!b.machine,
        device: !!b.device,
        ...(b.idTokenSigningAlg ? { idTokenSigningAlg: b.idTokenSigningAlg } : {}),
      },
      actorOf(c),
    );
    return c.json({ ...application, ...(clientSecret === null ? {} : { clientSecret }) }, 201);
  })
  .openapi(get, async (c) => c.json(await getApp(c.var.ctx, c.req.valid('param').id), 200))
  .openapi(patch, async (c) => {
    const b = c.req.valid('json');
    const app = await updateApp(
      c.var.ctx,
      c.req.valid('param').id,
      {
        ...(b.redirectUris ? { redirectUris: b.redirectUris } : {}),
        ...(b.postLogoutRedirectUris ? { postLogoutRedirectUris: b.postLogoutRedirectUris } : {}),
        ...(b.backchannelLogoutUri !== undefined
          ? { backchannelLogoutUri: b.backchannelLogoutUri }
          : {}),
        ...(b.idTokenSigningAlg ? { idTokenSigningAlg: b.idTokenSigningAlg } : {}),
        ...(b.strength ? { strength: b.strength } : {}),
        ...(b.radiusMode ? { radiusMode: b.radiusMode } : {}),
        ...(b.radiusMessageAuthenticator !== undefined
          ? { radiusMessageAuthenticator: b.radiusMessageAuthenticator }
          : {}),
      },
      actorOf(c),
    );
    return c.json(app, 200);
  })
  .openapi(remove, async (c) => {
    await deleteApp(c.var.ctx, c.req.valid('param').id, actorOf(c));
    return c.body(null, 204);
  })
  .openapi(secret, async (c) => {
    const { clientSecret } = await newClientSecret(c.var.ctx, c.req.valid('param').id, actorOf(c));
    return c.json({ clientSecret }, 200);
  })
  .openapi(newServiceAccount, async (c) => {
    const { dn, secret } = await newLdapServiceAccount(
      c.var.ctx,
      c.req.valid('param').id,
      actorOf(c),
    );
    return c.json({ dn, secret }, 200);
  })
  .openapi(deleteServiceAccount, async (c) =>
    c.json(await deleteLdapServiceAccount(c.var.ctx, c.req.valid('param').id, actorOf(c)), 200),
  )
  .openapi(access, async (c) =>
    c.json(
      await setAppAccess(c.var.ctx, c.req.valid('param').id, c.req.valid('json'), actorOf(c)),
      200,
    ),
  );
