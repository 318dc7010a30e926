// RecoveryCode: ten single-use codes, shown once, for when no other method is at hand.
import type { Translate } from '../../i18n/index.ts';
import { methodInfo } from '../catalogue.ts';
import type { AuthMethod, MethodContext, MethodUser } from '../types.ts';
import { CODES_PER_SET, hashCode, newCodeSet, normaliseCode } from './codes.ts';
import { recoveryCodesStore } from './store.ts';
import { EnrolView, VerifyView } from './views.tsx';

const ID = 'RecoveryCode';

interface EnrolState {
  /** The new set, as shown to the user (kept sealed in the flow until registered). */
  codes: string[];
}

/** The text file the user downloads: who and when, then one code a line. */
function fileText(
  issuer: string,
  ctx: MethodContext,
  user: MethodUser,
  codes: readonly string[],
  t: Translate,
) {
  const date = new Date(ctx.clock.now()).toISOString().slice(0, 10);
  return [
    t('recovery.fileTitle', { issuer, upn: user.upn, date }),
    '',
    ...codes,
    '',
    t('recovery.fileNote'),
    '',
  ].join('\n');
}

export const recoveryCodeMethod = {
  ...methodInfo(ID),

  enrol: {
    async begin(ctx) {
      return { codes: newCodeSet(ctx.random) };
    },
    async render(ctx, user, state, form) {
      const issuer = await ctx.issuer();
      // A file name from the organisation's name: letters and digits, else the product's.
      const stem =
        issuer
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '') || 'portcullis';
      const fileName = `${stem}-recovery-codes.txt`;
      const file = fileText(issuer, ctx, user, state.codes, form.t);
      const replaces = await recoveryCodesStore(ctx.db).hasSet(user.id);
      return EnrolView({ codes: state.codes, file, fileName, replaces, form });
    },
    async complete(ctx, user, state, input, _attempt, t) {
      if (input.saved !== '1') return { ok: 'retry', message: t('recovery.confirm') };
      const hashes = state.codes.map((c) => hashCode(ctx.hmacKey, user.id, normaliseCode(c)!));
      // A user has one set: the new one replaces the old codes and the old
      // registration (the caller registers the new one), all or nothing.
      await ctx.db.transaction().execute(async (trx) => {
        await recoveryCodesStore(trx).replace(user.id, hashes, ctx.clock.now());
        await trx
          .deleteFrom('auth_methods')
          .where('user_id', '=', user.id)
          .where('method_type', '=', ID)
          .execute();
      });
      return { ok: true, secret: null, details: { count: CODES_PER_SET } };
    },
  },

  remote: {
    proof: 'code',
    prompt: async (_ctx, _user, _reg, _attempt, t) => t('radius.recovery'),
    looksLike: (input) => normaliseCode(input) !== null,
  },

  renderVerify: (_ctx, _user, _reg, form) => VerifyView({ form }),

  async verify(ctx, user, _reg, input, attempt, t) {
    const code = normaliseCode(input.code);
    if (!code) return { ok: false, reason: 'malformed' };
    const store = recoveryCodesStore(ctx.db);
    const hash = hashCode(ctx.hmacKey, user.id, code);
    // Single use is one conditional update: of racing requests, one wins.
    if (await store.consume(user.id, hash, ctx.clock.now(), attempt.flowId)) {
      return { ok: true, notice: t('recovery.left', { count: await store.remaining(user.id) }) };
    }
    const used = await store.used(user.id, hash);
    // The same attempt sent the code twice (a double click): not a wrong code.
    if (used?.flow_id === attempt.flowId) return { ok: 'waiting' };
    return { ok: false, reason: used ? 'replayed' : 'invalid' };
  },
} satisfies AuthMethod<EnrolState>;
