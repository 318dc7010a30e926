import { Hono, type MiddlewareHandler } from 'hono';
import { isAppError, localMessage } from '../../errors.ts';
import { answerCall, listOutbox, type OutboxView } from '../../services/outbox.ts';
import { signedInUser } from '../admin/guard.ts';
import { fromLoopback } from '../client.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Csrf, ErrorMessage, Layout } from '../pages/layout.tsx';
import { checkCsrf, formToken } from '../session.ts';

/**
 * The phone simulator, for trying Portcullis out: texts and calls per number,
 * and buttons to answer a ringing call with #, 0# or a hang-up. Mounted only
 * with PORTCULLIS_PHONE_SIMULATOR (which needs the outbox provider).
 */
const Entry = ({ e, csrf }: { e: OutboxView; csrf: string }) => (
  <li class={`outbox-${e.kind}`} data-id={e.id}>
    <p>
      <strong>{e.kind === 'sms' ? 'Text' : 'Call'}</strong> to{' '}
      <a href={`/_dev/phone?number=${encodeURIComponent(e.to)}`}>{e.to}</a>
      {e.extension ? ` ext. ${e.extension}` : ''} · {e.createdAt} ·{' '}
      <span class="status">{e.status}</span>
    </p>
    <p class="message">{e.text}</p>
    {e.kind === 'call' && e.status === 'ringing' ? (
      <form method="post" action={`/_dev/phone/calls/${e.id}`} class="row">
        <Csrf token={csrf} />
        <button type="submit" name="keys" value="#">
          Answer and press #
        </button>
        <button type="submit" name="keys" value="0#">
          Press 0# (report fraud)
        </button>
        <button type="submit" name="hangup" value="1">
          Hang up
        </button>
      </form>
    ) : null}
  </li>
);

/**
 * It shows every code sent and answers calls, so it passes anyone's second
 * factor: only someone on this machine or a signed-in administrator sees it.
 * Anyone else gets the plain 404, as if it were not there.
 */
const onlyLocalOrAdmin: MiddlewareHandler<HttpEnv> = async (c, next) => {
  if (fromLoopback(c) || (await signedInUser(c))?.is_admin === 1) return next();
  return c.notFound();
};

export const devPhoneRoutes = new Hono<HttpEnv>()
  .use('/_dev/phone', onlyLocalOrAdmin)
  .use('/_dev/phone/*', onlyLocalOrAdmin)
  .get('/_dev/phone', async (c) => {
    const number = c.req.query('number')?.slice(0, 40);
    const entries = await listOutbox(c.var.ctx, { ...(number ? { number } : {}), limit: 100 });
    const csrf = formToken(c);
    return c.html(
      <Layout t={c.var.t} lang={c.var.locale} title="Phone simulator">
        <p>Texts and calls sent by the outbox provider. Nothing leaves this machine.</p>
        {number ? (
          <p>
            Showing {number} · <a href="/_dev/phone">all numbers</a>
          </p>
        ) : null}
        <ErrorMessage message={c.req.query('error')?.slice(0, 200)} />
        <ul class="outbox">
          {entries.map((e) => (
            <Entry e={e} csrf={csrf} />
          ))}
        </ul>
        {entries.length === 0 ? <p>Nothing sent yet.</p> : null}
      </Layout>,
    );
  })
  .post('/_dev/phone/calls/:id', async (c) => {
    const form = await readForm(c);
    checkCsrf(c, form._csrf);
    try {
      await answerCall(
        c.var.ctx,
        c.req.param('id'),
        form.hangup ? { hangUp: true } : { keys: form.keys ?? '' },
      );
      return c.redirect('/_dev/phone', 303);
    } catch (e) {
      if (!isAppError(e)) throw e;
      return c.redirect(`/_dev/phone?error=${encodeURIComponent(localMessage(e, c.var.t))}`, 303);
    }
  });
