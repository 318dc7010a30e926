// Attribute paths as SCIM writes them (RFC 7644 §3.10): `userName`,
// `name.givenName`, `urn:…:enterprise:2.0:User:employeeNumber`,
// `emails.value` — names compared in any case, resolved to the schema's own
// spelling.

import { ScimError } from './errors.ts';
import { type AttributeDef, attributesOf } from './schemas.ts';

export interface ResolvedPath {
  /** The schema the attribute belongs to (the core schema for common attributes). */
  schema: string;
  /** The attribute's own spelling, e.g. `name`; `id`, `externalId`, `meta` for the common ones. */
  attr: string;
  /** The sub-attribute's own spelling, if any. */
  sub?: string;
  def?: AttributeDef;
  subDef?: AttributeDef;
}

const COMMON = ['id', 'externalId', 'meta', 'schemas'];
const META_SUBS = ['resourceType', 'created', 'lastModified', 'location', 'version'];

const find = <T extends { name: string }>(list: readonly T[], name: string) =>
  list.find((x) => x.name.toLowerCase() === name.toLowerCase());

/**
 * Resolves a path against a resource's schemas (core first); null when the
 * attribute is not one of them.
 */
export function resolvePath(path: string, schemas: readonly string[]): ResolvedPath | null {
  let schema = schemas[0]!;
  let rest = path.trim();
  if (rest.toLowerCase().startsWith('urn:')) {
    const uri = [...schemas]
      .sort((x, y) => y.length - x.length)
      .find(
        (s) =>
          rest.toLowerCase().startsWith(`${s.toLowerCase()}:`) ||
          rest.toLowerCase() === s.toLowerCase(),
      );
    if (!uri) return null;
    schema = uri;
    rest = rest.slice(uri.length + 1);
    if (!rest) return { schema, attr: '' };
  }
  const [name, subName, ...more] = rest.split('.');
  if (!name || more.length > 0) return null;
  if (schema === schemas[0]) {
    const common = find(
      COMMON.map((n) => ({ name: n })),
      name,
    );
    if (common) {
      if (common.name !== 'meta') return subName ? null : { schema, attr: common.name };
      const sub = subName
        ? find(
            META_SUBS.map((n) => ({ name: n })),
            subName,
          )
        : undefined;
      if (subName && !sub) return null;
      return { schema, attr: 'meta', ...(sub ? { sub: sub.name } : {}) };
    }
  }
  const def = find(attributesOf[schema] ?? [], name);
  if (!def) return null;
  if (!subName) return { schema, attr: def.name, def };
  const subDef = find(def.subAttributes ?? [], subName);
  if (!subDef) return null;
  return { schema, attr: def.name, sub: subDef.name, def, subDef };
}

/** As resolvePath, or a 400 with SCIM's keyword for where the path was used. */
export function requirePath(
  path: string,
  schemas: readonly string[],
  scimType: 'invalidFilter' | 'invalidPath',
): ResolvedPath {
  const p = resolvePath(path, schemas);
  if (!p)
    throw new ScimError(
      400,
      scimType,
      `"${path.slice(0, 200)}" is not an attribute of this resource.`,
    );
  return p;
}
