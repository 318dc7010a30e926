import { raw } from 'hono/html';
import { CodeField } from '../forms.tsx';
import type { FormProps } from '../types.ts';

const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

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
    <p>{form.t('totp.scan')}</p>
    <div class="qr" role="img" aria-label={form.t('totp.qrLabel')}>
      {raw(svg)}
    </div>
    <details>
      <summary>{form.t('totp.cantScan')}</summary>
      <p>{form.t('totp.secretIntro')}</p>
      <p>
        <code id="secret-key">{grouped(secret)}</code>
      </p>
      <p>{form.t('totp.uriIntro')}</p>
      <p>
        <code id="otpauth-uri" class="wrap">
          {uri}
        </code>
      </p>
    </details>
    <CodeField form={form} />
  </div>
);

export const VerifyView = ({ form }: { form: FormProps }) => (
  <div class="stack">
    <p>{form.t('totp.enterCode')}</p>
    <CodeField form={form} />
  </div>
);
