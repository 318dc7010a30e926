// What SCIM resources share: attribute names in any case brought to the
// schema's spelling, booleans sent as strings read as booleans, list answers.
import { type AttributeDef, attributesOf, LIST } from './schemas.ts';

export type Resource = Record<string, unknown>;

const COMMON: Record<string, string> = {
  id: 'id',
  externalid: 'externalId',
  schemas: 'schemas',
  meta: 'meta',
};

function canonicalValue(def: AttributeDef, v: unknown): unknown {
  if (def.type === 'boolean' && typeof v === 'string' && /^(true|false)$/i.test(v))
    return v.toLowerCase() === 'true';
  if (def.type !== 'complex' || !def.subAttributes) return v;
  const one = (item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? canonicalObject(def.subAttributes!, item as Resource)
      : item;
  return Array.isArray(v) ? v.map(one) : one(v);
}

function canonicalObject(defs: readonly AttributeDef[], o: Resource): Resource {
  const out: Resource = {};
  for (const [k, v] of Object.entries(o)) {
    const def = defs.find((d) => d.name.toLowerCase() === k.toLowerCase());
    if (def) out[def.name] = canonicalValue(def, v);
  }
  return out;
}

/**
 * The resource with every known attribute in its schema's spelling (names are
 * case-insensitive, RFC 7643 §2.1) and unknown attributes dropped (RFC 7644
 * §3.3 lets a service provider ignore them).
 */
export function canonical(body: Resource, schemas: readonly string[]): Resource {
  const [core, ...extensions] = schemas;
  const out: Resource = {};
  for (const [k, v] of Object.entries(body)) {
    const common = COMMON[k.toLowerCase()];
    if (common) {
      out[common] = v;
      continue;
    }
    const ext = extensions.find((s) => s.toLowerCase() === k.toLowerCase());
    if (ext) {
      if (v && typeof v === 'object' && !Array.isArray(v))
        out[ext] = canonicalObject(attributesOf[ext] ?? [], v as Resource);
      continue;
    }
    const def = (attributesOf[core!] ?? []).find((d) => d.name.toLowerCase() === k.toLowerCase());
    if (def) out[def.name] = canonicalValue(def, v);
  }
  return out;
}

/** The one value of a multi-valued attribute Portcullis keeps: of `type`, else the primary, else the first. */
export function pickOne(list: unknown, type: string): string | null {
  if (!Array.isArray(list)) return null;
  const items = list.filter(
    (x): x is { value: string; type?: unknown; primary?: unknown } =>
      !!x &&
      typeof x === 'object' &&
      typeof (x as { value?: unknown }).value === 'string' &&
      (x as { value: string }).value.trim() !== '',
  );
  const found =
    items.find((x) => typeof x.type === 'string' && x.type.toLowerCase() === type) ??
    items.find((x) => x.primary === true) ??
    items[0];
  return found ? found.value.trim() : null;
}

export function listResponse(total: number, startIndex: number, resources: Resource[]) {
  return {
    schemas: [LIST],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

export const iso = (t: number) => new Date(t).toISOString();
