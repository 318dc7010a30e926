import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { CsrfField, RememberDevice } from '../forms.tsx';
import type { FormProps } from '../types.ts';

/**
 * The options as a JSON data block: not executed, so allowed under
 * `script-src 'self'`; /static/passkey.js reads it. `<` is escaped so the
 * data cannot close the element.
 */
const Options = ({ options }: { options: unknown }) => (
  <script type="application/json" id="passkey-options">
    {raw(JSON.stringify(options).replace(/</g, '\\u003c'))}
  </script>
);

const Scripts = () => (
  <>
    <script src="/static/simplewebauthn.js" defer />
    <script src="/static/passkey.js" defer />
  </>
);

/** Name the passkey, then "Create passkey": the browser asks the authenticator, the script posts. */
export const EnrolView = ({
  options,
  name,
  form,
}: {
  options: PublicKeyCredentialCreationOptionsJSON;
  name: string;
  form: FormProps;
}) => (
  <div class="stack">
    <p>{form.t('passkey.intro')}</p>
    <Options options={options} />
    <form method="post" action={form.action} class="stack" data-passkey="register">
      <CsrfField form={form} />
      <label for="passkey-name">{form.t('passkey.name')}</label>
      <input id="passkey-name" name="name" value={name} maxlength={64} autocomplete="off" />
      <input type="hidden" name="response" />
      <p id="passkey-error" role="alert" hidden>
        {form.t('passkey.notCreated')}
      </p>
      <noscript>
        <p>{form.t('passkey.needsScript')}</p>
      </noscript>
      <button type="submit">{form.t('passkey.create')}</button>
    </form>
    <Scripts />
  </div>
);

/** The form that asks the authenticator for an assertion and posts it (second step or sign-in page). */
const AssertionForm = ({
  options,
  form,
  failed,
  children,
}: {
  options: PublicKeyCredentialRequestOptionsJSON;
  form: FormProps;
  /** Shown when the browser did not get an assertion. */
  failed: string;
  /** What goes before the submit button, and the button. */
  children: Child;
}) => (
  <>
    <Options options={options} />
    <form method="post" action={form.action} class="stack" data-passkey="authenticate">
      <CsrfField form={form} />
      <input type="hidden" name="response" />
      <p id="passkey-error" role="alert" hidden>
        {failed}
      </p>
      {children}
    </form>
    <Scripts />
  </>
);

/** "Use your passkey": the browser asks the authenticator, the script posts the assertion. */
export const VerifyView = ({
  options,
  form,
}: {
  options: PublicKeyCredentialRequestOptionsJSON;
  form: FormProps;
}) => (
  <div class="stack">
    <p>{form.t('passkey.verifyIntro')}</p>
    <AssertionForm options={options} form={form} failed={form.t('passkey.notUsed')}>
      <noscript>
        <p>{form.t('passkey.needsScript')}</p>
      </noscript>
      <RememberDevice form={form} />
      <button type="submit">{form.t('passkey.use')}</button>
    </AssertionForm>
  </div>
);

/** On the sign-in page: "Sign in with a passkey" — the browser offers the passkeys it has for this site. */
export const SigninView = ({
  options,
  form,
}: {
  options: PublicKeyCredentialRequestOptionsJSON;
  form: FormProps;
}) => (
  <AssertionForm options={options} form={form} failed={form.t('passkey.signinFailed')}>
    <button type="submit" class="secondary-button">
      {form.t('passkey.signin')}
    </button>
  </AssertionForm>
);
