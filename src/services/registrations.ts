import type { AppContext } from '../context.ts';
import { worksAlone } from '../methods/catalogue.ts';
import type { Companion, EnrolResult, Registration } from '../methods/types.ts';
import type { MethodRow } from '../storage/methods.ts';

const aad = (id: string) => `auth_methods:${id}`;

/** A user's registered methods as methods see them (secrets opened). */
export async function loadRegistrations(ctx: AppContext, userId: string): Promise<Registration[]> {
  const rows = await ctx.stores.methods.listForUser(userId);
  return rows.map((r) => toRegistration(ctx, r));
}

export const toRegistration = (ctx: AppContext, r: MethodRow): Registration => ({
  id: r.id,
  methodType: r.method_type,
  isDefault: r.is_default === 1,
  secret: r.secret_sealed ? ctx.box.open(r.secret_sealed, aad(r.id)) : null,
  details: JSON.parse(r.details) as Record<string, unknown>,
});

/** Stores a newly enrolled method; the first one a user registers becomes the default. */
export async function addRegistration(
  ctx: AppContext,
  userId: string,
  methodType: string,
  result: Extract<EnrolResult, { ok: true }>,
): Promise<Registration> {
  const id = crypto.randomUUID();
  const existing = await ctx.stores.methods.listForUser(userId);
  // The first method that works on its own becomes the default (never a backup such as recovery codes).
  const isDefault =
    worksAlone(methodType) &&
    !existing.some((m) => m.is_default === 1 && worksAlone(m.method_type));
  await ctx.stores.methods.add({
    id,
    user_id: userId,
    method_type: methodType,
    is_default: isDefault ? 1 : 0,
    secret_sealed: result.secret === null ? null : ctx.box.seal(result.secret, aad(id)),
    details: JSON.stringify(result.details),
    created_at: ctx.clock.now(),
    last_used_at: null,
  });
  return { id, methodType, isDefault, secret: result.secret, details: result.details };
}

/** A companion of an enrolment result, with the secret and details it registers with. */
export function companionOf(result: Extract<EnrolResult, { ok: true }>, c: Companion) {
  return typeof c === 'string'
    ? { methodType: c, secret: result.secret, details: result.details }
    : c;
}
