import { Hono } from 'hono';
import { isAppError, localMessage } from '../../errors.ts';
import { answerCall, listOutbox, type OutboxView } from '../../services/outbox.ts';
import type { HttpEnv } from '../env.ts';
import { readForm } from '../form.ts';
import { Csrf, ErrorMessage, Layout } from '../pages/layout.tsx';
import { checkCsrf, formToken } from '../session.ts';

/**
 * The phone simulator, mounted only with the outbox provider: texts and calls
 * per number, and buttons to answer a ringing call with #, 0# or a hang-up.
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

export const devPhoneRoutes = new Hono<HttpEnv>()
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
