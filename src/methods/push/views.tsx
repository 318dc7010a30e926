import { raw } from 'hono/html';
import { ActionButton, CsrfField } from '../forms.tsx';
import type { FormProps } from '../types.ts';

/** A page that waits refreshes itself without script (CSP script-src 'self'). */
const Refresh = ({ href }: { href: string | null }) =>
  href ? <meta http-equiv="refresh" content={`2;url=${href}`} /> : null;

/** Proof-up: the QR code for the app, the code to type, and Continue once the app is set up. */
export const EnrolView = ({
  svg,
  url,
  code,
  form,
  pollHref,
}: {
  svg: string;
  url: string;
  code: string;
  form: FormProps;
  pollHref: string | null;
}) => (
  <div class="stack">
    <Refresh href={pollHref} />
    <p>{form.t('push.scan')}</p>
    <div class="qr" role="img" aria-label={form.t('push.qrLabel')}>
      {raw(svg)}
    </div>
    <p>{form.t('push.orOpen')}</p>
    <p>
      <a id="authenticator-link" href={url}>
        {url.split('#')[0]}
      </a>
    </p>
    <p>
      {form.t('push.codeIntro')} <code id="activation-code">{code}</code>
    </p>
    <form method="post" action={form.action} class="stack">
      <CsrfField form={form} />
      <input type="hidden" name="check" value="1" />
      <button type="submit">{form.t('push.continue')}</button>
    </form>
  </div>
);

/** The way to the app's codes (its PhoneAppOTP account), for a phone that is offline. */
const CodeLink = ({ href, form }: { href: string | null; form: FormProps }) =>
  href ? (
    <p>
      <a id="push-code-link" href={href}>
        {form.t('push.useCode')}
      </a>
    </p>
  ) : null;

/** Sign-in: the number to type on the device, while the page waits for the answer. */
export const WaitView = ({
  number,
  form,
  pollHref,
  codeHref,
}: {
  number: string;
  form: FormProps;
  pollHref: string | null;
  codeHref: string | null;
}) => (
  <div class="stack">
    <Refresh href={pollHref} />
    <p>{form.t('push.approve')}</p>
    <p class="push-number" id="push-number" aria-live="polite">
      {number}
    </p>
    <p class="muted">{form.t('push.waiting')}</p>
    <form method="post" action={form.action} class="stack">
      <CsrfField form={form} />
      <input type="hidden" name="check" value="1" />
      <button type="submit">{form.t('call.continue')}</button>
    </form>
    <CodeLink href={codeHref} form={form} />
  </div>
);

/** No request under way (answered, refused, run out, paused): send one again. */
export const AgainView = ({
  form,
  resendAction,
  codeHref,
}: {
  form: FormProps;
  resendAction: string;
  codeHref: string | null;
}) => (
  <div class="stack">
    <p>{form.t('push.notWaiting')}</p>
    <ActionButton form={form} action={resendAction} name="resend" label={form.t('push.again')} />
    <CodeLink href={codeHref} form={form} />
  </div>
);
