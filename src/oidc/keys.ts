// ID token signing keys: generated on first start, sealed in the database so
// every node signs with the same keys, rotated by `portcullis keys rotate`.
// One key per algorithm a client may ask for (RS256, ES256).
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { AppContext } from '../context.ts';
import { type Actor, audit } from '../services/audit.ts';
import { ID_TOKEN_ALGS, type IdTokenAlg } from '../services/signing-algs.ts';

/** A retired key stays published this long: longer than any token it signed lives. */
export const RETIRED_KEY_KEPT_MS = 24 * 3_600_000;

const aad = (kid: string) => `signing_keys:${kid}`;

async function newKey(ctx: AppContext, alg: IdTokenAlg, trxDb = ctx.db): Promise<void> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
  });
  const kid = ctx.random.bytes(12).toString('base64url');
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
  await trxDb
    .insertInto('signing_keys')
    .values({
      kid,
      alg,
      jwk_sealed: ctx.box.seal(JSON.stringify(jwk), aad(kid)),
      created_at: ctx.clock.now(),
      retired_at: null,
    })
    .execute();
}

/** The key rows to publish, newest first. */
const published = (ctx: AppContext) =>
  ctx.db
    .selectFrom('signing_keys')
    .where((eb) =>
      eb.or([
        eb('retired_at', 'is', null),
        eb('retired_at', '>', ctx.clock.now() - RETIRED_KEY_KEPT_MS),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('kid', 'desc');

/**
 * What identifies the published key set (ids and retirements): when it changes
 * — a rotation on any node, a retired key's time running out — the provider is
 * rebuilt with the new keys.
 */
export async function keySetVersion(ctx: AppContext): Promise<string> {
  const rows = await published(ctx).select(['kid', 'retired_at']).execute();
  return rows.map((r) => `${r.kid}:${r.retired_at ?? ''}`).join(',');
}

/**
 * The keys to publish, the signing ones first: for each algorithm the newest
 * key not retired (the same choice on every node, even if two nodes made a
 * first key at once), RS256's first of all (the default), then retired keys
 * still within RETIRED_KEY_KEPT_MS. Makes the first key of an algorithm that
 * has none.
 */
export async function signingKeys(ctx: AppContext): Promise<JWK[]> {
  const load = () => published(ctx).selectAll().execute();
  let rows = await load();
  const missing = ID_TOKEN_ALGS.filter(
    (alg) => !rows.some((r) => r.retired_at === null && r.alg === alg),
  );
  if (missing.length > 0) {
    for (const alg of missing) await newKey(ctx, alg);
    rows = await load();
  }
  const signing = ID_TOKEN_ALGS.map(
    (alg) => rows.find((r) => r.retired_at === null && r.alg === alg)!,
  );
  const ordered = [...signing, ...rows.filter((r) => !signing.includes(r))];
  return ordered.map((r) => JSON.parse(ctx.box.open(r.jwk_sealed, aad(r.kid))) as JWK);
}

/**
 * New signing keys (one per algorithm) take over; the old ones stay published
 * until their tokens expire. Audited.
 */
export async function rotateSigningKeys(
  ctx: AppContext,
  actor: Pick<Actor, 'name' | 'ip'>,
): Promise<{ kid: string; kids: Record<IdTokenAlg, string> }> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('signing_keys')
      .set({ retired_at: ctx.clock.now() })
      .where('retired_at', 'is', null)
      .execute();
    for (const alg of ID_TOKEN_ALGS) await newKey(ctx, alg, trx);
    await audit(ctx, trx, actor, { action: 'signing_keys_rotated' });
  });
  const keys = await signingKeys(ctx);
  const kids = Object.fromEntries(
    ID_TOKEN_ALGS.map((alg) => [alg, keys.find((k) => k.alg === alg)!.kid!]),
  ) as Record<IdTokenAlg, string>;
  return { kid: kids.RS256, kids };
}
