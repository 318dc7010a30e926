import { raw } from 'hono/html';
import type { FormProps } from '../types.ts';

const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

const CodeField = ({ form, submit }: { form: FormProps; submit: string }) => (
  <form method="post" action={form.action} class="stack">
    <input type="hidden" name="_csrf" value={form.csrfToken} />
    <label for="code">Code</label>
    <input
      id="code"
      name="code"
      inputmode="numeric"
      autocomplete="one-time-code"
      pattern="[0-9 ]*"
      maxlength={8}
      required
      autofocus
    />
    <button type="submit">{submit}</button>
  </form>
);

export const EnrolView = ({
  svg,
  secret,
  uri,
  form,
}: {
  svg: string;
  secret: string;
  uri: string;
  form: FormProps;
}) => (
  <div class="stack">
    <p>Scan this QR code with your authenticator app, then enter the 6-digit code it shows.</p>
    <div class="qr" role="img" aria-label="QR code for your authenticator app">
      {raw(svg)}
    </div>
    <details>
      <summary>Can't scan the QR code?</summary>
      <p>Enter this secret key in your app (time-based, 6 digits, every 30 seconds):</p>
      <p>
        <code id="secret-key">{grouped(secret)}</code>
      </p>
      <p>Or use this address:</p>
      <p>
        <code id="otpauth-uri" class="wrap">
          {uri}
        </code>
      </p>
    </details>
    <CodeField form={form} submit="Verify" />
  </div>
);

export const VerifyView = ({ form }: { form: FormProps }) => (
  <div class="stack">
    <p>Enter the code shown in your authenticator app.</p>
    <CodeField form={form} submit="Verify" />
  </div>
);
