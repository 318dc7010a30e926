// The directory connection as the code uses it: the configuration's
// PORTCULLIS_DIRECTORY_* keys with each flavour's defaults filled in, the
// attribute map parsed and the service password read from its file.
import { readFileSync } from 'node:fs';
import { type Filter, FilterParser } from 'ldapts';
import { ConfigError } from '../config/error.ts';
import type { Config } from '../config/schema.ts';

export type Flavour = 'ad' | 'openldap';

/** What Portcullis reads from an entry, and the attribute it reads it from. */
export interface AttributeMap {
  upn: string;
  displayName: string;
  mail: string;
  mobile: string;
  language: string;
  /** A stable identifier that survives renames and moves. */
  id: string;
}

export interface DirectorySettings {
  urls: string[];
  flavour: Flavour;
  startTls: boolean;
  /** Extra CA certificates (PEM), beside the system store. */
  ca: string | undefined;
  servername: string | undefined;
  bindDn: string | undefined;
  bindPassword: string | undefined;
  baseDn: string;
  userFilter: Filter;
  groupBaseDn: string;
  attributes: AttributeMap;
  /** Attributes read as a second choice when the first is empty. */
  fallbacks: Partial<Record<keyof AttributeMap, string>>;
  disabledFilter: Filter | undefined;
  /** Groups mirrored as Portcullis groups (source directory). */
  syncedGroups: string[];
  adminGroups: string[];
  enabledGroups: string[];
  enforcedGroups: string[];
  lowerStates: boolean;
  adoptLocal: boolean;
  syncMinutes: number;
  deleteAfterDays: number | undefined;
  timeoutMs: number;
  poolSize: number;
}

const DEFAULTS: Record<Flavour, { filter: string; attributes: AttributeMap }> = {
  ad: {
    // People with a UPN: built-in accounts (Administrator, Guest, krbtgt) have none
    // and would otherwise be reported as not synced at every run.
    filter: '(&(objectClass=user)(objectCategory=person)(userPrincipalName=*))',
    attributes: {
      upn: 'userPrincipalName',
      displayName: 'displayName',
      mail: 'mail',
      mobile: 'mobile',
      language: 'preferredLanguage',
      id: 'objectGUID',
    },
  },
  openldap: {
    filter: '(objectClass=inetOrgPerson)',
    attributes: {
      upn: 'mail',
      displayName: 'displayName',
      mail: 'mail',
      mobile: 'mobile',
      language: 'preferredLanguage',
      id: 'entryUUID',
    },
  },
};

const FIELDS = Object.keys(DEFAULTS.ad.attributes) as (keyof AttributeMap)[];
/** An attribute name (RFC 4512 descr) or an OID. */
const ATTRIBUTE = /^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)+)$/;

/** Parses `field=attribute, …` over the flavour's defaults. */
function attributeMap(flavour: Flavour, text: string): AttributeMap {
  const map = { ...DEFAULTS[flavour].attributes };
  for (const pair of text.split(',').map((p) => p.trim())) {
    if (!pair) continue;
    const [field, attribute, ...rest] = pair.split('=').map((p) => p.trim());
    if (!FIELDS.includes(field as keyof AttributeMap))
      throw new ConfigError(
        `PORTCULLIS_DIRECTORY_ATTRIBUTES: unknown field "${field?.slice(0, 40)}" (known: ${FIELDS.join(', ')})`,
      );
    if (rest.length > 0 || !attribute || !ATTRIBUTE.test(attribute))
      throw new ConfigError(
        `PORTCULLIS_DIRECTORY_ATTRIBUTES: "${pair.slice(0, 80)}" is not field=attribute`,
      );
    map[field as keyof AttributeMap] = attribute;
  }
  return map;
}

/** Groups separated by `;` (a DN holds commas). */
const groups = (text: string) =>
  text
    .split(';')
    .map((g) => g.trim())
    .filter(Boolean);

function bindPassword(config: Config): string | undefined {
  if (!config.directoryBindPasswordFile) return config.directoryBindPassword;
  try {
    return readFileSync(config.directoryBindPasswordFile, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    throw new ConfigError(
      `Cannot read PORTCULLIS_DIRECTORY_BIND_PASSWORD_FILE ${config.directoryBindPasswordFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

function filter(name: string, text: string): Filter {
  // ldapts closes a filter left open; a missing parenthesis is more likely a typo.
  // (In RFC 4515 a parenthesis inside a value is written \28 or \29.)
  let depth = 0;
  for (const ch of text) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0)
    throw new ConfigError(`${name}: not an LDAP filter (RFC 4515): unbalanced parentheses`);
  try {
    return FilterParser.parseString(text.trim());
  } catch (e) {
    throw new ConfigError(`${name}: not an LDAP filter (RFC 4515): ${(e as Error).message}`);
  }
}

function caFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      `Cannot read PORTCULLIS_DIRECTORY_CA_FILE ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** The directory settings, or null when no directory is configured. */
export function directorySettings(config: Config): DirectorySettings | null {
  if (!config.directoryUrl || !config.directoryBaseDn) return null;
  const flavour = config.directoryFlavour;
  const attributes = attributeMap(flavour, config.directoryAttributes);
  return {
    urls: config.directoryUrl.split(/[\s,]+/).filter(Boolean),
    flavour,
    startTls: config.directoryStartTls,
    ca: caFile(config.directoryCaFile),
    servername: config.directoryTlsServerName,
    bindDn: config.directoryBindDn,
    bindPassword: bindPassword(config),
    baseDn: config.directoryBaseDn,
    userFilter: filter(
      'PORTCULLIS_DIRECTORY_USER_FILTER',
      config.directoryUserFilter ?? DEFAULTS[flavour].filter,
    ),
    groupBaseDn: config.directoryGroupBaseDn ?? config.directoryBaseDn,
    attributes,
    // OpenLDAP's inetOrgPerson always has a cn; displayName is optional.
    fallbacks:
      flavour === 'openldap' && attributes.displayName === 'displayName'
        ? { displayName: 'cn' }
        : {},
    disabledFilter: config.directoryDisabledFilter
      ? filter('PORTCULLIS_DIRECTORY_DISABLED_FILTER', config.directoryDisabledFilter)
      : undefined,
    syncedGroups: groups(config.directoryGroups),
    adminGroups: groups(config.directoryAdminGroups),
    enabledGroups: groups(config.directoryEnabledGroups),
    enforcedGroups: groups(config.directoryEnforcedGroups),
    lowerStates: config.directoryGroupsLowerState,
    adoptLocal: config.directoryAdoptLocal,
    syncMinutes: config.directorySyncMinutes,
    deleteAfterDays: config.directoryDeleteAfterDays,
    timeoutMs: config.directoryTimeoutMs,
    poolSize: config.directoryPoolSize,
  };
}
