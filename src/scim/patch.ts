// PATCH (RFC 7644 §3.5.2) as identity providers send it: the operations are
// normalised (Microsoft Entra writes "Replace", puts "name.givenName" as a key
// of a path-less value, and sends "True"/"False" for booleans), then applied
// by scim-patch to the resource as it is; the caller stores the difference.
import { ScimError as PatchError, type ScimPatchOperation, scimPatch } from 'scim-patch';
import { ScimError } from './errors.ts';
import { PATCH_OP } from './schemas.ts';

type Resource = Record<string, unknown>;

export interface Operation {
  op: 'add' | 'remove' | 'replace';
  path?: string;
  value?: unknown;
}

/** The operations of a PATCH body, checked and normalised. */
export function readOperations(body: unknown): Operation[] {
  const b = body as { schemas?: unknown; Operations?: unknown; operations?: unknown } | null;
  if (!b || typeof b !== 'object' || !Array.isArray(b.schemas) || !b.schemas.includes(PATCH_OP))
    throw new ScimError(400, 'invalidSyntax', `A PATCH body names the schema ${PATCH_OP}.`);
  const ops = b.Operations ?? b.operations;
  if (!Array.isArray(ops) || ops.length === 0)
    throw new ScimError(400, 'invalidSyntax', 'A PATCH body has a non-empty "Operations" list.');
  if (ops.length > 1000) throw new ScimError(400, 'tooMany', 'At most 1,000 operations at once.');
  const out: Operation[] = [];
  for (const raw of ops as { op?: unknown; path?: unknown; value?: unknown }[]) {
    const op = typeof raw?.op === 'string' ? raw.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'remove' && op !== 'replace')
      throw new ScimError(
        400,
        'invalidSyntax',
        `"${String(raw?.op).slice(0, 40)}" is not a PATCH operation (add, remove, replace).`,
      );
    if (raw.path !== undefined && typeof raw.path !== 'string')
      throw new ScimError(400, 'invalidPath', 'A path is a string.');
    const path = typeof raw.path === 'string' && raw.path.trim() ? raw.path.trim() : undefined;
    if (op === 'remove' && !path)
      throw new ScimError(400, 'noTarget', 'A remove operation needs a path.');
    if (op !== 'remove' && raw.value === undefined)
      throw new ScimError(400, 'invalidValue', `An ${op} operation needs a value.`);
    // A path-less value whose keys are paths ("name.givenName", an extension's
    // URI with an attribute): one operation per key.
    if (!path && raw.value && typeof raw.value === 'object' && !Array.isArray(raw.value)) {
      for (const [key, value] of Object.entries(raw.value as Resource)) {
        if (
          key.includes('.') ||
          (key.toLowerCase().startsWith('urn:') && typeof value !== 'object')
        )
          out.push({ op, path: key, value });
        else out.push({ op, value: { [key]: value } });
      }
      continue;
    }
    out.push({
      op,
      ...(path ? { path } : {}),
      ...(raw.value !== undefined ? { value: raw.value } : {}),
    });
  }
  return out;
}

/** Applies operations to a copy of the resource; an impossible one is a 400 with SCIM's keyword. */
export function applyOperations(resource: Resource, ops: readonly Operation[]): Resource {
  try {
    return scimPatch(
      resource as unknown as Parameters<typeof scimPatch>[0],
      ops as unknown as ScimPatchOperation[],
      { mutateDocument: false, treatMissingAsAdd: true },
    ) as unknown as Resource;
  } catch (e) {
    if (e instanceof PatchError) {
      const scimType = (e as PatchError & { scimType?: string }).scimType;
      throw new ScimError(
        400,
        (scimType as 'invalidPath') ?? 'invalidValue',
        e.message.slice(0, 300),
      );
    }
    throw e;
  }
}
