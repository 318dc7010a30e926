import type { Child } from 'hono/jsx';
import type { Clock } from '../clock.ts';
import type { Config } from '../config/schema.ts';
import type { Random } from '../crypto/random.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/index.ts';
import type { Telephony } from '../delivery/types.ts';
import type { Translate } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import type { MethodInfo } from './catalogue.ts';

/** NIST SP 800-63B factor categories; assurance is computed from them. */
export type Factor = 'knowledge' | 'possession' | 'inherence';

/** What a method may use (injected; STYLE.md, principle 11). */
export interface MethodLimits {
  phoneCodeMinutes: number;
  callTimeoutSeconds: number;
  sendLimitPerUser: number;
  sendLimitPerNumber: number;
  sendLimitPerAddress: number;
  /** MFA fatigue: after this many unwanted app notifications in the window, they pause. */
  pushFatigueLimit: number;
  pushFatigueMinutes: number;
}

export interface MethodContext {
  db: Db;
  clock: Clock;
  random: Random;
  box: SecretBox;
  /** Keys the hashes of codes sent to people. */
  hmacKey: Buffer;
  telephony: Telephony;
  config: Pick<
    Config,
    | 'callGreeting'
    | 'publicUrl'
    | 'vapidPublicKey'
    | 'vapidPrivateKey'
    | 'vapidSubject'
    | 'pushServiceHosts'
  >;
  /** For what a method does in the background (delivery), never secrets or codes. */
  log: Logger;
  /** Code lifetimes and send limits, from the service settings (admins change them). */
  limits(): Promise<MethodLimits>;
  /** Shown in authenticator apps and said in texts and calls. */
  issuer(): Promise<string>;
  /** The methods policy's passkey options (which makes and models may be registered). */
  passkeyOptions(): Promise<PasskeyOptions>;
}

export interface PasskeyOptions {
  /** The AAGUIDs (lower case) of the authenticator models allowed; empty: any. */
  allowedAaguids: readonly string[];
  /** Whether a new passkey must prove its model with a chain to one of `attestationRoots`. */
  attestationRequired: boolean;
  /** This node's trusted roots (PEM), from PORTCULLIS_PASSKEY_ATTESTATION_ROOTS. */
  attestationRoots: readonly string[];
}

export interface MethodUser {
  id: string;
  upn: string;
  displayName: string;
  preferredLanguage: string;
  /** A directory user's mobile number from the directory, offered at proof-up (still verified). */
  directoryMobile?: string;
}

/** The sign-in attempt a method works within: challenges are tied to it. */
export interface Attempt {
  flowId: string;
  clientIp: string | null;
  /** MethodTypes the organisation allows (a method offering a choice offers only these). */
  allowedMethods: readonly string[];
  /** Which way in the attempt came (its sign-in log entries say so): browser unless named. */
  front?: string;
}

/**
 * How a method is used where there is no page, only a prompt and a typed line
 * (RADIUS for VPNs): `code`, the user types a code into the client; `approval`,
 * the user approves on their phone while the request waits, and `verify`
 * answers `waiting` until then.
 */
export interface RemoteUse {
  proof: 'code' | 'approval';
  /**
   * What the client shows the user once `challenge` has started (the phone
   * number texted, the number to pick). An approval with a prompt is shown
   * first and waited for after the user answers it; one without is waited for
   * at once (a call).
   */
  prompt?(
    ctx: MethodContext,
    user: MethodUser,
    reg: Registration,
    attempt: Attempt,
    t: Translate,
  ): Promise<string>;
  /** Whether a typed line can be this method's code at all (checked before it counts as a guess). */
  looksLike?(input: string): boolean;
}

/** A registered method, as a method sees it: its own secret opened, its own details. */
export interface Registration {
  id: string;
  methodType: string;
  isDefault: boolean;
  secret: string | null;
  details: Record<string, unknown>;
}

/** Form fields a user submitted (strings only). */
export type Input = Readonly<Record<string, string | undefined>>;

/** What a page needs to render a method's form: where to post it, its CSRF token, the language. */
export interface FormProps {
  action: string;
  csrfToken: string;
  /** Translate into the page language (src/i18n). */
  t: Translate;
  error?: string;
  /** Offer "don't ask again on this device" for this many days (second-factor pages only). */
  rememberDays?: number;
  /** What the user typed, when the form comes back to be corrected (never a code or secret). */
  values?: Readonly<Record<string, string>>;
}

/** A wrong proof: counted against the attempt and the user. */
export type Failure = {
  ok: false;
  reason: 'invalid' | 'replayed' | 'malformed' | 'expired';
  /** What the sign-in log should say instead of the generic reason (never shown to the user). */
  detail?: string;
  /** What the user reads instead of "That code is not correct" (in the page language), when that would mislead. */
  message?: string;
};

/**
 * Not a wrong proof, nothing counted: still waiting (a call not answered yet),
 * or a problem the user can fix, with a message in the page language.
 */
export type Pending = { ok: 'waiting'; message?: string } | { ok: 'retry'; message: string };

/** `notice`: something the user should read once signed in (e.g. "3 recovery codes left"). */
export type VerifyResult = { ok: true; notice?: string } | Failure | Pending;

/** A method registered beside the enrolled one by the same proof. */
export type Companion =
  | string
  | { methodType: string; secret: string | null; details: Record<string, unknown> };

/** Result of an enrolment step: registered, a wrong proof, a next phase, or try again. */
export type EnrolResult<S = unknown> =
  | {
      ok: true;
      secret: string | null;
      details: Record<string, unknown>;
      /**
       * Other methods the same proof registers too (Microsoft's authentication
       * phone: a verified mobile number can take texts and calls). A MethodType
       * alone shares this result's secret and details; a companion with its own
       * (the Portcullis Authenticator's TOTP account) names them.
       */
      companions?: readonly Companion[];
      /** Register as this MethodType instead of the enrolling one (the user chose another channel). */
      registerAs?: string;
    }
  | Failure
  | Pending
  | { ok: 'continue'; state: S };

/**
 * Enrolment of a new method: `begin` makes state (kept sealed in the sign-in
 * flow between requests), `render` shows the current phase, `complete` takes
 * what the user sent and registers, moves to a next phase, or asks again.
 */
export interface Enrolment<S> {
  begin(ctx: MethodContext, user: MethodUser, attempt: Attempt): Promise<S>;
  render(ctx: MethodContext, user: MethodUser, state: S, form: FormProps): Child | Promise<Child>;
  complete(
    ctx: MethodContext,
    user: MethodUser,
    state: S,
    input: Input,
    attempt: Attempt,
    t: Translate,
  ): Promise<EnrolResult<S>>;
}

/** What a passwordless proof established: whose it is, with which registration, as what factors. */
export type Identified = {
  ok: true;
  userId: string;
  registrationId: string;
  /** Each factor the proof stands for, with its RFC 8176 amr values. */
  factors: readonly { factor: Factor; amr: readonly string[] }[];
};

/**
 * Sign-in without a password (usernameless): a proof that both names the user
 * and stands for more than one factor (a passkey with user verification:
 * something the user has, unlocked by something they know or are).
 */
export interface Passwordless {
  /** The sign-in page's part: a fresh challenge and its button. */
  render(ctx: MethodContext, form: FormProps): Child | Promise<Child>;
  /** Checks the proof; a proof that does not check is a Failure, never a user named. */
  identify(
    ctx: MethodContext,
    input: Input,
    client: { ip: string | null },
  ): Promise<Identified | Failure>;
}

/**
 * One verification method (STYLE.md, principle 1): its catalogue entry
 * (./catalogue.ts) and what it does. Flows use methods only
 * through this contract and the registry in ./index.ts; they never import one.
 */
export interface AuthMethod<S = unknown> extends MethodInfo {
  enrol?: Enrolment<S>;
  /**
   * Starts a challenge for a registered method (sends a code, places a call)
   * unless one is already under way for this attempt, or always with `resend`.
   */
  challenge?(
    ctx: MethodContext,
    user: MethodUser,
    reg: Registration,
    attempt: Attempt,
    resend: boolean,
  ): Promise<void>;
  /** Offered on the sign-in page when the organisation allows passwordless sign-in. */
  passwordless?: Passwordless;
  /** Usable without a page (RADIUS): absent for methods that need a browser (passkeys). */
  remote?: RemoteUse;
  /**
   * Deletes the method's own state that no registration uses any more (a
   * removed method's device or credential, spent challenges); housekeeping
   * calls it, so every way of removing a registration is covered.
   */
  sweep?(ctx: MethodContext): Promise<void>;
  /** Renders the second-step form for a registered method. */
  renderVerify(
    ctx: MethodContext,
    user: MethodUser,
    reg: Registration,
    form: FormProps,
    attempt: Attempt,
  ): Child | Promise<Child>;
  verify(
    ctx: MethodContext,
    user: MethodUser,
    reg: Registration,
    input: Input,
    attempt: Attempt,
    t: Translate,
  ): Promise<VerifyResult>;
}
