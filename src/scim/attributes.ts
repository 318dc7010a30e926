// `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9): which
// attributes an answer carries. `id` and `schemas` are always there; an
// attribute returned "never" (the password) never is.
import { type ResolvedPath, requirePath } from './paths.ts';

type Resource = Record<string, unknown>;

export interface Projection {
  attributes?: string | undefined;
  excludedAttributes?: string | undefined;
}

const ALWAYS = new Set(['id', 'schemas']);

const paths = (list: string | undefined, schemas: readonly string[]): ResolvedPath[] =>
  (list ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => requirePath(p, schemas, 'invalidPath'));

/** Where an attribute lives in a resource: at the top (core) or under its extension's URI. */
const holder = (r: Resource, p: ResolvedPath, core: string): Resource | undefined =>
  p.schema === core ? r : (r[p.schema] as Resource | undefined);

export function project(resource: Resource, q: Projection, schemas: readonly string[]): Resource {
  const core = schemas[0]!;
  const include = paths(q.attributes, schemas);
  const exclude = paths(q.excludedAttributes, schemas);
  if (include.length > 0) {
    const out: Resource = {};
    for (const [k, v] of Object.entries(resource)) if (ALWAYS.has(k)) out[k] = v;
    for (const p of include) {
      const from = holder(resource, p, core);
      if (!from) continue;
      if (p.schema !== core) out[p.schema] ??= {};
      const to = p.schema === core ? out : (out[p.schema] as Resource);
      if (!p.attr) {
        // The whole extension.
        Object.assign(to, from);
        continue;
      }
      const value = from[p.attr];
      if (value === undefined) continue;
      if (!p.sub) to[p.attr] = value;
      else if (Array.isArray(value)) {
        const prev = (to[p.attr] as Resource[] | undefined) ?? value.map(() => ({}));
        to[p.attr] = value.map((item, i) => ({ ...prev[i], [p.sub!]: (item as Resource)[p.sub!] }));
      } else if (value && typeof value === 'object')
        to[p.attr] = {
          ...(to[p.attr] as Resource | undefined),
          [p.sub]: (value as Resource)[p.sub],
        };
    }
    return dropEmptyExtensions(out, schemas);
  }
  if (exclude.length === 0) return resource;
  const out = structuredClone(resource);
  for (const p of exclude) {
    if (p.schema === core && ALWAYS.has(p.attr)) continue;
    const from = holder(out, p, core);
    if (!from) continue;
    if (!p.attr) delete out[p.schema];
    else if (!p.sub) delete from[p.attr];
    else {
      const value = from[p.attr];
      if (Array.isArray(value)) for (const item of value) delete (item as Resource)[p.sub];
      else if (value && typeof value === 'object') delete (value as Resource)[p.sub];
    }
  }
  return dropEmptyExtensions(out, schemas);
}

function dropEmptyExtensions(r: Resource, schemas: readonly string[]): Resource {
  for (const s of schemas.slice(1))
    if (r[s] && typeof r[s] === 'object' && Object.keys(r[s] as object).length === 0) delete r[s];
  return r;
}
