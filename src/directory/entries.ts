// A directory entry as Portcullis reads it: the attribute map applied, the
// stable identifier as text, and whether the account is disabled. Problems are
// reported per entry, naming it, so one bad entry never stops the others.
import { type Entry, EqualityFilter } from 'ldapts';
import { isUpn } from '../services/validation.ts';
import type { AttributeMap, DirectorySettings } from './settings.ts';

export interface DirectoryEntry {
  dn: string;
  /** The stable identifier (objectGUID as hex, entryUUID as written). */
  id: string;
  upn: string;
  displayName: string | null;
  mail: string | null;
  mobile: string | null;
  language: string | null;
  disabled: boolean;
}

export type ReadEntry =
  | { ok: true; entry: DirectoryEntry }
  | { ok: false; dn: string; id: string | null; error: string };

/** Binary attributes: read as bytes, searched by bytes, written as hex. */
const BINARY = new Set(['objectguid', 'objectsid', 'msds-consistencyguid']);
export const isBinary = (attribute: string) => BINARY.has(attribute.toLowerCase());

/** Active Directory's userAccountControl: ACCOUNTDISABLE. */
const ACCOUNTDISABLE = 0x2;

/** Active Directory: the entry's ACCOUNTDISABLE bit is set. */
export const uacDisabled = (entry: Entry) =>
  (Number(first(entry, 'userAccountControl') ?? 0) & ACCOUNTDISABLE) !== 0;

/** The attributes a user search asks for. */
export function userAttributes(s: DirectorySettings): string[] {
  const names = new Set([
    ...Object.values(s.attributes),
    ...Object.values(s.fallbacks),
    ...(s.flavour === 'ad' ? ['userAccountControl'] : []),
  ]);
  return [...names];
}

const first = (entry: Entry, attribute: string | undefined): string | null => {
  if (!attribute) return null;
  // ldapts names attributes as the server returns them; the map may differ in case.
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? undefined : entry[key];
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined) return null;
  const text = Buffer.isBuffer(v) ? v.toString('hex') : String(v).trim();
  return text === '' ? null : text;
};

const read = (entry: Entry, s: DirectorySettings, field: keyof AttributeMap) =>
  first(entry, s.attributes[field]) ?? first(entry, s.fallbacks[field]);

/** The first language of a preferredLanguage value (RFC 2798: "en-GB, en;q=0.8"). */
function language(value: string | null): string | null {
  const tag = value?.split(',')[0]?.split(';')[0]?.trim();
  return tag && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag) ? tag : null;
}

/**
 * Reads an entry found by a user search. `disabled` is what the disabled filter
 * matched (a second search), or for Active Directory the ACCOUNTDISABLE bit.
 */
export function readEntry(
  entry: Entry,
  s: DirectorySettings,
  disabledByFilter: boolean,
): ReadEntry {
  const id = read(entry, s, 'id')?.toLowerCase() ?? null;
  const fail = (error: string): ReadEntry => ({ ok: false, dn: entry.dn, id, error });
  if (!id) return fail(`it has no ${s.attributes.id} (the identifier attribute)`);
  const upn = read(entry, s, 'upn');
  if (!upn) return fail(`it has no ${s.attributes.upn} (the user name attribute)`);
  if (!isUpn(upn))
    return fail(
      `its ${s.attributes.upn} "${upn.slice(0, 120)}" is not a user name like name@domain`,
    );
  return {
    ok: true,
    entry: {
      dn: entry.dn,
      id,
      upn,
      displayName: read(entry, s, 'displayName')?.slice(0, 256) ?? null,
      mail: read(entry, s, 'mail'),
      mobile: read(entry, s, 'mobile'),
      language: language(read(entry, s, 'language')),
      disabled: disabledByFilter || (s.flavour === 'ad' && uacDisabled(entry)),
    },
  };
}

/** Binary attributes of the user search (read as bytes). */
export const binaryAttributes = (s: DirectorySettings) => userAttributes(s).filter(isBinary);

/** The filter matching one entry by its identifier (values travel as BER: nothing to escape). */
export function idFilter(s: DirectorySettings, id: string): EqualityFilter {
  const attribute = s.attributes.id;
  return new EqualityFilter({
    attribute,
    value: isBinary(attribute) ? Buffer.from(id, 'hex') : id,
  });
}
