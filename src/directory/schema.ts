// The attribute map checked against the directory's own schema (its subschema
// subentry, RFC 4512), so that a misspelt attribute is named once instead of
// every entry coming back without it. A directory that does not show its
// schema to the service account is not checked.
import { AppError } from '../errors.ts';
import type { DirectoryClient } from './client.ts';

/** The names (lowercased) an attributeTypes value gives its attribute. */
function namesOf(definition: string): string[] {
  const m = /\bNAME\s+(?:'([^']+)'|\(\s*((?:'[^']+'\s*)+)\))/i.exec(definition);
  if (!m) return [];
  return (m[1] ? [m[1]] : [...m[2]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!)).map((n) =>
    n.toLowerCase(),
  );
}

/** The attributes the map names that the directory's schema does not have. */
export async function missingAttributes(client: DirectoryClient): Promise<string[]> {
  const root = await client.read('', ['subschemaSubentry']);
  const at = root?.subschemaSubentry;
  const dn = Array.isArray(at) ? at[0] : at;
  if (!dn) return [];
  const schema = await client.read(String(dn), ['attributeTypes']);
  const types = schema?.attributeTypes;
  if (!types) return [];
  const known = new Set(
    (Array.isArray(types) ? types : [types]).flatMap((t) => namesOf(String(t))),
  );
  const map = client.settings.attributes;
  return Object.entries(map)
    .filter(([, attribute]) => !/^\d/.test(attribute) && !known.has(attribute.toLowerCase()))
    .map(([field, attribute]) => `${field}=${attribute}`);
}

/** Refuses an attribute map that names attributes the directory does not have. */
export async function checkAttributeMap(client: DirectoryClient): Promise<void> {
  const missing = await missingAttributes(client);
  if (missing.length > 0)
    throw new AppError('directory_error', {
      detail: `The directory's schema has no attribute for ${missing.join(', ')}: correct PORTCULLIS_DIRECTORY_ATTRIBUTES (or the flavour, PORTCULLIS_DIRECTORY_FLAVOUR). Nothing was changed.`,
    });
}
