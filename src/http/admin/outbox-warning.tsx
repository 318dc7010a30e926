import type { Context } from 'hono';
import type { HttpEnv } from '../env.ts';

/** Under the outbox provider no text or call reaches a phone: said where the phone methods are set. */
export function OutboxWarning({ c }: { c: Context<HttpEnv> }) {
  const { t, ctx } = c.var;
  return (
    <div class="warning" role="note" id="telephony-outbox">
      <p>
        <strong>{t('admin.outbox.title')}</strong>
      </p>
      <p>{t('admin.outbox.body')}</p>
      <p>
        {t(ctx.config.phoneSimulator ? 'admin.outbox.simulatorOn' : 'admin.outbox.simulatorOff')}
      </p>
      <p>{t('admin.outbox.configure')}</p>
    </div>
  );
}
