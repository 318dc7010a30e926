import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { recordCallOutcome } from '../../delivery/calls.ts';
import {
  verifyTwilio,
  verifyWebhook,
  WEBHOOK_SIGNATURE_HEADER,
} from '../../delivery/signatures.ts';
import { say, TWILIO_GATHER_PATH, TWILIO_STATUS_PATH } from '../../delivery/twilio.ts';
import type { CallOutcome } from '../../delivery/types.ts';
import { WEBHOOK_CALLBACK_PATH } from '../../delivery/webhook.ts';
import { AppError } from '../../errors.ts';
import { negotiate, translator, userLocale } from '../../i18n/index.ts';
import type { HttpEnv } from '../env.ts';
import { problem } from '../problem.ts';

type C = Context<HttpEnv>;

/**
 * Providers reporting how a call ended. Each endpoint exists only while its
 * provider is configured, and acts only on a valid signature. A replayed report
 * changes nothing: a call settles once (recordCallOutcome).
 */
export const telephonyRoutes = new Hono<HttpEnv>();

const refuse = (c: C, provider: string, code: 'unauthorized' | 'forbidden') => {
  c.var.ctx.log.warn({ provider, path: c.req.path }, 'telephony callback with a bad signature');
  return problem(c, new AppError(code));
};

const outcomes = ['approved', 'fraud', 'hung_up', 'no_answer'] as const satisfies CallOutcome[];
const webhookReport = z.object({
  challengeId: z.string().min(1).max(200),
  outcome: z.enum(outcomes),
});

const parseJson = (raw: string): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
};

telephonyRoutes.post(WEBHOOK_CALLBACK_PATH, async (c) => {
  const { ctx } = c.var;
  const secret = ctx.config.telephony === 'webhook' ? ctx.config.webhookSecret : undefined;
  if (!secret) return c.notFound();
  const raw = await c.req.text();
  const signature = c.req.header(WEBHOOK_SIGNATURE_HEADER);
  if (!verifyWebhook(secret, signature, raw, ctx.clock.now()))
    return refuse(c, 'webhook', 'unauthorized');
  const report = webhookReport.safeParse(parseJson(raw));
  if (!report.success) {
    return problem(
      c,
      new AppError('invalid_request', {
        detail: `Send JSON {"challengeId", "outcome"} with outcome one of ${outcomes.join(', ')}.`,
      }),
    );
  }
  await recordCallOutcome(ctx, report.data.challengeId, report.data.outcome);
  return c.body(null, 204);
});

/** A Twilio callback: the provider configured, the signature valid, the challenge named. */
const twilioCallback =
  (handle: (c: C, form: URLSearchParams, challengeId: string) => Promise<Response>) =>
  async (c: C) => {
    const { ctx } = c.var;
    const token = ctx.config.telephony === 'twilio' ? ctx.config.twilioAuthToken : undefined;
    if (!token) return c.notFound();
    const form = new URLSearchParams(await c.req.text());
    // Twilio signs the URL it requested: ours as published, not as a proxy forwarded it.
    const url = `${ctx.config.publicUrl}${c.req.path}${new URL(c.req.url).search}`;
    if (!verifyTwilio(token, c.req.header('x-twilio-signature'), url, form)) {
      return refuse(c, 'twilio', 'forbidden');
    }
    const challengeId = c.req.query('challenge');
    if (!challengeId) return problem(c, new AppError('invalid_request'));
    return handle(c, form, challengeId);
  };

const twiml = (c: C, verbs: string) =>
  c.body(`<?xml version="1.0" encoding="UTF-8"?><Response>${verbs}<Hangup/></Response>`, 200, {
    'content-type': 'text/xml; charset=utf-8',
  });

/** The script is not kept, so the goodbye is the catalog's, in the user's language. */
async function goodbye(ctx: AppContext, challengeId: string, outcome: 'approved' | 'fraud') {
  const challenge = await ctx.stores.challenges.find(challengeId);
  const user = challenge && (await ctx.stores.users.findById(challenge.user_id));
  const locale = user ? userLocale(user) : negotiate([]);
  return say(
    translator(locale)(outcome === 'approved' ? 'call.approved' : 'call.fraudRecorded'),
    locale,
  );
}

// The key that ended the Gather (see callTwiml in src/delivery/twilio.ts).
telephonyRoutes.post(
  TWILIO_GATHER_PATH,
  twilioCallback(async (c, form, challengeId) => {
    const digits = form.get('Digits');
    const outcome: CallOutcome = digits === '#' ? 'approved' : digits === '0' ? 'fraud' : 'hung_up';
    const settled = await recordCallOutcome(c.var.ctx, challengeId, outcome);
    // Only a call settled just now hears that it worked.
    const words =
      settled && outcome !== 'hung_up' ? await goodbye(c.var.ctx, challengeId, outcome) : '';
    return twiml(c, words);
  }),
);

const unanswered = new Set(['no-answer', 'busy', 'failed', 'canceled']);

// A call that ended without a Gather result; after one, the call is settled and this changes nothing.
telephonyRoutes.post(
  TWILIO_STATUS_PATH,
  twilioCallback(async (c, form, challengeId) => {
    const status = form.get('CallStatus') ?? '';
    const outcome = unanswered.has(status)
      ? 'no_answer'
      : status === 'completed'
        ? 'hung_up'
        : null;
    if (outcome) await recordCallOutcome(c.var.ctx, challengeId, outcome);
    return c.body(null, 204);
  }),
);
