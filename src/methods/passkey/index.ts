// Passkey: a WebAuthn credential (platform authenticator or security key) as a
// second factor, or — where the organisation allows — alone, without a password.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Translate } from '../../i18n/index.ts';
import { methodInfo } from '../catalogue.ts';
import type { AuthMethod, Failure, MethodContext, PasskeyOptions } from '../types.ts';
import { judgeAttestation } from './attestation.ts';
import { signChallenge, signedChallengeExpiry } from './signed-challenge.ts';
import { type PasskeyRow, passkeysStore } from './store.ts';
import { EnrolView, SigninView, VerifyView } from './views.tsx';
import { clientChallenge, parseResponse } from './wire.ts';

const ID = 'Passkey';
/** ES256 and RS256 only (COSE -7, -257): what every authenticator offers; nothing else is accepted. */
export const ALGORITHMS = [-7, -257];
/** How long the browser may wait for the authenticator, and the server for the answer. */
const TIMEOUT_MS = 5 * 60_000;
const MAX_NAME = 64;

/** Whether registration needs the authenticator's model (which the browser blanks unless asked). */
const wantsModel = (o: PasskeyOptions) => o.allowedAaguids.length > 0 || o.attestationRequired;

interface EnrolState {
  challenge: string;
  options: PublicKeyCredentialCreationOptionsJSON;
  /** The name offered for the new passkey. */
  name: string;
}

/**
 * The relying party is the configured public URL: its host is the RP ID and
 * its origin the one origin accepted (WebAuthn §7.1 steps 9 and 15, §7.2 steps 13 and 15).
 */
export function relyingParty(ctx: MethodContext) {
  const url = new URL(ctx.config.publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/** The user's Passkey registrations with their credential ids (a removed registration's passkey no longer counts). */
async function registrationsOf(
  ctx: MethodContext,
  userId: string,
): Promise<{ id: string; credentialId: string }[]> {
  const rows = await ctx.db
    .selectFrom('auth_methods')
    .select(['id', 'details'])
    .where('user_id', '=', userId)
    .where('method_type', '=', ID)
    .execute();
  return rows.flatMap((r) => {
    const credentialId = credentialIdOf(JSON.parse(r.details));
    return credentialId ? [{ id: r.id, credentialId }] : [];
  });
}

const transportsOf = (json: string) => JSON.parse(json) as string[];

export const passkeyMethod = {
  ...methodInfo(ID),

  enrol: {
    async begin(ctx, user) {
      const { rpID } = relyingParty(ctx);
      const store = passkeysStore(ctx.db);
      const registered = await registrationsOf(ctx, user.id);
      const existing = await store.listByIds(
        user.id,
        registered.map((r) => r.credentialId),
      );
      const options = await generateRegistrationOptions({
        rpName: await ctx.issuer(),
        rpID,
        userID: new TextEncoder().encode(user.id),
        userName: user.upn,
        userDisplayName: user.displayName,
        timeout: TIMEOUT_MS,
        // Browsers blank the authenticator's model (AAGUID) unless attestation
        // is asked for: asked for where the policy allows only some models or
        // wants the model proven.
        attestationType: wantsModel(await ctx.passkeyOptions()) ? 'direct' : 'none',
        // WebAuthn §5.4.3: the same authenticator is not registered twice.
        excludeCredentials: existing.map((p) => ({
          id: p.credential_id,
          transports: transportsOf(p.transports),
        })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
        supportedAlgorithmIDs: ALGORITHMS,
      });
      const name = existing.length === 0 ? 'Passkey' : `Passkey ${existing.length + 1}`;
      return { challenge: options.challenge, options, name };
    },
    render: (_ctx, _user, state, form) =>
      EnrolView({ options: state.options, name: state.name, form }),
    async complete(ctx, user, state, input, _attempt, t) {
      const response = parseResponse(input.response, 'registration');
      if (!response) return { ok: 'retry', message: t('passkey.notCreated') };
      const { rpID, origin } = relyingParty(ctx);
      let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verified = await verifyRegistrationResponse({
          response,
          expectedChallenge: state.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: false,
          supportedAlgorithmIDs: ALGORITHMS,
        });
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      if (!verified.verified) return { ok: false, reason: 'invalid' };
      const { credential, aaguid, fmt, attestationObject } = verified.registrationInfo;
      const options = await ctx.passkeyOptions();
      // The model as the authenticator states it, proven where the policy asks.
      if (options.attestationRequired) {
        const verdict = await judgeAttestation(fmt, attestationObject, options.attestationRoots);
        if (verdict !== 'trusted') {
          if (options.attestationRoots.length === 0)
            ctx.log.warn(
              'the methods policy requires passkey attestation but this node has no PORTCULLIS_PASSKEY_ATTESTATION_ROOTS: registration refused',
            );
          return { ok: 'retry', message: t(`passkey.attestation.${verdict}`) };
        }
      }
      const { allowedAaguids } = options;
      if (allowedAaguids.length && !allowedAaguids.includes(aaguid.toLowerCase()))
        return { ok: 'retry', message: t('passkey.modelNotAllowed') };
      const name = (input.name ?? '').trim().slice(0, MAX_NAME) || state.name;
      const added = await passkeysStore(ctx.db).add({
        credential_id: credential.id,
        user_id: user.id,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: JSON.stringify(credential.transports ?? []),
        aaguid: aaguid.toLowerCase(),
        name,
        created_at: ctx.clock.now(),
        last_used_at: null,
        flagged_at: null,
      });
      if (!added) return { ok: false, reason: 'invalid' };
      return { ok: true, secret: null, details: { credentialId: credential.id, name } };
    },
  },

  async renderVerify(ctx, user, reg, form, attempt) {
    const { rpID } = relyingParty(ctx);
    const store = passkeysStore(ctx.db);
    const id = credentialIdOf(reg.details);
    const own = id ? await store.listByIds(user.id, [id]) : [];
    const options = await generateAuthenticationOptions({
      rpID,
      allowCredentials: own.map((p) => ({
        id: p.credential_id,
        transports: transportsOf(p.transports),
      })),
      userVerification: 'preferred',
      timeout: TIMEOUT_MS,
    });
    // Kept server-side, tied to this attempt, used once (WebAuthn §13.4.3).
    await store.addChallenge(
      options.challenge,
      attempt.flowId,
      user.id,
      ctx.clock.now(),
      TIMEOUT_MS,
    );
    return VerifyView({ options, form });
  },

  async verify(ctx, user, reg, input, attempt, t) {
    const response = parseResponse(input.response, 'authentication');
    const challenge = response && clientChallenge(response);
    const id = credentialIdOf(reg.details);
    if (!response || !challenge || !id) return { ok: false, reason: 'malformed' };
    const store = passkeysStore(ctx.db);
    const passkey = await store.find(user.id, id);
    if (!passkey || passkey.flagged_at !== null || response.id !== id)
      return { ok: false, reason: 'invalid' };
    // The challenge is consumed before anything else: an assertion is never accepted twice.
    if (!(await store.consumeChallenge(challenge, attempt.flowId, ctx.clock.now())))
      return {
        ok: false,
        reason: (await store.challengeUsed(challenge, attempt.flowId)) ? 'replayed' : 'expired',
      };
    const checked = await checkAssertion(ctx, passkey, response, challenge, {
      userVerification: false,
      user,
      ip: attempt.clientIp,
      t,
    });
    return checked.ok === true ? { ok: true } : checked;
  },

  passwordless: {
    async render(ctx, form) {
      const { rpID } = relyingParty(ctx);
      // No allowed credentials: the browser offers the passkeys it has for this
      // site (discoverable credentials), and the one chosen names the user.
      const options = await generateAuthenticationOptions({
        rpID,
        challenge: signChallenge(ctx, TIMEOUT_MS),
        userVerification: 'required',
        timeout: TIMEOUT_MS,
      });
      return SigninView({ options, form });
    },

    async identify(ctx, input, client) {
      const response = parseResponse(input.response, 'authentication');
      const challenge = response && clientChallenge(response);
      if (!response || !challenge) return { ok: false, reason: 'malformed' };
      const expiresAt = signedChallengeExpiry(ctx, challenge);
      if (expiresAt === null)
        return { ok: false, reason: 'expired', detail: 'passkey challenge expired or not ours' };
      const store = passkeysStore(ctx.db);
      const passkey = await store.byId(response.id);
      const reg =
        passkey &&
        (await registrationsOf(ctx, passkey.user_id)).find(
          (r) => r.credentialId === passkey.credential_id,
        )?.id;
      // WebAuthn §7.2 step 6: the user handle, when given, is the credential's user.
      const handle = response.response.userHandle;
      if (
        !passkey ||
        !reg ||
        passkey.flagged_at !== null ||
        (handle !== undefined && handle !== userHandleOf(passkey.user_id))
      )
        return { ok: false, reason: 'invalid', detail: 'passkey not registered' };
      const user = await ctx.db
        .selectFrom('users')
        .select(['id', 'upn'])
        .where('id', '=', passkey.user_id)
        .executeTakeFirst();
      if (!user) return { ok: false, reason: 'invalid', detail: 'passkey not registered' };
      if (!(await store.spendSigned(challenge, user.id, ctx.clock.now(), expiresAt)))
        return { ok: false, reason: 'replayed', detail: 'passkey challenge already used' };
      const checked = await checkAssertion(ctx, passkey, response, challenge, {
        userVerification: true,
        user,
        ip: client.ip,
      });
      if (checked.ok !== true)
        return checked.ok === false
          ? checked
          : {
              ok: false,
              reason: 'invalid',
              detail: 'passkey model not allowed by the methods policy',
            };
      return {
        ok: true,
        userId: user.id,
        registrationId: reg,
        // Something the user has (the key), unlocked by user verification — a
        // PIN or a biometric; the authenticator does not say which, and
        // either is a second kind of factor (NIST SP 800-63B §5.1.9).
        factors: [
          { factor: 'possession', amr: ['hwk'] },
          { factor: 'knowledge', amr: ['user'] },
        ],
      };
    },
  },

  async sweep(ctx) {
    const rows = await ctx.db
      .selectFrom('auth_methods')
      .select('details')
      .where('method_type', '=', ID)
      .execute();
    const live = new Set(rows.flatMap((r) => credentialIdOf(JSON.parse(r.details)) ?? []));
    await passkeysStore(ctx.db).sweep(live, ctx.clock.now());
  },
} satisfies AuthMethod<EnrolState>;

function credentialIdOf(details: Record<string, unknown>): string | null {
  return typeof details.credentialId === 'string' ? details.credentialId : null;
}

/** The user handle a passkey carries: the user id's bytes (as registered in `enrol.begin`). */
const userHandleOf = (userId: string) => Buffer.from(userId, 'utf8').toString('base64url');

/**
 * The checks every assertion gets once its challenge is spent: origin, RP ID,
 * signature (and user verification when asked), then the signature counter.
 */
async function checkAssertion(
  ctx: MethodContext,
  passkey: PasskeyRow,
  response: AuthenticationResponseJSON,
  challenge: string,
  opts: {
    userVerification: boolean;
    user: { id: string; upn: string };
    ip: string | null;
    t?: Translate;
  },
): Promise<{ ok: true } | Failure | { ok: 'retry'; message: string }> {
  const { rpID, origin } = relyingParty(ctx);
  const stored = Number(passkey.counter);
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      // The counter is checked below, once the signature is known to be good.
      credential: {
        id: passkey.credential_id,
        publicKey: Buffer.from(passkey.public_key, 'base64url'),
        counter: 0,
        transports: transportsOf(passkey.transports),
      },
      requireUserVerification: opts.userVerification,
    });
    if (!result.verified) return { ok: false, reason: 'invalid' };
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  // A model the policy no longer allows is refused, as at registration (one of
  // unknown model too). Its holder has just signed: told why, and not counted
  // as a wrong guess (it is the right key, of a model no longer allowed).
  const { allowedAaguids } = await ctx.passkeyOptions();
  if (allowedAaguids.length && !allowedAaguids.includes(passkey.aaguid ?? ''))
    return opts.t
      ? { ok: 'retry', message: opts.t('passkey.modelNotAllowed') }
      : { ok: false, reason: 'invalid', detail: 'passkey model not allowed by the methods policy' };
  const store = passkeysStore(ctx.db);
  const now = ctx.clock.now();
  // WebAuthn §6.1.1: a signature counter that does not grow (where either is
  // non-zero) means the credential may have been cloned: flag and refuse.
  if ((newCounter > 0 || stored > 0) && newCounter <= stored) {
    await store.flag(passkey, newCounter, now, opts.user, opts.ip);
    return { ok: false, reason: 'replayed', detail: 'passkey counter went backwards' };
  }
  if (!(await store.advance(passkey.credential_id, stored, newCounter, now)))
    return { ok: false, reason: 'replayed' };
  return { ok: true };
}
