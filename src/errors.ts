import type { Translate, Values } from './i18n/index.ts';
import { isMessageKey, type MessageKey } from './i18n/keys.ts';

/**
 * The registry of error codes (STYLE.md, principle 6): each code has an HTTP
 * status and a message that is safe to show to anyone. One handler
 * (src/http/middleware/errors.ts) maps an AppError to a response; the sign-in
 * log, not the client, gets the real reason of a failed credential.
 */
export const errorCodes = {
  invalid_request: { status: 400, message: 'The request is not valid.' },
  invalid_upn: { status: 400, message: 'The user name must look like name@domain.' },
  invalid_mfa_state: { status: 400, message: 'MFA state must be Disabled, Enabled or Enforced.' },
  weak_password: { status: 400, message: 'A password must be 8 to 256 characters long.' },
  invalid_credentials: { status: 401, message: 'Your account or password is incorrect.' },
  invalid_code: { status: 401, message: 'That code is not correct. Try again.' },
  unauthorized: { status: 401, message: 'Authentication is required.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  csrf_failed: {
    status: 403,
    message: 'This form has expired or was not sent from this site. Reload the page and try again.',
  },
  not_found: { status: 404, message: 'Not found.' },
  user_not_found: { status: 404, message: 'No user has that user name.' },
  group_not_found: { status: 404, message: 'No group has that name.' },
  method_not_allowed: { status: 405, message: 'Method not allowed.' },
  upn_taken: { status: 409, message: 'A user with that user name already exists.' },
  group_name_taken: { status: 409, message: 'A group with that name already exists.' },
  conflict: { status: 409, message: 'The request conflicts with the current state.' },
  signin_expired: {
    status: 410,
    message: 'Your sign-in attempt has expired or ended. Please sign in again.',
  },
  waiting: { status: 202, message: 'Waiting for you to answer the call.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'This content type is not supported here.' },
  too_many_attempts: {
    status: 429,
    message: 'Too many attempts. Wait a little and try again.',
  },
  delivery_failed: {
    status: 503,
    message: 'We could not reach your phone just now. Try again in a moment or use another option.',
  },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  service_unavailable: {
    status: 503,
    message: 'The service is temporarily unavailable. Try again shortly.',
  },
  signin_unavailable: {
    status: 503,
    message: 'Sign-in is temporarily unavailable. Try again in a few minutes.',
  },
  managed_by_directory: {
    status: 409,
    message: "This is managed by your organisation's directory: change it there.",
  },
  directory_error: { status: 502, message: 'The directory could not be read.' },
  directory_not_configured: {
    status: 404,
    message: 'No directory is configured (PORTCULLIS_DIRECTORY_URL).',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

/** A message from the catalogs (src/i18n) to show on pages instead of the English detail. */
export interface LocalMessage {
  key: MessageKey;
  values?: Values;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra, safe-to-show detail (e.g. which field is wrong). */
  readonly detail: string | undefined;
  /** Seconds to wait, for throttling errors. */
  readonly retryAfter: number | undefined;
  readonly local: LocalMessage | undefined;

  constructor(
    code: ErrorCode,
    opts: { detail?: string; retryAfter?: number; cause?: unknown; local?: LocalMessage } = {},
  ) {
    super(opts.detail ?? errorCodes[code].message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code].status;
    this.detail = opts.detail;
    this.retryAfter = opts.retryAfter;
    this.local = opts.local;
  }

  get publicMessage(): string {
    return this.detail ?? errorCodes[this.code].message;
  }
}

/** The error's message in the page language: its own catalog message, its code's, or the English text. */
export function localMessage(e: AppError, t: Translate): string {
  if (e.local) return t(e.local.key, e.local.values);
  const key = `error.${e.code}`;
  return !e.detail && isMessageKey(key) ? t(key) : e.publicMessage;
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
