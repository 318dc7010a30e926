import type { Child } from 'hono/jsx';
import type { Clock } from '../clock.ts';
import type { Random } from '../crypto/random.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/index.ts';
import type { Translate } from '../i18n/index.ts';

/** NIST SP 800-63B factor categories; assurance is computed from them. */
export type Factor = 'knowledge' | 'possession' | 'inherence';

/** What a method may use and who it is talking about. */
export interface MethodContext {
  db: Db;
  clock: Clock;
  random: Random;
  box: SecretBox;
  /** Shown in authenticator apps as the account's issuer. */
  issuer: string;
}

export interface MethodUser {
  id: string;
  upn: string;
  displayName: string;
  preferredLanguage: string;
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

/** What a page needs to render a method's form: where to post it and its CSRF token. */
export interface FormProps {
  action: string;
  csrfToken: string;
  /** Translate into the page language (src/i18n). */
  t: Translate;
  error?: string;
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: 'invalid' | 'replayed' | 'malformed' };

/** Result of finishing an enrolment: what to store for the new registration. */
export type EnrolResult =
  | { ok: true; secret: string | null; details: Record<string, unknown> }
  | { ok: false; reason: 'invalid' | 'replayed' | 'malformed' };

/**
 * Enrolment of a new method: `begin` makes state (kept sealed in the sign-in
 * flow between requests), `render` shows the step, `complete` checks what the
 * user typed and returns the registration to store.
 */
export interface Enrolment<S> {
  begin(ctx: MethodContext, user: MethodUser): Promise<S>;
  render(ctx: MethodContext, user: MethodUser, state: S, form: FormProps): Child | Promise<Child>;
  complete(ctx: MethodContext, user: MethodUser, state: S, input: Input): Promise<EnrolResult>;
}

/**
 * One verification method (STYLE.md, principle 1). Flows use methods only
 * through this contract and the registry in ./index.ts; they never import one.
 */
export interface AuthMethod<S = unknown> {
  /** The MethodType, as in StrongAuthenticationMethods. */
  id: string;
  /** Name shown to users, e.g. "Authenticator app". */
  label: string;
  /** One line shown in the proof-up chooser. */
  description: string;
  factor: Factor;
  /** RFC 8176 amr values this method contributes. */
  amr: readonly string[];
  enrol?: Enrolment<S>;
  /** Renders the second-step form for a registered method. */
  renderVerify(ctx: MethodContext, user: MethodUser, reg: Registration, form: FormProps): Child;
  verify(
    ctx: MethodContext,
    user: MethodUser,
    reg: Registration,
    input: Input,
  ): Promise<VerifyResult>;
}
