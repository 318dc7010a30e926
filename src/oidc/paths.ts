/** Every OpenID Connect protocol endpoint lives under this path; discovery stays at the root. */
export const OIDC_PREFIX = '/oidc';

/** oidc-provider's session cookie: its value is the provider session's id. */
export const OIDC_SESSION_COOKIE = '_session';

/** Where people type a device's user code (RFC 8628 `verification_uri`). */
export const DEVICE_PATH = '/device';

/** Lifetimes (seconds) of what oidc-provider issues and keeps. */
export const TTL = {
  AccessToken: 3600,
  AuthorizationCode: 60,
  DeviceCode: 600,
  ClientCredentials: 600,
  IdToken: 3600,
  RefreshToken: 14 * 24 * 3600,
  Interaction: 3600,
  Session: 14 * 24 * 3600,
  Grant: 14 * 24 * 3600,
} as const;
