/**
 * What an API token may do. read: only look (GET); read-write: change
 * everything the admin API offers; scim: the SCIM endpoints (/scim/v2) only,
 * for a provisioning system. (Its own module: the command line's --help names
 * the scopes without loading the tokens' code.)
 */
export const tokenScopes = ['read', 'read-write', 'scim'] as const;
export type TokenScope = (typeof tokenScopes)[number];
