/** Every OpenID Connect protocol endpoint lives under this path; discovery stays at the root. */
export const OIDC_PREFIX = '/oidc';
